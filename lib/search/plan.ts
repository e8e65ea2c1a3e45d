import { estimateMatches, type Vocabulary } from './full-text-index';
import { isCjkTerm, isCjkUnigram } from './tokenize';

/**
 * How a query is run, decided before searching. MiniSearch scores every document each term
 * matches, then intersects and sorts them all, a few µs per document; over 60,000 documents
 * one common word ("model", "2", or "s" while typing) matches tens of thousands, far past the
 * popup's 10 ms per keystroke. So, from the vocabulary's document frequencies:
 *
 * - `names`: one or two typed characters say nothing useful about texts, and a query whose
 *   every term is common would rank thousands of texts by common words. Both search names
 *   only (`NameIndex`: entity names and aliases, proposition and source titles); the popup
 *   says so and the user types on.
 * - `full`: everything the query can match is few enough to score: MiniSearch as is.
 * - `narrowed`: one term is rare ("yonhui" in "wu yonhui", "claude" in "claude code"). Results
 *   must contain it (AND), so MiniSearch searches that term alone and each of its few matches
 *   is checked for the other terms in the forward index. Same documents as `full`; they are
 *   ranked by the rare term's score, the common terms adding little information anyway.
 * - `none`: some term matches nothing; under AND neither does the query.
 */

export interface PlanLimits {
  /** At most about this many documents are scored per query (~1–3 µs each). */
  score: number;
}

/** Tuned with `npm run bench -- --section search` over 10,000 entities and 50,000 facts. */
export const PLAN_LIMITS: PlanLimits = { score: 1_500 };
/** Queries with fewer letters or digits than this (and no CJK bigram) search names only. */
export const MIN_TEXT_QUERY = 3;

export type QueryPlan =
  | { kind: 'none' }
  | { kind: 'names'; reason: 'short' | 'common' }
  | { kind: 'full' }
  | { kind: 'narrowed'; term: string };

function isShort(terms: readonly string[]): boolean {
  let characters = 0;
  for (const term of terms) {
    if (isCjkTerm(term) && !isCjkUnigram(term)) return false;
    characters += isCjkTerm(term) ? 1 : term.length;
  }
  return characters < MIN_TEXT_QUERY;
}

export function planQuery(
  terms: readonly string[],
  vocabulary: Vocabulary,
  limits: PlanLimits = PLAN_LIMITS,
): QueryPlan {
  if (terms.length === 0) return { kind: 'none' };
  if (isShort(terms)) return { kind: 'names', reason: 'short' };
  let total = 0;
  let rarest = { term: '', matches: Infinity };
  for (const term of terms) {
    const matches = estimateMatches(vocabulary, term);
    if (matches === 0) return { kind: 'none' };
    total += matches;
    if (matches < rarest.matches) rarest = { term, matches };
  }
  if (total <= limits.score) return { kind: 'full' };
  if (rarest.matches <= limits.score) return { kind: 'narrowed', term: rarest.term };
  return { kind: 'names', reason: 'common' };
}
