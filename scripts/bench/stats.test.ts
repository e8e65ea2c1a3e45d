import { describe, expect, it } from 'vitest';
import { median, percentile, ratio } from './stats';

describe('median', () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [5, 1, 3], expected: 3 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [1, Infinity, 2], expected: 2 },
    { values: [1, Infinity, Infinity], expected: Infinity },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('ratio', () => {
  it.each([
    { a: 6, b: 3, expected: 2 },
    { a: 1, b: 0, expected: NaN },
    { a: NaN, b: 3, expected: NaN },
    { a: Infinity, b: 3, expected: NaN },
  ])('$a / $b is $expected', ({ a, b, expected }) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe('percentile', () => {
  const oneToFifty = Array.from({ length: 50 }, (_, i) => 50 - i);

  it.each([
    { values: [7], p: 95, expected: 7 },
    { values: [1, 2, 3, 4], p: 0, expected: 1 },
    { values: [1, 2, 3, 4], p: 100, expected: 4 },
    { values: [4, 1, 3, 2], p: 50, expected: 2.5 },
    { values: [10, 20], p: 95, expected: 19.5 },
    // 50 values: rank 0.95 × 49 = 46.55, between the 47th (47) and 48th (48) smallest.
    { values: oneToFifty, p: 95, expected: 47.55 },
  ])('p$p of $values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('agrees with the median at p50', () => {
    for (const values of [[3, 1, 2], [5, 1, 4, 2], oneToFifty]) {
      expect(percentile(values, 50)).toBe(median(values));
    }
  });

  it('is NaN for no values or a p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([1, 2], 101)).toBeNaN();
    expect(percentile([1, 2], Number.NaN)).toBeNaN();
  });
});
