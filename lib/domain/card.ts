import type { EntityKind, EntityRole, FactStatus, SourceKind } from '../pack/schema';

/**
 * What a hover card (and the popup's entity view) shows about one entity: everything the
 * card needs, gathered by the background in one read (`loadEntityCard` in lib/store), so a
 * content script never touches IndexedDB (it would open the page's database, not ours).
 * Sent as is in the `getEntityCard` reply.
 *
 * Languages (pack format 2, issue 15): the card's pack texts are in `EntityCard.lang`; a text
 * the pack lacks in it is shown in the pack's own language, and then carries that language
 * beside it (`claimLang`, `nameLang`, …), so the UI can tag it for screen readers. A quote
 * is always its source's own words: `quoteLang` says their language where it is not the card's.
 */

/** A source as a card cites it: never its `text`, which can be huge. */
export interface CardSource {
  id: string;
  title: string;
  publisher: string;
  authors: string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  publishedAt?: string;
  /** http(s) only: the pack schema refuses any other scheme. */
  url?: string;
  kind: SourceKind;
}

/** A fact the entity is a subject of. */
export interface CardFact {
  id: string;
  /** The pack author's words. */
  claim: string;
  claimLang?: string;
  /** The source's words, verbatim, never translated. */
  quote: string;
  /** The language of the quote (its source's, else the pack's) when not the card's. */
  quoteLang?: string;
  status: FactStatus;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf: string;
  /** Id (into `EntityCard.sources`) of the source the claim originates from. */
  sourceId: string;
  /** Id of the source whose words `quote` is, when not `sourceId`. */
  quotedFromId?: string;
  /** Title of the proposition the fact belongs to, if any. */
  propositionTitle?: string;
  propositionTitleLang?: string;
}

export interface CardProposition {
  id: string;
  title: string;
  titleLang?: string;
  summary: string;
  summaryLang?: string;
}

/** An entity the card's entity links to (`related` in the pack). */
export interface CardRelated {
  entityId: string;
  name: string;
  nameLang?: string;
  kind: EntityKind;
  /** How it relates, in the pack's words ("leads", "made by"). */
  relation: string;
}

/** Everything one card shows about one entity. */
export interface EntityCard {
  /**
   * The language of the card's pack texts: the reader's (the setting, else the browser's UI
   * language) where the pack speaks it, else the pack's own.
   */
  lang: string;
  pack: { id: string; title: string; titleLang?: string; version: string };
  entity: {
    id: string;
    name: string;
    nameLang?: string;
    kind: EntityKind;
    summary: string;
    summaryLang?: string;
    aliases: string[];
    /** `context`: named by the pack only in passing (issue 18); `whyNamed` says why. */
    role: EntityRole;
    whyNamed?: string;
    whyNamedLang?: string;
  };
  /**
   * The entity's propositions: those it lists, in its order, then those that list it, by id
   * (rows are stored by key, so the pack file's order is not kept).
   */
  propositions: CardProposition[];
  /** Facts with this entity among their subjects, newest `asOf` first (ties: by id). */
  facts: CardFact[];
  /** Every source the facts cite (origin and quoted), in order of first citation. */
  sources: CardSource[];
  /** Related entities that exist in the pack, in the order the entity lists them. */
  related: CardRelated[];
}
