import { isCjkTerm, isCjkUnigram } from './tokenize';

/**
 * How each query term is looked up. Functions of the term alone, so a query gives the same
 * results whatever else was typed with it.
 *
 * - Latin (and other spaced scripts): prefix matching, because the popup searches while the
 *   user types ("see" → "Seedance"); fuzzy matching for typos, by length: a 3-letter term
 *   with one edit allowed matches half the vocabulary ("dau" → "day", "dan", "data"), so
 *   fuzzy starts at 4 letters (distance 1) and allows 2 edits from 8. Terms with digits are
 *   never fuzzy: "2025" is not a typo of "2026".
 * - CJK bigrams: exact. Prefix matching would turn "吴永" into every bigram starting with
 *   "吴"; the query's other bigrams already cover what follows. A lone CJK character (a query
 *   of one character, e.g. while an IME composes) is matched as a prefix of the bigrams, so it
 *   finds words it starts.
 */

export const FUZZY_ONE_FROM = 4;
export const FUZZY_TWO_FROM = 8;

const HAS_DIGIT = /\d/;

export function termPrefix(term: string): boolean {
  return !isCjkTerm(term) || isCjkUnigram(term);
}

export function termFuzzy(term: string): number | false {
  if (isCjkTerm(term) || HAS_DIGIT.test(term)) return false;
  if (term.length >= FUZZY_TWO_FROM) return 2;
  return term.length >= FUZZY_ONE_FROM ? 1 : false;
}

/**
 * Field boosts: a name (or title) outweighs an alias, which outweighs a summary or quote. A
 * fact's claim has a field of its own: groups are ranked separately, and within facts the
 * claim (our words) counts more than the quote.
 */
export const FIELD_BOOST = { title: 3, aliases: 2, claim: 2, text: 1, translations: 1 } as const;
export const INDEXED_FIELDS = Object.keys(FIELD_BOOST) as (keyof typeof FIELD_BOOST)[];
