import type {
  CardFact,
  CardProposition,
  CardRelated,
  CardSource,
  EntityCard,
} from '../domain/card';
import type { EntityRef } from '../domain/entity';
import { textInPackLanguage } from '../pack/localized';
import type { LocalizedText } from '../pack/schema';
import type { PackDatabase } from './pack-database';
import { readFacts } from './fact-chunks';
import type { EntityRow, FactRow, PackRow, PropositionRow, SourceRow } from './rows';

/**
 * Everything a hover card shows about one entity, read in one read-only transaction so
 * the card never mixes two versions of a pack that is being updated meanwhile.
 * `null` when the pack or the entity is not installed. Disabled packs still answer: the
 * popup can open a card for an entity that is not matched on pages.
 *
 * Order: rows are keyed `[packId+id]`, so IndexedDB hands them back sorted by id and the
 * order they had in the pack document is not stored. What the rows do keep is used:
 * aliases and `related` come from the entity row, in the author's order; propositions
 * follow the entity's own `propositionIds`, then those that list the entity, by id; facts
 * come from their chunks in the author's order, so those with the same `asOf` keep it.
 */
export async function loadEntityCard(db: PackDatabase, ref: EntityRef): Promise<EntityCard | null> {
  return db.transaction(
    'r',
    [db.packs, db.entities, db.propositions, db.factChunks, db.sources],
    async () => {
      const [pack, entity] = await Promise.all([
        db.packs.get(ref.packId),
        db.entities.get([ref.packId, ref.entityId]),
      ]);
      if (!pack || !entity) return null;
      return assembleCard(db, pack, entity);
    },
  );
}

async function assembleCard(
  db: PackDatabase,
  pack: PackRow,
  entity: EntityRow,
): Promise<EntityCard> {
  const [propositions, factRows, related] = await Promise.all([
    // A pack has at most PACK_LIMITS.propositions of them, and facts need titles from any
    // of them, so one scan serves both directions and every title lookup.
    db.propositions.where('packId').equals(pack.id).toArray(),
    readFacts(db, pack.id, entity.factOrdinals),
    relatedOf(db, entity, pack.language),
  ]);
  const propositionsById = new Map(propositions.map((row) => [row.id, row]));
  const facts = newestFirst(factRows);
  const text = (value: LocalizedText) => textInPackLanguage(value, pack.language);
  return {
    pack: { id: pack.id, title: text(pack.title), version: pack.version },
    entity: {
      id: entity.id,
      name: text(entity.name),
      kind: entity.kind,
      summary: text(entity.summary),
      aliases: [...new Set(entity.aliases.map((alias) => alias.text))],
      // Rows from before entity roles (issue 18) have none: everything was a subject then.
      role: entity.role ?? 'subject',
      ...(entity.whyNamed !== undefined ? { whyNamed: text(entity.whyNamed) } : {}),
    },
    propositions: propositionsOf(entity, propositions, propositionsById, text),
    facts: facts.map((fact) => toCardFact(fact, propositionsById, text)),
    sources: await citedSources(db, pack.id, facts),
    related,
  };
}

/** The entity's own list first (the author ordered it), then those that name the entity. */
function propositionsOf(
  entity: EntityRow,
  propositions: readonly PropositionRow[],
  byId: ReadonlyMap<string, PropositionRow>,
  text: (value: LocalizedText) => string,
): CardProposition[] {
  const listed = entity.propositionIds.flatMap((id) => byId.get(id) ?? []);
  const listing = propositions.filter((row) => row.entityIds.includes(entity.id));
  const distinct = new Map([...listed, ...listing].map((row) => [row.id, row]));
  return [...distinct.values()].map(({ id, title, summary }) => ({
    id,
    title: text(title),
    summary: text(summary),
  }));
}

/**
 * `2026` and `2026-03` are compared as the first day of their period, so a bare year
 * ties with its 1 January instead of being guessed older or newer than its months.
 */
export function asOfSortKey(asOf: string): string {
  return `${asOf}-01-01`.slice(0, 'YYYY-MM-DD'.length);
}

/** Newest first; `Array.prototype.sort` is stable, so ties keep the order they came in. */
function newestFirst(facts: readonly FactRow[]): FactRow[] {
  const keyed = facts.map((fact) => ({ fact, key: asOfSortKey(fact.asOf) }));
  keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return keyed.map(({ fact }) => fact);
}

function toCardFact(
  fact: FactRow,
  propositions: ReadonlyMap<string, PropositionRow>,
  text: (value: LocalizedText) => string,
): CardFact {
  const card: CardFact = {
    id: fact.id,
    claim: text(fact.claim),
    quote: fact.quote,
    status: fact.status,
    asOf: fact.asOf,
    sourceId: fact.sourceId,
  };
  if (fact.quotedFrom !== undefined) card.quotedFromId = fact.quotedFrom;
  const title =
    fact.propositionId === undefined ? undefined : propositions.get(fact.propositionId)?.title;
  if (title !== undefined) card.propositionTitle = text(title);
  return card;
}

/** Each cited source once, in order of first citation; never its `text`, which can be huge. */
async function citedSources(
  db: PackDatabase,
  packId: string,
  facts: readonly FactRow[],
): Promise<CardSource[]> {
  const cited = facts.flatMap((fact) =>
    fact.quotedFrom === undefined ? [fact.sourceId] : [fact.sourceId, fact.quotedFrom],
  );
  const ids = [...new Set(cited)];
  const rows = await db.sources.bulkGet(ids.map((id): [string, string] => [packId, id]));
  return rows.flatMap((row) => (row ? [toCardSource(row)] : []));
}

/** Field by field rather than by omitting `text`, so a new column is never sent by accident. */
function toCardSource(row: SourceRow): CardSource {
  const card: CardSource = {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    authors: row.authors,
    kind: row.kind,
  };
  if (row.publishedAt !== undefined) card.publishedAt = row.publishedAt;
  if (row.url !== undefined) card.url = row.url;
  return card;
}

/** The entity's `related` list, in its order, skipping entities the pack does not define. */
async function relatedOf(
  db: PackDatabase,
  entity: EntityRow,
  packLanguage: string,
): Promise<CardRelated[]> {
  const rows = await db.entities.bulkGet(
    entity.related.map((link): [string, string] => [entity.packId, link.entityId]),
  );
  return entity.related.flatMap((link, index) => {
    const row = rows[index];
    return row
      ? [
          {
            entityId: row.id,
            name: textInPackLanguage(row.name, packLanguage),
            kind: row.kind,
            relation: link.relation,
          },
        ]
      : [];
  });
}
