import type { EntityRef } from '../domain/entity';
import type {
  InstalledEntity,
  InstalledFact,
  InstalledPack,
  InstalledProposition,
  InstalledSource,
} from '../domain/pack';
import { everyText, textReader } from '../pack/localized';
import type { EntityKind, LocalizedText } from '../pack/schema';
import { readAllFacts } from '../store/fact-chunks';
import type { PackDatabase } from '../store/pack-database';

/**
 * What the popup searches: one document per entity, proposition, fact and source of the
 * installed packs, flattened to the three text fields the index knows.
 */

export const SEARCH_KINDS = ['entity', 'proposition', 'fact', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchDocument {
  kind: SearchKind;
  packId: string;
  /** The row's own id (unique within its pack and kind). */
  id: string;
  /** Shown as the result's title: entity name, proposition or source title, fact claim. */
  title: string;
  /** The language `title` is shown in, for pack texts that have one (not sources). */
  titleLang?: string;
  /** Entity aliases other than the name itself; empty for the other kinds. */
  aliases: string[];
  /** Second line: entity or proposition summary, fact quote, source publisher and authors. */
  text: string;
  /**
   * The title's and summary's (claim's) other languages (pack format 2, issue 15): searched,
   * never shown, so "world model" finds 世界模型 and back. An entity's names in other
   * languages are among its `aliases` instead, where names are looked up.
   */
  translations: string[];
  /**
   * The entity card a click opens. An entity opens itself; a fact opens its first subject
   * (the pack lists the entity the fact is chiefly about first). A proposition or a source
   * concerns many entities and none of them is the obvious one, so it is `null`: the popup
   * shows the proposition or source itself.
   */
  opens: EntityRef | null;
  /** For entities, so the popup can label the result ("person", "model"). */
  entityKind?: EntityKind;
}

/** Installed rows, as plain arrays, so documents can be built (and tested) without IndexedDB. */
export interface SearchRows {
  packs: readonly InstalledPack[];
  entities: readonly InstalledEntity[];
  propositions: readonly InstalledProposition[];
  facts: readonly InstalledFact[];
  sources: readonly InstalledSource[];
}

/**
 * Version of the built search index: written into its JSON (`format`) and part of its cache
 * key. Bump it when documents, the tokenizer or the index's layout change shape, so a cached
 * index is never reused.
 */
export const SEARCH_INDEX_VERSION = 3;

/**
 * What a built index depends on: `SEARCH_INDEX_VERSION`, the languages its titles are shown
 * in (`preferred`) and each included pack version.
 */
export function searchIndexKey(
  packs: readonly { id: string; version: string }[],
  preferred: readonly string[] = [],
): string {
  const versions = packs.map((pack) => `${pack.id}@${pack.version}`).sort();
  return `search-${SEARCH_INDEX_VERSION}|${preferred.join(',')}|${versions.join(',')}`;
}

/** How one pack's texts are read for its documents: shown in one language, searched in all. */
interface Read {
  (value: LocalizedText): string;
  /** The variants of `value` not shown. */
  others: (value: LocalizedText) => string[];
  /** The language `value` is shown in. */
  lang: (value: LocalizedText) => string;
}

function reader(pack: InstalledPack, preferred: readonly string[]): Read {
  // Packs installed before schema v8 list no languages: they spoke only their own.
  const view = textReader(pack.languages ?? [pack.language], pack.language, preferred);
  const { read } = view;
  const shown = (value: LocalizedText) => read(value).text;
  return Object.assign(shown, {
    lang: (value: LocalizedText) => read(value).lang ?? view.lang,
    others: (value: LocalizedText) => {
      const text = shown(value);
      return everyText(value).filter((variant) => variant !== text);
    },
  });
}

function entityDocument(row: InstalledEntity, read: Read): SearchDocument {
  const name = read(row.name);
  const aliases = [
    ...new Set([...read.others(row.name), ...row.aliases.map((alias) => alias.text)]),
  ].filter((text) => text !== name);
  return {
    kind: 'entity',
    packId: row.packId,
    id: row.id,
    title: name,
    titleLang: read.lang(row.name),
    aliases,
    text: read(row.summary),
    translations: read.others(row.summary),
    opens: { packId: row.packId, entityId: row.id },
    entityKind: row.kind,
  };
}

function propositionDocument(row: InstalledProposition, read: Read): SearchDocument {
  const { packId, id } = row;
  const [title, text] = [read(row.title), read(row.summary)];
  const translations = [...read.others(row.title), ...read.others(row.summary)];
  const titleLang = read.lang(row.title);
  return {
    kind: 'proposition',
    packId,
    id,
    title,
    titleLang,
    aliases: [],
    text,
    translations,
    opens: null,
  };
}

function factDocument(row: InstalledFact, read: Read): SearchDocument {
  const first = row.subjectIds[0];
  return {
    kind: 'fact',
    packId: row.packId,
    id: row.id,
    title: read(row.claim),
    titleLang: read.lang(row.claim),
    aliases: [],
    // The quote stays its source's own words, in one language: searched as it is.
    text: row.quote,
    translations: read.others(row.claim),
    opens: first === undefined ? null : { packId: row.packId, entityId: first },
  };
}

function sourceDocument(row: InstalledSource): SearchDocument {
  // The source's full `text` is not indexed: it can be 200 kB and would drown every other hit.
  const text = row.authors.length ? `${row.publisher} · ${row.authors.join(', ')}` : row.publisher;
  const { packId, id, title } = row;
  return { kind: 'source', packId, id, title, aliases: [], text, translations: [], opens: null };
}

/**
 * One document per row of the given packs. Rows of packs not in `rows.packs` are skipped, so
 * the caller decides which packs are searched by which pack rows it passes.
 */
export function searchDocuments(
  rows: SearchRows,
  preferred: readonly string[] = [],
): SearchDocument[] {
  const readers = new Map(
    rows.packs.map((pack): [string, Read] => [pack.id, reader(pack, preferred)]),
  );
  const inPacks = <T extends { packId: string }>(
    list: readonly T[],
    toDocument: (row: T, read: Read) => SearchDocument,
  ) =>
    list.flatMap((row) => {
      const read = readers.get(row.packId);
      return read ? [toDocument(row, read)] : [];
    });
  return [
    ...inPacks(rows.entities, entityDocument),
    ...inPacks(rows.propositions, propositionDocument),
    ...inPacks(rows.facts, factDocument),
    ...inPacks(rows.sources, sourceDocument),
  ];
}

export interface SearchCorpus {
  /** `searchIndexKey` of the packs read: equal keys mean equal documents. */
  key: string;
  documents: SearchDocument[];
}

/**
 * The documents of the enabled packs, read in one read-only transaction so an update
 * installing meanwhile is seen entirely or not at all. Disabled packs are left out: the user
 * switched them off, and the popup would otherwise offer entities the page never marks.
 */
export async function loadSearchDocuments(
  db: PackDatabase,
  preferred: readonly string[] = [],
): Promise<SearchCorpus> {
  const tables = [db.packs, db.entities, db.propositions, db.factChunks, db.sources];
  const rows = await db.transaction('r', tables, async () => {
    const packs = (await db.packs.toArray()).filter((pack) => pack.enabled);
    const ids = packs.map((pack) => pack.id);
    const [entities, propositions, facts, sources] = await Promise.all([
      db.entities.where('packId').anyOf(ids).toArray(),
      db.propositions.where('packId').anyOf(ids).toArray(),
      readAllFacts(db, ids),
      db.sources.where('packId').anyOf(ids).toArray(),
    ]);
    return { packs, entities, propositions, facts, sources };
  });
  return {
    key: searchIndexKey(rows.packs, preferred),
    documents: searchDocuments(rows, preferred),
  };
}
