import { describe, expect, it } from 'vitest';
import { PACK_LIMITS as L } from './limits';
import { checkQuotes, QUOTE_CHECK_BUDGET, QUOTE_WINDOW, type QuoteCheck } from './quote-check';
import { issuesOf, loose, validPack } from '../../tests/support/pack-fixtures';

const quotes = (sourceId: string, list: readonly string[]): QuoteCheck[] =>
  list.map((quote, fact) => ({ sourceId, quote, fact }));

/** A text whose 8-character windows are all different (a simple LCG, high bits). */
function randomText(length: number): string {
  let seed = 7;
  let text = '';
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    text += String.fromCharCode(97 + ((seed >>> 16) % 26));
  }
  return text;
}

describe('checkQuotes', () => {
  const text = randomText(5_000);

  it.each([
    ['few quotes (indexOf)', 3],
    ['many quotes (window index)', 200],
  ])('finds quotes anywhere and only there: %s', (_, count) => {
    const found = Array.from({ length: count }, (_, i) => {
      const at = (i * 97) % (text.length - 40);
      return text.slice(at, at + 9 + (i % 30));
    });
    found.push(text, text.slice(0, QUOTE_WINDOW), text.slice(-QUOTE_WINDOW), text.slice(-3), 'ab');
    const absent = found.map((quote) => `${quote}!`);
    absent.push(text.slice(1, 40).toUpperCase(), `${text}x`, '!');
    const result = checkQuotes(new Map([['s', text]]), quotes('s', [...found, ...absent]));
    expect(result.overBudget).toBe(false);
    expect(result.missing).toEqual(absent.map((_, i) => found.length + i).filter((f) => f >= 0));
  });

  it('skips quotes whose source ships no text, and reports each fact of a shared quote', () => {
    const checks: QuoteCheck[] = [
      { sourceId: 'none', quote: 'anything', fact: 0 },
      { sourceId: 's', quote: 'not in it', fact: 1 },
      { sourceId: 's', quote: 'not in it', fact: 2 },
    ];
    expect(checkQuotes(new Map([['s', 'some text']]), checks).missing).toEqual([1, 2]);
  });

  it('decides 3,000 adversarial quotes against a text at the limit in linear work', () => {
    // The case of issue 14: near misses of a repetitive text, each a full scan for `includes`.
    const big = 'a'.repeat(L.sourceTextLength);
    const adversarial = Array.from({ length: 3_000 }, (_, i) => `${'a'.repeat(580)}b${i}`);
    const result = checkQuotes(new Map([['s', big]]), quotes('s', adversarial));
    expect(result.missing).toHaveLength(3_000);
    // `includes` per quote: 3,000 × 200,000 = 600,000,000 characters.
    expect(result.work).toBeLessThan(40 * L.sourceTextLength);
  });

  it('refuses, within the budget, work that would grow with quotes × text at the pack limits', () => {
    // Every window of these quotes occurs thousands of times; none of the quotes does.
    const periodic = `${'a'.repeat(100)}b`.repeat(Math.floor(L.sourceTextLength / 101));
    const hostile: string[] = [];
    for (let x = 0; x < 100; x++)
      for (let j = 0; j < 100; j++)
        for (let y = 0; y < L.facts / 10_000; y++)
          hostile.push(`${'a'.repeat(x)}b${'a'.repeat(j)}b${'a'.repeat(y)}`);
    const result = checkQuotes(new Map([['s', periodic]]), quotes('s', hostile));
    expect(result.overBudget).toBe(true);
    expect(result.work).toBeLessThanOrEqual(
      QUOTE_CHECK_BUDGET + L.sourceTextLength + L.quoteLength,
    );
  });

  it('checks short quotes by scanning, counted against the budget', () => {
    const big = 'a'.repeat(L.sourceTextLength);
    const short = Array.from({ length: 10 }, (_, i) => `ab${i}`);
    const result = checkQuotes(new Map([['s', big]]), quotes('s', short), 5 * L.sourceTextLength);
    expect(result.overBudget).toBe(true);
    expect(result.work).toBeLessThan(7 * L.sourceTextLength);
  });
});

describe('validatePack at the pack limits', () => {
  it('refuses 100,000 hostile quotes against a 200,000-character text with one issue', () => {
    // `includes` per quote took 31 s on this pack; the budget decides it in about 1 s.
    const pack = validPack();
    const [source] = pack.sources;
    const [fact] = pack.facts;
    if (!source || !fact) throw new Error('the fixture has a source and a fact');
    source.text = `${'a'.repeat(100)}b`.repeat(Math.floor(L.sourceTextLength / 101));
    const facts = [];
    for (let x = 0; x < 100; x++)
      for (let j = 0; j < 100; j++)
        for (let y = 0; y < L.facts / 10_000; y++) {
          const quote = `${'a'.repeat(x)}b${'a'.repeat(j)}b${'a'.repeat(y)}`;
          facts.push({ ...fact, id: `f${facts.length}`, sourceId: source.id, quote });
        }
    for (const each of facts) delete (each as { quotedFrom?: string }).quotedFrom;
    loose(pack).facts = facts;
    expect(issuesOf(pack)).toEqual([
      {
        path: '$.facts',
        message: expect.stringContaining(
          "checking the quotes against their sources' texts would take too long",
        ),
      },
    ]);
  });
});
