import { describe, expect, it } from 'vitest';
import { median, ratio } from './stats';

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
