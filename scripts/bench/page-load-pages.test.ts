import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alternationRegex } from './alias-regex';
import { SYNTHETIC_SEED } from './alias-sets';
import { syntheticAliases } from '../../tests/support/synthetic-aliases';
import {
  ARTICLE_ID,
  FRAME_COUNT,
  MENTION_NAMES,
  framesStubPage,
  mentionArticle,
  mentionsPage,
  stubPage,
  withArticle,
} from './page-load-pages';
import { HIGHLIGHT_WATCHER, MARK_SCRIPT_URL, markJsScript } from './page-load-run';
import { seedAliases } from './seed-aliases';

const SEED_PACK = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../seeds/bytedance-ai-2026.pack.json',
);

/** Visible text of a generated document: no tags, no <title>/<style>. */
function text(html: string): string {
  return html
    .replace(/<(title|style)>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('stub pages', () => {
  it('are one document, and the frames page 20 more, each a file of its own', () => {
    expect(stubPage().documents).toBe(1);
    const frames = framesStubPage();
    expect(frames.documents).toBe(FRAME_COUNT + 1);
    const top = frames.files.find((f) => f.path === frames.entry);
    const sources = [...(top?.html.matchAll(/<iframe src="([^"]+)"/g) ?? [])].map((m) => m[1]);
    expect(sources).toHaveLength(FRAME_COUNT);
    expect(new Set(sources)).toEqual(new Set(frames.files.slice(1).map((f) => f.path)));
    expect(frames.files.find((f) => f.path === 'ads/ad-3.html')?.html).toContain('Buy shoes 3');
  });

  it('share the stub text and are the same bytes every time', () => {
    expect(framesStubPage()).toEqual(framesStubPage());
    expect(text(stubPage().files[0]?.html ?? '')).toContain('old harbour');
    expect(text(framesStubPage().files[0]?.html ?? '')).toContain('old harbour');
  });

  it('name nothing of the seed pack or of the 10,000-alias set', async () => {
    const seed = await seedAliases(SEED_PACK);
    const large = [...seed, ...syntheticAliases(10_000 - seed.length, { seed: SYNTHETIC_SEED })];
    for (const aliases of [seed, large]) {
      const { source, flags } = alternationRegex(aliases);
      const re = new RegExp(source, flags);
      for (const file of [...framesStubPage().files, ...stubPage().files]) {
        expect(text(file.html).match(re), file.path).toBeNull();
      }
    }
  });
});

describe('mention names', () => {
  it('are 29 aliases of 29 different seed-pack entities, none gated by context', async () => {
    const seed = await seedAliases(SEED_PACK);
    expect(MENTION_NAMES).toHaveLength(29);
    const entities = MENTION_NAMES.map((name) => {
      const alias = seed.find((a) => a.text === name);
      expect(alias, name).toBeDefined();
      expect(alias?.context, name).toBeUndefined();
      return alias?.entityId;
    });
    expect(new Set(entities).size).toBe(29);
  });
});

describe('mention article', () => {
  it('names each name exactly once, and nothing else of the seed pack', async () => {
    const { source, flags } = alternationRegex(await seedAliases(SEED_PACK));
    const found = text(mentionArticle(MENTION_NAMES)).match(new RegExp(source, flags)) ?? [];
    expect(found.map((t) => t.toLowerCase()).sort()).toEqual(
      MENTION_NAMES.map((t) => t.toLowerCase()).sort(),
    );
  });

  it('is put last in the body of the page, which is loaded at the article', () => {
    const html = '<html><body><p>x</p></body></html>';
    expect(withArticle(html, '<article>a</article>')).toBe(
      '<html><body><p>x</p><article>a</article>\n</body></html>',
    );
    expect(withArticle('<p>no body', '<i>a</i>')).toBe('<p>no body\n<i>a</i>\n');
    const page = mentionsPage('wikipedia-2', html);
    expect(page.name).toBe('wikipedia-2+mentions');
    expect(page.hash).toBe(`#${ARTICLE_ID}`);
    expect(page.files[0]?.html).toContain(`<article id="${ARTICLE_ID}"`);
    expect(page.files[0]?.path).toBe(page.entry);
  });
});

describe('page scripts', () => {
  it('parse as JavaScript, and mark.js is named by sourceURL', () => {
    expect(() => new Function(HIGHLIGHT_WATCHER)).not.toThrow();
    const script = markJsScript('window.Mark = function () {};', { source: 'a|b', flags: 'giu' });
    expect(() => new Function(script)).not.toThrow();
    expect(script.trimEnd().endsWith(`//# sourceURL=${MARK_SCRIPT_URL}`)).toBe(true);
  });
});
