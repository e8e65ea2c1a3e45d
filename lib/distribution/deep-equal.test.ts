import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from './deep-equal';

/** Reference: JSON text with every object's keys sorted. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}

describe('jsonEqual', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['same string', 'a', 'a', true],
    ['different strings', 'a', 'b', false],
    ['number and string', 1, '1', false],
    ['null and object', null, {}, false],
    ['null and null', null, null, true],
    ['array and object', [], {}, false],
    ['arrays, same items', [1, [2, 3]], [1, [2, 3]], true],
    ['arrays, other order', [1, 2], [2, 1], false],
    ['arrays, other length', [1], [1, 1], false],
    ['objects, other key order', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, true],
    ['objects, extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['objects, other value', { a: 1 }, { a: 2 }, false],
    ['undefined value counts as absent', { a: 1, b: undefined }, { a: 1 }, true],
    ['absent and null differ', { a: null }, {}, false],
  ])('%s', (_name, a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });

  it('agrees with comparing key-sorted JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
    );
  });

  it('ignores key order at every depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonEqual(value, reverseKeys(value))).toBe(true);
      }),
    );
  });
});
