import type { Matcher } from '../../lib/engine/matcher/matcher';

/**
 * For the matcher's tests: the `isActive` predicate for `resolveLeftmostLongest` when the
 * context terms anywhere in the text count (an alias with terms is active when one was seen).
 * The page applies nearness instead (lib/engine/page/relevance.ts); this keeps the matcher's
 * own gating table-testable without a DOM.
 */
export function activeGiven(
  matcher: Matcher,
  seenTerms: Iterable<number>,
): (alias: number) => boolean {
  const seen = new Set(seenTerms);
  return (alias) => {
    const terms = matcher.contextTermIdsOf(alias);
    return terms.length === 0 || terms.some((term) => seen.has(term));
  };
}
