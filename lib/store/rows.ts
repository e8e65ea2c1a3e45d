import type {
  FactPack,
  PackAlias,
  PackEntity,
  PackFact,
  PackProposition,
  PackSource,
} from '../pack/schema';
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
};

/** Every row of a pack's content carries its pack id; ids are unique only within a pack. */
export type SourceRow = PackSource & { packId: string };
export type PropositionRow = PackProposition & { packId: string };
export type EntityRow = PackEntity & { packId: string };
export type FactRow = PackFact & {
  packId: string;
  /** `packId/entityId` per subject: a multi-entry index cannot be compound, so we key it ourselves. */
  subjectKeys: string[];
};
export type AliasRow = PackAlias & {
  packId: string;
  entityId: string;
  entityKind: PackEntity['kind'];
};

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
