/**
 * Rows are private to lib/store: only files in this folder import this module. Everything
 * outside (protocol, UI, search, sync) speaks the domain types of lib/domain, and the store
 * hands rows out through its own functions (`installedPackOf`). Where a row is a domain record
 * field for field, it is named here as that type; a column the store adds for itself goes on
 * the row only, and the mapping keeps it off the wire.
 */

import type {
  InstalledEntity,
  InstalledFact,
  InstalledPack,
  InstalledProposition,
  InstalledSource,
} from '../domain/pack';
import type { SiteRule } from '../domain/site-rule';
import type { Subscription } from '../domain/subscription';
import type { CompiledMatcher } from '../engine/types';

/**
 * Pack metadata as stored: the document minus its lists, plus install bookkeeping (`enabled`
 * since schema v2, `sourceUrl`, `lastChange` and `heldBelow` since v5). Handed out as
 * `InstalledPack` through `installedPackOf` (queries.ts).
 */
export type PackRow = InstalledPack;

/**
 * A pack document exactly as installed (for a synced pack, the verified bytes as text):
 * what rollback reinstalls and export writes. The installed version's document is always
 * kept, plus at most one earlier version.
 */
export interface PackDocumentRow {
  packId: string;
  version: string;
  text: string;
  storedAt: number;
}

/** Every row of a pack's content carries its pack id; ids are unique only within a pack. */
export type SourceRow = InstalledSource;
export type PropositionRow = InstalledProposition;
export type EntityRow = InstalledEntity & {
  /** Where this entity's facts are in the pack's fact list (see lib/store/fact-chunks.ts). */
  factOrdinals: number[];
};
/** A fact as read back from its chunk. */
export type FactRow = InstalledFact;
/** Up to `FACTS_PER_CHUNK` facts of one pack as a JSON string (`PackFact[]`), chunk `n`. */
export interface FactChunkRow {
  packId: string;
  n: number;
  json: string;
}

/** A compiled matcher, cached so content scripts don't wait for a rebuild on every page. */
export interface MatcherRow {
  /** `matcherKey`: which enabled pack versions (and `MATCHER_VERSION`) it was built from. */
  key: string;
  compiled: CompiledMatcher;
  builtAt: number;
}

/**
 * A built popup search index (`lib/search`), cached like the matcher: building one over a
 * large pack set takes seconds, reviving it a fraction of that. `json` is
 * `JSON.stringify(SearchIndex)`: one string clones in and out of IndexedDB far faster than
 * the index's millions of small objects would.
 */
export interface SearchIndexRow {
  /** `searchIndexKey`: `SEARCH_INDEX_VERSION` and each enabled pack version. */
  key: string;
  json: string;
  builtAt: number;
}

/**
 * A user's rule for one site, stored as the domain's `SiteRule` (keyed by `host`). Until user
 * database v3 it also carried `disabled`, which nothing read: sites are switched off in the
 * settings (lib/settings, `disabledSites` in extension storage).
 */
export type SiteRuleRow = SiteRule;

/** A subscription, stored as the domain's `Subscription` (keyed by `url`); sync keeps it. */
export type SubscriptionRow = Subscription;
