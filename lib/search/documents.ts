import type { EntityRef } from '../cards/card-data';
import type { EntityKind, FactPack } from '../pack/schema';
import { readAllFacts } from '../store/fact-chunks';
import { packToRows } from '../store/install';
import type { PackDatabase } from '../store/pack-database';
import type { EntityRow, FactRow, PackRow, PropositionRow, SourceRow } from '../store/rows';

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
  /** Entity aliases other than the name itself; empty for the other kinds. */
  aliases: string[];
  /** Second line: entity or proposition summary, fact quote, source publisher and authors. */
  text: string;
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
  packs: readonly PackRow[];
  entities: readonly EntityRow[];
  propositions: readonly PropositionRow[];
  facts: readonly FactRow[];
  sources: readonly SourceRow[];
}

/** Bump when documents or the tokenizer change shape, so a cached index is never reused. */
export const SEARCH_FORMAT = 1;

/** What a built index depends on: the document format and each included pack version. */
export function searchIndexKey(packs: readonly { id: string; version: string }[]): string {
  const versions = packs.map((pack) => `${pack.id}@${pack.version}`).sort();
  return `search-${SEARCH_FORMAT}|${versions.join(',')}`;
}

function entityDocument(row: EntityRow): SearchDocument {
  const aliases = [...new Set(row.aliases.map((alias) => alias.text))].filter(
    (text) => text !== row.name,
  );
  return {
    kind: 'entity',
    packId: row.packId,
    id: row.id,
    title: row.name,
    aliases,
    text: row.summary,
    opens: { packId: row.packId, entityId: row.id },
    entityKind: row.kind,
  };
}

function propositionDocument(row: PropositionRow): SearchDocument {
  const { packId, id, title, summary } = row;
  return { kind: 'proposition', packId, id, title, aliases: [], text: summary, opens: null };
}

function factDocument(row: FactRow): SearchDocument {
  const first = row.subjectIds[0];
  return {
    kind: 'fact',
    packId: row.packId,
    id: row.id,
    title: row.claim,
    aliases: [],
    text: row.quote,
    opens: first === undefined ? null : { packId: row.packId, entityId: first },
  };
}

function sourceDocument(row: SourceRow): SearchDocument {
  // The source's full `text` is not indexed: it can be 200 kB and would drown every other hit.
  const text = row.authors.length ? `${row.publisher} · ${row.authors.join(', ')}` : row.publisher;
  const { packId, id, title } = row;
  return { kind: 'source', packId, id, title, aliases: [], text, opens: null };
}

/**
 * One document per row of the given packs. Rows of packs not in `rows.packs` are skipped, so
 * the caller decides which packs are searched by which pack rows it passes.
 */
export function searchDocuments(rows: SearchRows): SearchDocument[] {
  const packIds = new Set(rows.packs.map((pack) => pack.id));
  const inPacks = <T extends { packId: string }>(list: readonly T[]) =>
    list.filter((row) => packIds.has(row.packId));
  return [
    ...inPacks(rows.entities).map(entityDocument),
    ...inPacks(rows.propositions).map(propositionDocument),
    ...inPacks(rows.facts).map(factDocument),
    ...inPacks(rows.sources).map(sourceDocument),
  ];
}

/** The rows validated packs would be installed as, all enabled: for tests and benchmarks. */
export function packSearchRows(packs: readonly FactPack[]): SearchRows {
  const rows = packs.map((pack) => packToRows(pack, 'file', 0));
  return {
    packs: rows.map((row) => row.pack),
    entities: rows.flatMap((row) => row.entities),
    propositions: rows.flatMap((row) => row.propositions),
    facts: packs.flatMap((pack) => pack.facts.map((fact) => ({ ...fact, packId: pack.id }))),
    sources: rows.flatMap((row) => row.sources),
  };
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
export async function loadSearchDocuments(db: PackDatabase): Promise<SearchCorpus> {
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
  return { key: searchIndexKey(rows.packs), documents: searchDocuments(rows) };
}
