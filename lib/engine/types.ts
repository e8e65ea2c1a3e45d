import type { AliasCaseRule, EntityKind } from '../pack/schema';

/**
 * Contracts of the recognition engine (issue #3). The matcher is compiled once per set
 * of enabled pack versions in the background, cached in IndexedDB, and handed to
 * content scripts as a `CompiledMatcher`: plain JSON with typed arrays encoded as
 * base64, because `runtime.sendMessage` serialises as JSON (typed arrays would arrive
 * as objects with one key per element).
 */

/** One alias to recognise, as the matcher sees it. Order defines the alias index. */
export interface AliasSpec {
  text: string;
  /**
   * `sensitive`: same letters in the same case ("Seed", not "seed"); differences of form
   * that folding erases (full-width, kinds of space, apostrophes) still do not count.
   */
  case: AliasCaseRule;
  /**
   * The alias counts only when one of these terms (case-insensitive, word boundaries) is on
   * the page. Absent, empty or only empty terms: the alias is not gated.
   */
  context?: readonly string[];
  packId: string;
  entityId: string;
  entityKind: EntityKind;
}

/** A mention candidate: `[start, end)` in UTF-16 units of the scanned text. */
export interface Candidate {
  start: number;
  end: number;
  /** Index into the matcher's alias list. */
  alias: number;
}

export interface ScanResult {
  /**
   * Every alias occurrence that passes its case rule and word boundaries, overlapping
   * ones included, sorted by start ascending, then end descending, then alias ascending
   * (several aliases can share one text). Context gating and
   * overlap resolution happen afterwards (`resolveLeftmostLongest`), because whether a
   * gated alias counts depends on the whole page, not on this text.
   */
  candidates: Candidate[];
  /** Indexes (into `contextTerms`) of the context terms found in this text: ascending, each once. */
  contextHits: number[];
}

export interface CompiledMatcher {
  format: 1;
  /** Cache key: which pack versions this was built from. */
  key: string;
  aliases: AliasSpec[];
  /**
   * Distinct context terms of all aliases, distinct after folding (case, width, spaces):
   * the first spelling is kept, in order of first mention. `AliasSpec.context` entries map
   * onto these (`Matcher.contextTermIdsOf`).
   */
  contextTerms: string[];
  /** Base64-encoded typed arrays of the automaton; layout private to lib/engine/matcher. */
  tables: Record<string, string>;
}
