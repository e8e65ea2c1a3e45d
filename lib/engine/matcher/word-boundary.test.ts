import { describe, expect, it } from 'vitest';
import { referenceNeedsBoundary } from '../../../tests/support/reference-matcher';
import {
  boundaryChecks,
  CHECK_END,
  CHECK_START,
  isWordUnit,
  joinsAfter,
  joinsBefore,
  needsBoundary,
} from './word-boundary';

describe('needsBoundary', () => {
  it('agrees with the reference on every BMP code point', () => {
    const word = /^[\p{L}\p{N}\p{M}]$/u;
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (needsBoundary(code) !== referenceNeedsBoundary(char)) wrong.push(code);
      if (isWordUnit(code) !== word.test(char)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it.each<[string, boolean, boolean]>([
    ['a', true, true],
    ['7', true, true],
    ['é', true, true],
    ['\u0301', true, true], // combining mark: script Inherited
    ['к', true, true],
    ['한', true, true],
    ['豆', true, false],
    ['カ', true, false],
    ['ー', true, false], // kana by Script_Extensions
    ['ก', true, false],
    ['𝐀', true, true],
    ['𠀀', true, false],
    [' ', false, false],
    ["'", false, false],
    ['_', false, false],
    ['😀', false, false],
  ])('%j: word %s, needs a boundary %s', (char, word, spaced) => {
    const code = char.codePointAt(0) ?? -1;
    expect(isWordUnit(code)).toBe(word);
    expect(needsBoundary(code)).toBe(spaced);
  });
});

describe('joinsBefore / joinsAfter', () => {
  it.each<[string, number, boolean]>([
    ['xTrae', 1, true],
    ['Trae', 0, false],
    ['字Trae', 1, false],
    ['𝐀Trae', 2, true],
    ['😀Trae', 2, false],
    ['\ud835Trae', 1, false], // lone high surrogate: no word
    [' Trae', 1, false],
  ])('before %j at %i: %s', (text, index, joins) => {
    expect(joinsBefore(text, index)).toBe(joins);
  });

  it.each<[string, number, boolean]>([
    ['Traex', 4, true],
    ['Trae', 4, false],
    ['Trae字', 4, false],
    ['Trae𝐀', 4, true],
    ['Trae😀', 4, false],
    ['Trae\udc00', 4, false], // lone low surrogate
    ['Trae\u0301', 4, true],
  ])('after %j at %i: %s', (text, index, joins) => {
    expect(joinsAfter(text, index)).toBe(joins);
  });
});

describe('boundaryChecks', () => {
  it.each<[string, number]>([
    ['Trae', CHECK_START | CHECK_END],
    ['豆包', 0],
    ['36氪', CHECK_START],
    ['C++', CHECK_START],
    ['.NET', CHECK_END],
    ['𝐀𝐁', CHECK_START | CHECK_END],
    ['', 0],
  ])('%j → %i', (pattern, checks) => {
    expect(boundaryChecks(pattern)).toBe(checks);
  });
});
