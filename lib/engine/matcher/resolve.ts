import type { Candidate } from '../types';

/** The order of `ScanResult.candidates`: start ascending, end descending, alias ascending. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || a.alias - b.alias;
}

/**
 * Picks non-overlapping mentions: leftmost first, and at the same start the longest
 * ("Seedance 2.0" over "Seedance"). Inactive candidates (gated aliases whose context terms
 * are not on the page) are dropped *before* choosing, so they cannot shadow a shorter active
 * alias. Where several aliases cover exactly the same span (one text, several entities),
 * the lowest alias index wins, which keeps the result deterministic.
 *
 * `candidates` must be in `compareCandidates` order, as `Matcher.scan` returns them.
 */
export function resolveLeftmostLongest(
  candidates: readonly Candidate[],
  isActive: (alias: number) => boolean,
): Candidate[] {
  const chosen: Candidate[] = [];
  let reached = 0;
  for (const candidate of candidates) {
    if (candidate.start < reached || !isActive(candidate.alias)) continue;
    chosen.push(candidate);
    reached = candidate.end;
  }
  return chosen;
}
