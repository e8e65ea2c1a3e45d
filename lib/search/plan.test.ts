import { describe, expect, it } from 'vitest';
import { estimateMatches, vocabularyOf } from './full-text-index';
import { planQuery } from './plan';
import { CJK_MARK, tokenize } from './tokenize';

/** A vocabulary with made-up document frequencies. */
const vocabulary = vocabularyOf([
  ['wu', 4_000],
  ['wuhan', 300],
  ['yonghui', 20],
  ['model', 9_000],
  ['models', 3_000],
  ['modal', 100],
  ['dau', 40],
  ['data', 5_000],
  [`${CJK_MARK}豆包`, 12],
  [`${CJK_MARK}豆腐`, 7],
]);
const limits = { score: 1_000 };
const plan = (query: string) => planQuery(tokenize(query), vocabulary, limits);

describe('estimateMatches', () => {
  it.each([
    ['yonghui', 20],
    ['yonhui', 20], // fuzzy, one edit
    ['wu', 4_300], // prefix: wu, wuhan
    ['model', 12_100], // itself, prefix "models", fuzzy "modal"
    ['dau', 40], // three letters: no fuzzy "data"
    [`${CJK_MARK}豆`, 19], // a lone CJK character: prefix of the bigrams
    [`${CJK_MARK}豆包`, 12], // a bigram: exact
    ['xyz', 0],
  ])('%j → %i', (term, expected) => {
    expect(estimateMatches(vocabulary, term)).toBe(expected);
  });
});

describe('planQuery', () => {
  it.each([
    ['', { kind: 'none' }],
    ['wu', { kind: 'names', reason: 'short' }],
    ['豆', { kind: 'names', reason: 'short' }],
    ['豆包', { kind: 'full' }],
    ['dau', { kind: 'full' }],
    ['xyz', { kind: 'none' }],
    ['wu xyz', { kind: 'none' }],
    ['wu yonhui', { kind: 'narrowed', term: 'yonhui' }],
    ['model dau', { kind: 'narrowed', term: 'dau' }],
    ['model', { kind: 'names', reason: 'common' }],
    ['model data', { kind: 'names', reason: 'common' }],
  ])('%j → %j', (query, expected) => {
    expect(plan(query)).toEqual(expected);
  });
});
