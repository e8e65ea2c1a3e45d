import type { FactPack, PackEntity, PackFact, PackProposition, PackSource } from '../pack/schema';
import type { CompiledMatcher } from '../engine/types';

/** Where an installed pack came from; decides what "restore" and "sync" may do with it. */
export type PackOrigin = 'bundled' | 'file' | 'url';

export interface PackCounts {
  sources: number;
  propositions: number;
  entities: number;
  aliases: number;
  facts: number;
}

/** Pack metadata as stored: the document minus its lists, plus install bookkeeping. */
export type PackRow = Omit<
  FactPack,
  'sources' | 'propositions' | 'entities' | 'facts' | '$schema'
> & {
  origin: PackOrigin;
  /** Epoch milliseconds, from the injected clock. */
  installedAt: number;
  /** Disabled packs stay installed but are not matched on pages. Added in schema v2. */
  enabled: boolean;
  counts: PackCounts;
  /** The subscription URL a pack was synced from (origin `url`). Added in schema v5. */
  sourceUrl?: string;
  /** What changed with the install that put this version in place (schema v5). */
  lastChange?: PackChangeSummary;
  /**
   * Set by a rollback: sync will not offer this version or anything older again, so a
   * deliberate rollback is not undone by the next scheduled check. Newer versions still come.
   */
  heldBelow?: string;
};

/** A pack as listed for management: its row, and the kept version a rollback would install. */
export type InstalledPack = PackRow & { previousVersion: string | null };

/**
 * The change summary of one install, as stored and shown: readable lines (names capped) and
 * totals, not the full item lists, which for a large pack would bloat every pack listing.
 */
export interface PackChangeSummary {
  /** The version replaced; null for a first install. */
  from: string | null;
  to: string;
  /** Epoch milliseconds. */
  at: number;
  /** Items added, removed or changed, over every list. */
  total: number;
  lines: string[];
}

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
export type SourceRow = PackSource & { packId: string };
export type PropositionRow = PackProposition & { packId: string };
export type EntityRow = PackEntity & {
  packId: string;
  /** Where this entity's facts are in the pack's fact list (see lib/store/fact-chunks.ts). */
  factOrdinals: number[];
};
/** A fact as read back from its chunk. */
export type FactRow = PackFact & { packId: string };
/** Up to `FACTS_PER_CHUNK` facts of one pack as a JSON string (`PackFact[]`), chunk `n`. */
export interface FactChunkRow {
  packId: string;
  n: number;
  json: string;
}

/** `packId/entityId`: one key for an entity across packs (muted entities, search, cards). */
export function subjectKey(packId: string, entityId: string): string {
  return `${packId}/${entityId}`;
}

/** A compiled matcher, cached so content scripts don't wait for a rebuild on every page. */
export interface MatcherRow {
  /** Which enabled pack versions (and engine format) it was built from. */
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
  /** `searchIndexKey`: the search format and each enabled pack version. */
  key: string;
  json: string;
  builtAt: number;
}

/** Settings are one row per key so a new setting never needs a schema change. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A user's rule for one site (hostname), e.g. "don't run here". */
export interface SiteRuleRow {
  host: string;
  /**
   * Kept as stored, but not what switches a site off: that is `disabledSites` in the
   * settings (lib/settings), in extension storage, so every open tab hears the change.
   */
  disabled: boolean;
  /** Entities the user asked not to highlight on this site, by `packId/entityId`. */
  mutedEntities: string[];
  updatedAt: number;
}

export interface NoteRow {
  id?: number;
  packId: string;
  entityId: string;
  text: string;
  createdAt: number;
}

/**
 * A pack or index URL the user subscribed to, with what sync last saw of it. It lives in the
 * user database: the user made it, so no pack install, update, rollback or removal touches it.
 */
export interface SubscriptionRow {
  /** Absolute http(s) URL of a pack document or an index (lib/distribution/index-format). */
  url: string;
  /** `ed25519:<base64>` when the user pinned the publisher's key: every pack must be signed by it. */
  publicKey?: string;
  addedAt: number;
  /** The packs this URL delivered, by id. */
  packIds: string[];
  /**
   * Packs of this index the user removed while keeping the subscription for the others: sync
   * leaves them out (instead of installing them straight back) until one is restored.
   */
  declinedPackIds?: string[];
  /** Validators of the last good response, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  /** Set when the last attempt failed; cleared by the next success. */
  lastError?: SyncErrorRecord;
  /** Failures in a row; drives the backoff. */
  failures: number;
  /** When the next scheduled check is due (epoch ms). */
  nextCheckAt: number;
}

export interface SyncErrorRecord {
  code: string;
  message: string;
  at: number;
}
