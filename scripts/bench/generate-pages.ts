/**
 * Pages the benchmark generates itself, so it measures something even without
 * `../shared/pages`, and so the worst cases (a huge table, a 200,000-node DOM) are always there.
 *
 * Every generator is a pure function of its seed: the same seed gives the same bytes, so runs
 * months apart measure the same input. All text is original filler, never copied from anywhere.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Random } from '../../tests/support/prng';

export interface GeneratedPage {
  /** Stable name, also the file name without `.html`; `--only` matches against it. */
  name: string;
  description: string;
  html: string;
}

/** Seed-pack names sprinkled into English text, so our engine and mark.js both find work. */
const LATIN_NAMES = [
  'ByteDance',
  'Doubao',
  'Seedance 2.0',
  'Seedance',
  'Wu Yonghui',
  'Volcengine',
  'Genie 3',
  'Google DeepMind',
  'Claude Code',
  'OpenAI Codex',
  'Zhou Chang',
  'Trae IDE',
  'Doubao-Seed-Code',
  'Kimi K2',
  'DeepSeek',
  'Alibaba',
  'Douyin',
];

/** Names split by inline markup: the engine joins text per block, so these must still match. */
const SPLIT_NAMES = [
  'Wu <b>Yonghui</b>',
  'Seedance <i>2.0</i>',
  '<a href="#">Doubao</a> Seed Code',
];

const CJK_NAMES = [
  '豆包',
  '字节跳动',
  '吴永辉',
  '火山引擎',
  '抖音',
  '周畅',
  '深度求索',
  '智谱',
  '月之暗面',
  '商汤',
];

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which ' +
  'but have an they you were her she there been one all we their has would when if so no will ' +
  'more time year people new about over after market model team product research company said ' +
  'growth users video coding office world data training release budget engineer quarter plan ' +
  'report figure source early later across within between during against toward million ' +
  'billion percent daily active launch version update system network service platform mobile ' +
  'public private internal external growth rapid steady modest strong weak open closed large ' +
  'small river harbour garden window letter morning evening winter summer autumn spring city ' +
  'village mountain valley ocean island bridge station library museum theatre kitchen bottle ' +
  'carried painted measured counted borrowed returned followed described announced expected'
).split(' ');

const FILLER_HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过' +
  '子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体' +
  '制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内' +
  '数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提' +
  '直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计' +
  '别她手角期根论运农指几九区强放决西被干做必战先回则任取据处';

const INLINE_TAGS = ['a href="#"', 'b', 'i', 'em', 'code', 'span'];

function tagName(open: string): string {
  return open.split(' ')[0] ?? open;
}

function wrapInline(random: Random, text: string): string {
  const open = random.pick(INLINE_TAGS);
  return `<${open}>${text}</${tagName(open)}>`;
}

function englishSentence(random: Random, nameChance: number): string {
  const words: string[] = [];
  const count = random.int(8, 24);
  for (let i = 0; i < count; i++) {
    const word = random.pick(WORDS);
    words.push(random.chance(0.05) ? wrapInline(random, word) : word);
  }
  if (random.chance(nameChance)) {
    const name = random.chance(0.15) ? random.pick(SPLIT_NAMES) : random.pick(LATIN_NAMES);
    words.splice(random.int(0, words.length), 0, name);
  }
  const sentence = words.join(' ');
  return (
    sentence.charAt(0).toUpperCase() + sentence.slice(1) + random.pick(['.', '.', '.', '?', '!'])
  );
}

function englishWords(random: Random, min: number, max: number): string {
  const words: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) words.push(random.pick(WORDS));
  return words.join(' ');
}

function cjkSentence(random: Random): string {
  let sentence = '';
  for (let i = random.int(12, 40); i > 0; i--) {
    if (random.chance(0.02)) sentence += random.pick(CJK_NAMES);
    else if (random.chance(0.004)) sentence += random.pick([' Doubao ', ' Seedance 2.0 ']);
    else if (random.chance(0.05) && i > 1) sentence += '，';
    else sentence += FILLER_HANZI.charAt(random.int(0, FILLER_HANZI.length - 1));
  }
  return sentence + '。';
}

function page(lang: string, title: string, body: string): string {
  return (
    `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<title>${title}</title>\n` +
    '<style>body{font:16px/1.5 sans-serif;max-width:60rem;margin:auto}td,th{padding:2px 4px}</style>\n' +
    `</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

/** Regions a content script must skip; every real page has some, so ours do too. */
function skippedRegions(names: readonly string[]): string {
  const list = names.join(', ');
  return (
    `<script>window.__benchNote = ${JSON.stringify(list)};</script>\n` +
    `<textarea>${list}</textarea>\n<div aria-hidden="true">${list}</div>\n`
  );
}

/** Appends blocks from `next` until the UTF-8 size of `parts` reaches `bytes`. */
function fillTo(bytes: number, next: () => string): string[] {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = next();
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts;
}

/** ~1 MB article: sections, paragraphs, lists, quotes, inline markup, seed names now and then. */
export function englishArticle(seed: number, bytes = 1_000_000): GeneratedPage {
  const random = new Random(seed);
  let section = 0;
  const blocks = fillTo(bytes, () => {
    section++;
    const out = [`<section id="s${section}">`, `<h2>${englishWords(random, 2, 6)}</h2>`];
    for (let p = random.int(3, 8); p > 0; p--) {
      const sentences: string[] = [];
      for (let s = random.int(2, 7); s > 0; s--) sentences.push(englishSentence(random, 0.3));
      out.push(`<p>${sentences.join(' ')}</p>`);
    }
    if (random.chance(0.3)) {
      const items: string[] = [];
      for (let i = random.int(3, 6); i > 0; i--)
        items.push(`<li>${englishSentence(random, 0.3)}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    }
    if (random.chance(0.2)) out.push(`<blockquote>${englishSentence(random, 0.5)}</blockquote>`);
    out.push('</section>');
    return out.join('\n');
  });
  const body =
    `<header><nav><a href="#s1">Start</a> <a href="#s2">Next</a></nav></header>\n` +
    `<main><article>\n<h1>${englishWords(random, 3, 7)}</h1>\n${blocks.join('\n')}\n` +
    `</article></main>\n${skippedRegions(LATIN_NAMES)}<footer>${englishWords(random, 5, 10)}</footer>`;
  return {
    name: 'gen-english-1mb',
    description: 'generated English article, sections and inline markup, seed names sprinkled',
    html: page('en', 'Generated English article', body),
  };
}

/** ~1 MB of Chinese filler with seed names (豆包, 字节跳动, 吴永辉 …) and a little Latin. */
export function cjkArticle(seed: number, bytes = 1_000_000): GeneratedPage {
  const random = new Random(seed);
  const blocks = fillTo(bytes, () => {
    const out = [`<h2>${cjkSentence(random).slice(0, random.int(6, 14))}</h2>`];
    for (let p = random.int(3, 8); p > 0; p--) {
      const sentences: string[] = [];
      for (let s = random.int(2, 6); s > 0; s--) {
        const sentence = cjkSentence(random);
        sentences.push(random.chance(0.1) ? wrapInline(random, sentence) : sentence);
      }
      out.push(`<p>${sentences.join('')}</p>`);
    }
    return out.join('\n');
  });
  const body = `<main><article>\n${blocks.join('\n')}\n</article></main>\n${skippedRegions(CJK_NAMES)}`;
  return {
    name: 'gen-cjk-1mb',
    description: 'generated Chinese article, seed names in Chinese and a little Latin',
    html: page('zh-CN', '生成的中文文章', body),
  };
}

const TABLE_COLUMNS = 10;

/** A table of `cells` data cells (10 per row): short words, figures, some seed names. */
export function bigTable(seed: number, cells = 50_000): GeneratedPage {
  const random = new Random(seed);
  const head = Array.from(
    { length: TABLE_COLUMNS },
    () => `<th>${englishWords(random, 1, 2)}</th>`,
  );
  const rows: string[] = [];
  for (let row = 1; row <= cells / TABLE_COLUMNS; row++) {
    const tds = [`<td>R${String(row).padStart(5, '0')}</td>`];
    for (let col = 1; col < TABLE_COLUMNS; col++) {
      const roll = random.float();
      const text =
        roll < 0.05
          ? random.pick(LATIN_NAMES)
          : roll < 0.5
            ? (random.float() * 10_000).toFixed(random.int(0, 2))
            : englishWords(random, 1, 3);
      tds.push(`<td>${text}</td>`);
    }
    rows.push(`<tr>${tds.join('')}</tr>`);
  }
  const body =
    `<table>\n<caption>${englishWords(random, 3, 6)}</caption>\n` +
    `<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  return {
    name: 'gen-table-50k-cells',
    description: `generated table, ${cells.toLocaleString('en')} cells in ${TABLE_COLUMNS} columns`,
    html: page('en', 'Generated table', body),
  };
}

const BLOCK_TAGS = ['div', 'section', 'article', 'aside'];
// No <a>: a link nested in a link makes the parser restructure the tree (adoption agency).
const PHRASE_TAGS = ['span', 'em', 'b', 'i'];

/**
 * A DOM of `nodes` element and text nodes in `<body>` (± a few): many wide subtrees and, every
 * so often, a chain nested 150 deep. Chromium's parser flattens past 512 levels, so chains
 * stay well under that. No whitespace between tags, so every text node is one we emitted.
 */
export function manyNodes(seed: number, nodes = 200_000): GeneratedPage {
  const random = new Random(seed);
  const out: string[] = [];
  let count = 0;
  // The trailing space keeps words apart once the engine joins a block's inline text.
  const text = () => {
    count++;
    return (random.chance(0.03) ? random.pick(LATIN_NAMES) : englishWords(random, 1, 4)) + ' ';
  };
  const element = (depth: number, inline: boolean, until: number): void => {
    const tag = inline || depth > 6 ? random.pick(PHRASE_TAGS) : random.pick(BLOCK_TAGS);
    const phrase = PHRASE_TAGS.includes(tag);
    count++;
    out.push(`<${tag}>`, text());
    const children = depth >= 9 ? 0 : random.int(1, 5);
    for (let i = 0; i < children && count < until; i++) element(depth + 1, phrase, until);
    out.push(`</${tag}>`);
  };
  const chain = (depth: number): void => {
    for (let i = 0; i < depth; i++) out.push(i % 2 ? '<span>' : '<div>');
    count += depth;
    out.push(text());
    for (let i = depth - 1; i >= 0; i--) out.push(i % 2 ? '</span>' : '</div>');
  };
  while (count < nodes) {
    const remaining = nodes - count;
    if (remaining > 200 && random.chance(0.02)) chain(150);
    else element(0, false, count + Math.min(remaining, random.int(500, 3000)));
  }
  return {
    name: 'gen-nodes-200k',
    description: `generated DOM of ${nodes.toLocaleString('en')} nodes, wide and deep nesting`,
    html: page('en', 'Generated 200k-node page', `<main>${out.join('')}</main>`),
  };
}

/** All generated pages, from one seed. */
export function generatePages(seed = 20260601): GeneratedPage[] {
  return [englishArticle(seed), cjkArticle(seed + 1), bigTable(seed + 2), manyNodes(seed + 3)];
}

/** Writes the pages to `dir` as `<name>.html`; returns their file paths in the same order. */
export async function writePages(dir: string, pages: readonly GeneratedPage[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    pages.map(async (generated) => {
      const file = path.join(dir, `${generated.name}.html`);
      await writeFile(file, generated.html);
      return file;
    }),
  );
}
