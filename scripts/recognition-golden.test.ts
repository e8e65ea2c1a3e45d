import { describe, expect, it } from 'vitest';
import {
  FULL_LIST_LIMIT,
  LISTED_HEAD,
  describeDifference,
  originOf,
  summarize,
  urlPathOf,
} from './recognition-golden';

describe('golden page names', () => {
  it('map to the paths the recorder and the spec serve them at', () => {
    expect(urlPathOf('demo/index')).toBe('/index.html');
    expect(urlPathOf('pages/guardian-1')).toBe('/pages/guardian-1.html');
    expect(urlPathOf('generated/gen-cjk-1mb')).toBe('/generated/gen-cjk-1mb.html');
    expect(() => originOf('elsewhere/x')).toThrow(/demo/);
  });
});

describe('summarize', () => {
  it('keeps a short list whole, a long one as count, hash and head', () => {
    const short = summarize(['person|A', 'company|B']);
    expect(short).toEqual({
      count: 2,
      sha256: expect.any(String),
      mentions: ['person|A', 'company|B'],
    });
    const many = Array.from({ length: FULL_LIST_LIMIT + 1 }, (_, i) => `model|M${i}`);
    const long = summarize(many);
    expect(long.count).toBe(FULL_LIST_LIMIT + 1);
    expect(long.truncated).toBe(true);
    expect(long.mentions).toEqual(many.slice(0, LISTED_HEAD));
    // The hash covers the order and the entries' boundaries, not just the joined text.
    expect(summarize(['a|b', 'c']).sha256).not.toBe(summarize(['a', 'b|c']).sha256);
    expect(summarize(['x|1', 'x|2']).sha256).not.toBe(summarize(['x|2', 'x|1']).sha256);
  });
});

describe('describeDifference', () => {
  const golden = summarize(['person|A', 'company|B', 'person|A']);

  it('is empty when the lists agree', () => {
    expect(describeDifference(golden, ['person|A', 'company|B', 'person|A'])).toBe('');
  });

  it('lists mentions lost and added, counting repeats', () => {
    expect(describeDifference(golden, ['person|A', 'company|B', 'model|C'])).toBe(
      ['count 3 → 3', '- person|A', '+ model|C'].join('\n'),
    );
  });

  it('says so when only the order changed', () => {
    expect(describeDifference(golden, ['company|B', 'person|A', 'person|A'])).toMatch(/order/);
  });

  it('compares the head of a truncated entry and the rest by count and hash', () => {
    const many = Array.from({ length: FULL_LIST_LIMIT + 5 }, (_, i) => `model|M${i}`);
    const long = summarize(many);
    expect(describeDifference(long, many)).toBe('');
    expect(describeDifference(long, [...many.slice(0, -1), 'model|other'])).toMatch(
      /listed entries agree/,
    );
    expect(describeDifference(long, many.slice(1))).toMatch(/- model\|M0/);
  });
});
