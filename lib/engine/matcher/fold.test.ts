import { describe, expect, it } from 'vitest';
import { foldAllUnits, foldInto, foldString, foldUnit, shapeUnit } from './fold';
import { referenceFold, referenceShape } from '../../../tests/support/reference-matcher';

describe('foldUnit', () => {
  it('agrees with the reference on every BMP code unit', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      if (foldUnit(code) !== referenceFold(unit).charCodeAt(0))
        wrong.push(`fold ${code.toString(16)}`);
      if (shapeUnit(code) !== referenceShape(unit).charCodeAt(0))
        wrong.push(`shape ${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same results after the cache is filled eagerly', () => {
    const before = Array.from({ length: 0x10000 }, (_, code) => foldUnit(code));
    foldAllUnits();
    expect(Array.from({ length: 0x10000 }, (_, code) => foldUnit(code))).toEqual(before);
  });

  it.each([
    ['A', 'a'],
    ['Ｄ', 'd'],
    ['\u00a0', ' '],
    ['\u3000', ' '],
    ['\n', ' '],
    ['’', "'"],
    ['\u2011', '-'],
    ['İ', 'i'],
    ['Σ', 'σ'],
    ['ς', 'σ'],
    ['\u212a', 'k'], // Kelvin sign
    ['ß', 'ß'],
    ['豆', '豆'],
    ['\ud83d', '\ud83d'],
  ])('%j → %j', (from, to) => {
    expect(String.fromCharCode(foldUnit(from.charCodeAt(0)))).toBe(to);
  });
});

describe('foldString', () => {
  it.each([
    ['Doubao', 'doubao'],
    ['豆包', '豆包'],
    ['ＤＯＵＢＡＯ’s', "doubao's"],
    ['Wu\u00a0Yonghui', 'wu yonghui'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['', ''],
  ])('%j → %j', (from, to) => {
    expect(foldString(from)).toBe(to);
  });

  it('keeps the length, so offsets are shared', () => {
    const text = 'İstanbul ＫＩＭＩ 😀 ß ﬁ';
    expect(foldString(text)).toHaveLength(text.length);
    const folded = foldString(text);
    expect(Array.from(foldInto(text, new Uint16Array(text.length)))).toEqual(
      Array.from({ length: text.length }, (_, i) => folded.charCodeAt(i)),
    );
  });
});
