import type { MATCHER_VERSION } from './matcher-version';
import type { AliasCaseRule, EntityKind, EntityRole } from '../pack/schema';

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
  /**
   * Longer words the alias must not be matched inside (case-insensitive, word boundaries as
   * for context terms): 豆包 is not Doubao inside 豆包子. Found by the same automaton pass.
   */
  notInside?: readonly string[];
  packId: string;
  entityId: string;
  entityKind: EntityKind;
  /**
   * What the entity is to its pack: a `subject` is marked wherever it appears, a `context`
   * entity only near a subject of its pack (lib/engine/page/nearness.ts). Absent: subject.
   */
  entityRole?: EntityRole;
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

/** An alias as a content script gets it back from the matcher: who it stands for. */
export type MatchedAlias = Omit<AliasSpec, 'context' | 'notInside' | 'entityRole'> & {
  entityRole: EntityRole;
};

/**
 * Everything in columns, no object per alias: a content script parses this on every page
 * load, and 10,000 alias objects took longer to parse and revive than the page took to scan.
 */
export interface CompiledMatcher {
  /** `MATCHER_VERSION` of the code that compiled it. */
  format: typeof MATCHER_VERSION;
  /** Cache key: which pack versions this was built from. */
  key: string;
  /** All alias texts, concatenated; alias `i` ends at `tables.aliasTextEnd[i]`. */
  aliasText: string;
  /** Distinct pack ids; `tables.entityPack` points here. */
  packIds: string[];
  /**
   * Distinct entity ids (of any pack), joined by newlines: ids are slugs, without one.
   * `tables.entityIdEnd` says where each ends, so nothing is split on load.
   */
  entityIds: string;
  /**
   * Distinct context terms of all aliases, distinct after folding (case, width, spaces):
   * the first spelling is kept, in order of first mention. `tables.aliasTerms` points here.
   */
  contextTerms: string[];
  /** Base64-encoded typed arrays; layout private to lib/engine/matcher (see compile.ts). */
  tables: Record<string, string>;
}
