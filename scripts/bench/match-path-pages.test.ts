// @vitest-environment jsdom
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectSegments } from '../../lib/engine/page/segments';
import { alternationRegex } from './alias-regex';
import { SYNTHETIC_SEED } from './alias-sets';
import { syntheticAliases } from '../../tests/support/synthetic-aliases';
import {
  CHARS_PER_MENTION,
  MATCH_PATH_SIZES,
  MIN_MENTIONS,
  PROSE_MENTIONS,
  PROSE_SENTENCES,
  proseDocument,
  sizeLabel,
} from './match-path-pages';
import { seedAliases } from './seed-aliases';

const SEED_PACK = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../seeds/bytedance-ai-2026.pack.json',
);

/** The texts the content script would match: its segments of the document's body. */
function segmentTexts(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return collectSegments(doc.body).segments.map((segment) => segment.text);
}

async function regexes(): Promise<RegExp[]> {
  const seed = await seedAliases(SEED_PACK);
  const large = [...seed, ...syntheticAliases(10_000 - seed.length, { seed: SYNTHETIC_SEED })];
  return [seed, large].map((aliases) => {
    const { source, flags } = alternationRegex(aliases);
    return new RegExp(source, flags);
  });
}

describe('prose documents', () => {
  it('hold as much text as the content script counts, at most the target and within a sentence', () => {
    const longest = Math.max(...PROSE_SENTENCES.map((s) => s.length)) + 1;
    for (const size of MATCH_PATH_SIZES.slice(0, 3)) {
      const doc = proseDocument(size);
      const texts = segmentTexts(doc.html);
      expect(
        texts.reduce((sum, text) => sum + text.length, 0),
        doc.name,
      ).toBe(doc.textChars);
      expect(doc.textChars).toBeLessThanOrEqual(size);
      expect(doc.textChars).toBeGreaterThan(size - longest);
    }
  });

  it('name a seed-pack entity about every 2,000 characters, at least three times', () => {
    expect(proseDocument(4_000).mentions).toHaveLength(MIN_MENTIONS);
    const doc = proseDocument(64_000);
    expect(doc.mentions).toHaveLength(64_000 / CHARS_PER_MENTION);
    expect(doc.mentions.slice(0, 3)).toEqual(['Doubao', 'Seedance 2.0', 'Volcengine']);
  });

  it('are named by size and the same bytes every time', () => {
    expect(sizeLabel(256_000)).toBe('256k');
    expect(proseDocument(16_000).name).toBe('prose-16k');
    expect(proseDocument(16_000)).toEqual(proseDocument(16_000));
    expect(proseDocument(16_000, 1).html).not.toBe(proseDocument(16_000, 2).html);
  });

  it('name only their mentions, with the seed pack and with 10,000 aliases', async () => {
    const doc = proseDocument(16_000);
    expect(new Set(doc.mentions)).toEqual(new Set(PROSE_MENTIONS));
    const text = segmentTexts(doc.html).join('\n');
    for (const re of await regexes()) {
      const found = (text.match(re) ?? []).map((t) => t.toLowerCase()).sort();
      expect(found).toEqual(doc.mentions.map((t) => t.toLowerCase()).sort());
    }
  }, 30_000);

  it('use sentences that name nothing, and names of different seed entities without context', async () => {
    for (const re of await regexes()) {
      for (const sentence of PROSE_SENTENCES) expect(sentence.match(re), sentence).toBeNull();
    }
    const seed = await seedAliases(SEED_PACK);
    const entities = PROSE_MENTIONS.map((name) => {
      const alias = seed.find((a) => a.text === name);
      expect(alias, name).toBeDefined();
      expect(alias?.context, name).toBeUndefined();
      return alias?.entityId;
    });
    expect(new Set(entities).size).toBe(PROSE_MENTIONS.length);
  }, 30_000);
});
