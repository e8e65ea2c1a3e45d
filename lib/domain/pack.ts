import type { FactPack, PackEntity, PackFact, PackProposition, PackSource } from '../pack/schema';

/** Where an installed pack came from; decides what "restore" and "sync" may do with it. */
export type PackOrigin = 'bundled' | 'file' | 'url';

/** How much an installed pack holds, counted when it was installed. */
export interface PackCounts {
  sources: number;
  propositions: number;
  entities: number;
  aliases: number;
  facts: number;
}

/**
 * What one install changed, as kept and shown: readable lines (names capped) and totals, not
 * the full item lists, which for a large pack would bloat every pack listing.
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

/** What a pack document says about itself: everything but its lists (and `$schema`). */
export type PackMetadata = Pick<
  FactPack,
  'format' | 'id' | 'version' | 'title' | 'description' | 'language' | 'publishedAt' | 'publisher'
>;

/**
 * An installed pack as everything outside lib/store sees it: its metadata and what the
 * install recorded. What install, restore, switching on or off and rollback answer.
 */
export interface InstalledPack extends PackMetadata {
  origin: PackOrigin;
  /** Epoch milliseconds, from the injected clock. */
  installedAt: number;
  /** Disabled packs stay installed but are not matched on pages nor searched. */
  enabled: boolean;
  counts: PackCounts;
  /**
   * Every language the pack's texts are given in (pack format 2), its own `language` first;
   * just that one for a format-1 pack. Recorded at install (schema v8).
   */
  languages: string[];
  /** The subscription URL a pack was synced from (origin `url`). */
  sourceUrl?: string;
  /**
   * The publisher key that subscription had pinned when it installed the pack (origin `url`):
   * with `origin` and `sourceUrl`, who owns the pack id (see lib/store/install.ts, `ownerConflict`).
   */
  sourceKey?: string;
  /** What changed with the install that put this version in place. */
  lastChange?: PackChangeSummary;
  /**
   * Set by a rollback: sync will not offer this version or anything older again, so a
   * deliberate rollback is not undone by the next scheduled check. Newer versions still come.
   */
  heldBelow?: string;
}

/** An installed pack as listed for management: with the kept version a rollback would install. */
export interface ListedPack extends InstalledPack {
  previousVersion: string | null;
}

/**
 * An item of an installed pack's content: the pack format's item with the id of the pack it
 * belongs to, since ids are unique only within a pack.
 */
export type InPack<Item> = Item & { packId: string };

export type InstalledSource = InPack<PackSource>;
export type InstalledProposition = InPack<PackProposition>;
/**
 * An entity of an installed pack. `role` is absent on rows installed before roles existed
 * (issue 18); read it as `subject`, which is what every entity was then.
 */
export type InstalledEntity = InPack<Omit<PackEntity, 'role'> & Partial<Pick<PackEntity, 'role'>>>;
/** A fact of an installed pack: its claim, quote, source, status and subjects. */
export type InstalledFact = InPack<PackFact>;
