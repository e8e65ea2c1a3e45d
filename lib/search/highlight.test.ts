import { describe, expect, it } from 'vitest';
import { excerpt, highlightRanges, mergeRanges, type MatchedTerms } from './highlight';

const range = (start: number, end: number) => ({ start, end });

describe('mergeRanges', () => {
  it.each([
    [[], []],
    [
      [range(5, 7), range(0, 2)],
      [range(0, 2), range(5, 7)],
    ],
    [[range(0, 2), range(1, 3)], [range(0, 3)]],
    [[range(0, 2), range(2, 4)], [range(0, 4)]],
    [[range(0, 9), range(2, 4)], [range(0, 9)]],
  ])('%j → %j', (input, merged) => {
    expect(mergeRanges(input)).toEqual(merged);
  });
});

describe('highlightRanges', () => {
  const matched = (terms: string[], queryTerms: string[], cjkRuns: string[] = []) =>
    ({ queryTerms, cjkRuns, matches: (term) => terms.includes(term) }) satisfies MatchedTerms;

  it.each([
    [
      'whole words',
      'Wu Yonghui',
      matched(['wu', 'yonghui'], ['wu', 'yonghui']),
      [
        [0, 2],
        [3, 10],
      ],
    ],
    [
      'only the typed part of a prefix match',
      'Seedance 2.0',
      matched(['seedance'], ['see']),
      [[0, 3]],
    ],
    ['a fuzzy match whole', 'Wu Yonghui', matched(['yonghui'], ['yonhui']), [[3, 10]]],
    ['the typed part of an accented word', 'Zürich', matched(['zurich'], ['zu']), [[0, 2]]],
    [
      'a word that got shorter without accents whole',
      'Zu\u0308rich',
      matched(['zurich'], ['zu']),
      [[0, 7]],
    ],
    [
      'every occurrence of a CJK run',
      '豆包和豆包',
      matched([], [], ['豆包']),
      [
        [0, 2],
        [3, 5],
      ],
    ],
    ['adjacent CJK bigrams as one', '吴永辉', matched([], [], ['吴永', '永辉']), [[0, 3]]],
    ['nothing in an empty text', '', matched(['a'], ['a']), []],
  ])('marks %s', (_, text, terms, expected) => {
    expect(highlightRanges(text, terms).map(({ start, end }) => [start, end])).toEqual(expected);
  });
});

describe('excerpt', () => {
  const long = `${'lead '.repeat(40)}target ${'tail '.repeat(40)}`.trim();
  const at = long.indexOf('target');

  it('leaves a short text alone', () => {
    expect(excerpt('short text', [range(0, 5)], 100)).toEqual({
      text: 'short text',
      ranges: [range(0, 5)],
    });
  });

  it('cuts around the first match at word boundaries, with ellipses, and moves the ranges', () => {
    const { text, ranges } = excerpt(long, [range(at, at + 6)], 60);
    expect(text.startsWith('…lead')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(62);
    expect(ranges).toHaveLength(1);
    expect(text.slice(ranges[0]?.start, ranges[0]?.end)).toBe('target');
  });

  it('starts at the beginning when the match is near it', () => {
    const { text } = excerpt(`target ${long}`, [range(0, 6)], 60);
    expect(text.startsWith('target')).toBe(true);
  });

  it('drops ranges that fall outside the excerpt', () => {
    const { ranges } = excerpt(long, [range(at, at + 6), range(long.length - 4, long.length)], 60);
    expect(ranges).toHaveLength(1);
  });

  it('never splits a surrogate pair', () => {
    const text = '𠀀'.repeat(100);
    const { text: cut } = excerpt(text, [range(120, 122)], 41);
    expect(cut.replace(/…/g, '')).toMatch(/^(?:\uD840\uDC00)+$/);
  });
});
