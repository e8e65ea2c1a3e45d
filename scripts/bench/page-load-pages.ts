/**
 * The pages of the page-load section, generated at run time: a news stub with and without 20
 * small same-origin ad frames (nothing on them a pack names), and a saved real page with a
 * short article of seed-pack names appended. Pure functions; the section writes the files.
 */

export interface PageLoadFile {
  /** Path relative to the section's folder, also its URL path below the folder's URL. */
  path: string;
  html: string;
}

export interface PageLoadPage {
  /** Stable name; `--only` matches against it. */
  name: string;
  description: string;
  /** The top document, one of `files`. */
  entry: string;
  /** Appended to the URL: a fragment the browser scrolls to, or ''. */
  hash: string;
  /** Documents a content script runs in: the top one and every frame. */
  documents: number;
  files: PageLoadFile[];
  /** Whether the page names anything a pack has (only then are there highlights to time). */
  mentions: boolean;
}

export const FRAME_COUNT = 20;

/** Where the appended article starts; the page is loaded with this fragment. */
export const ARTICLE_ID = 'fact-lens-bench-article';

/**
 * 29 names from `seeds/bytedance-ai-2026.pack.json`, each an alias of a different entity with
 * no context terms, so each counts wherever it stands. page-load-pages.test.ts checks them
 * against the pack.
 */
export const MENTION_NAMES: readonly string[] = [
  'ByteDance',
  'Seedance',
  'Seedance 2.0',
  'Doubao',
  'Doubao-Seed-Code',
  'Trae IDE',
  'Google Genie 3',
  'Google DeepMind',
  'Volcengine',
  'Douyin',
  'Alibaba',
  'SenseTime',
  'Claude Code',
  'OpenAI',
  'ChatGPT',
  'Google Gemini',
  'DeepSeek',
  'Zhipu AI',
  'GLM-5',
  'Moonshot AI',
  'Kimi K2',
  'Meta Platforms',
  'NVIDIA',
  'Hong Dingkun',
  'Fan Haoqi',
  'Guo Daya',
  'Vivix AI',
  'Jiemian News',
  'Visual China Group',
];

/** Two ordinary sentences: nothing in them is an alias of the seed pack or of 10,000 more. */
const STUB_SENTENCES = [
  'The river festival opened on Saturday with a parade through the old harbour.',
  'Organisers expect more visitors than last year if the weather holds.',
];

function document(title: string, body: string): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${title}</title>\n` +
    '<style>body{font:16px/1.5 sans-serif;max-width:60rem;margin:auto}iframe{border:1px solid #ccc;margin:2px}</style>\n' +
    `</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

function stubBody(extra: string): string {
  const paragraphs = STUB_SENTENCES.map((s) => `<p>${s}</p>`).join('\n');
  return (
    `<header><a href="#">Local news</a></header>\n` +
    `<main><article>\n<h1>Harbour festival opens</h1>\n${paragraphs}\n</article>\n${extra}</main>`
  );
}

/** One small ad document, e.g. "Buy shoes 3". */
export function adDocument(n: number): string {
  return document(`Ad ${n}`, `<p><a href="#">Buy shoes ${n}</a></p>`);
}

export function stubPage(): PageLoadPage {
  return {
    name: 'stub',
    description: 'news stub, two sentences naming nothing, no frames',
    entry: 'stub.html',
    hash: '',
    documents: 1,
    files: [{ path: 'stub.html', html: document('Harbour festival opens', stubBody('')) }],
    mentions: false,
  };
}

export function framesStubPage(frames = FRAME_COUNT): PageLoadPage {
  const ads = Array.from({ length: frames }, (_, i) => ({
    path: `ads/ad-${i + 1}.html`,
    html: adDocument(i + 1),
  }));
  const iframes = ads
    .map(
      (ad, i) => `<iframe src="${ad.path}" title="Ad ${i + 1}" width="240" height="60"></iframe>`,
    )
    .join('\n');
  return {
    name: 'frames-stub',
    description: `the same stub with ${frames} small same-origin ad frames`,
    entry: 'frames-stub.html',
    hash: '',
    documents: frames + 1,
    files: [
      {
        path: 'frames-stub.html',
        html: document('Harbour festival opens', stubBody(`<aside>\n${iframes}\n</aside>\n`)),
      },
      ...ads,
    ],
    mentions: false,
  };
}

const TEMPLATES: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `Analysts compared ${a} with ${b} in their quarterly notes.`,
  (a, b) => `A spokesperson for ${a} declined to comment on reports about ${b}.`,
  (a, b) => `Engineers who once worked on ${a} now build tools around ${b}.`,
  (a, b) => `The conference schedule put ${a} on the same afternoon as ${b}.`,
];

/**
 * A short article that names each of `names` once, two names a sentence, three sentences a
 * paragraph. Deterministic: the same names give the same HTML.
 */
export function mentionArticle(names: readonly string[]): string {
  const sentences: string[] = [];
  for (let i = 0; i < names.length; i += 2) {
    const a = names[i] ?? '';
    const b = names[i + 1];
    const template = TEMPLATES[(i / 2) % TEMPLATES.length];
    sentences.push(
      b === undefined || template === undefined ? `The last word went to ${a}.` : template(a, b),
    );
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) {
    paragraphs.push(`<p>${sentences.slice(i, i + 3).join(' ')}</p>`);
  }
  return (
    `<article id="${ARTICLE_ID}" lang="en">\n<h2>Who was named this week</h2>\n` +
    `${paragraphs.join('\n')}\n</article>`
  );
}

/** `html` with `article` put last in its body (before the last `</body>`; else at the end). */
export function withArticle(html: string, article: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}\n${article}\n` : `${html.slice(0, at)}${article}\n${html.slice(at)}`;
}

/** A saved page with the article appended, loaded scrolled to the article (`#${ARTICLE_ID}`). */
export function mentionsPage(
  baseName: string,
  html: string,
  names: readonly string[] = MENTION_NAMES,
): PageLoadPage {
  const name = `${baseName}+mentions`;
  return {
    name,
    description: `\`${baseName}.html\` with an article naming ${names.length} seed-pack entities appended`,
    entry: `${name}.html`,
    hash: `#${ARTICLE_ID}`,
    documents: 1,
    files: [{ path: `${name}.html`, html: withArticle(html, mentionArticle(names)) }],
    mentions: true,
  };
}
