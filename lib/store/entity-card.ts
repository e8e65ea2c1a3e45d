import type { CardFact, CardProposition, CardSource, EntityCard } from '../domain/card';
import type { EntityRef } from '../domain/entity';
import { langField, textReader, type ShownText } from '../pack/localized';
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
export async function loadEntityCard(
  db: PackDatabase,
  ref: EntityRef,
  preferred: readonly string[] = [],
): Promise<EntityCard | null> {
  return db.transaction(
    'r',
    [db.packs, db.entities, db.propositions, db.factChunks, db.sources],
    async () => {
      const [pack, entity] = await Promise.all([
        db.packs.get(ref.packId),
        db.entities.get([ref.packId, ref.entityId]),
      ]);
      if (!pack || !entity) return null;
      return assembleCard(db, pack, entity, preferred);
    },
  );
}

/** How one card reads its pack's texts (`textReader`), and the language quotes default to. */
interface CardTexts {
  lang: string;
  read: (value: LocalizedText) => ShownText;
  packLanguage: string;
}

async function assembleCard(
  db: PackDatabase,
  pack: PackRow,
  entity: EntityRow,
  preferred: readonly string[],
): Promise<EntityCard> {
  const [propositions, factRows, relatedRows] = await Promise.all([
    // A pack has at most PACK_LIMITS.propositions of them, and facts need titles from any
    // of them, so one scan serves both directions and every title lookup.
    db.propositions.where('packId').equals(pack.id).toArray(),
    readFacts(db, pack.id, entity.factOrdinals),
    relatedOf(db, entity),
  ]);
  // Packs installed before schema v8 list no languages: they spoke only their own.
  const texts = {
    ...textReader(pack.languages ?? [pack.language], pack.language, preferred),
    packLanguage: pack.language,
  };
  const { read } = texts;
  const propositionsById = new Map(propositions.map((row) => [row.id, row]));
  const facts = newestFirst(factRows);
  const sources = await citedSources(db, pack.id, facts);
  const [title, name, summary] = [read(pack.title), read(entity.name), read(entity.summary)];
  const whyNamed = entity.whyNamed === undefined ? undefined : read(entity.whyNamed);
  return {
    lang: texts.lang,
    pack: {
      id: pack.id,
      title: title.text,
      ...langField('titleLang', title),
      version: pack.version,
    },
    entity: {
      id: entity.id,
      name: name.text,
      ...langField('nameLang', name),
      kind: entity.kind,
      summary: summary.text,
      ...langField('summaryLang', summary),
      aliases: [...new Set(entity.aliases.map((alias) => alias.text))],
      // Rows from before entity roles (issue 18) have none: everything was a subject then.
      role: entity.role ?? 'subject',
      ...(whyNamed ? { whyNamed: whyNamed.text, ...langField('whyNamedLang', whyNamed) } : {}),
    },
    propositions: propositionsOf(entity, propositions, propositionsById).map((row) =>
      toCardProposition(row, read),
    ),
    facts: facts.map((fact) => toCardFact(fact, propositionsById, sources, texts)),
    sources: sources.map(toCardSource),
    related: relatedRows.map(({ row, relation }) => {
      const related = read(row.name);
      return {
        entityId: row.id,
        name: related.text,
        ...langField('nameLang', related),
        kind: row.kind,
        relation,
      };
    }),
  };
}

/** The entity's own list first (the author ordered it), then those that name the entity. */
function propositionsOf(
  entity: EntityRow,
  propositions: readonly PropositionRow[],
  byId: ReadonlyMap<string, PropositionRow>,
): PropositionRow[] {
  const listed = entity.propositionIds.flatMap((id) => byId.get(id) ?? []);
  const listing = propositions.filter((row) => row.entityIds.includes(entity.id));
  return [...new Map([...listed, ...listing].map((row) => [row.id, row])).values()];
}

function toCardProposition(row: PropositionRow, read: CardTexts['read']): CardProposition {
  const [title, summary] = [read(row.title), read(row.summary)];
  return {
    id: row.id,
    title: title.text,
    ...langField('titleLang', title),
    summary: summary.text,
    ...langField('summaryLang', summary),
  };
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
  sources: readonly SourceRow[],
  { lang, read, packLanguage }: CardTexts,
): CardFact {
  const claim = read(fact.claim);
  // A quote is never translated: it is in its source's language, else the pack's.
  const quotedId = fact.quotedFrom ?? fact.sourceId;
  const quoteLang = sources.find((source) => source.id === quotedId)?.language ?? packLanguage;
  const card: CardFact = {
    id: fact.id,
    claim: claim.text,
    ...langField('claimLang', claim),
    quote: fact.quote,
    ...(quoteLang === lang ? {} : { quoteLang }),
    status: fact.status,
    asOf: fact.asOf,
    sourceId: fact.sourceId,
  };
  if (fact.quotedFrom !== undefined) card.quotedFromId = fact.quotedFrom;
  const proposition =
    fact.propositionId === undefined ? undefined : propositions.get(fact.propositionId);
  if (proposition !== undefined) {
    const title = read(proposition.title);
    card.propositionTitle = title.text;
    if (title.lang !== undefined) card.propositionTitleLang = title.lang;
  }
  return card;
}

/** Each cited source once, in order of first citation; never its `text`, which can be huge. */
async function citedSources(
  db: PackDatabase,
  packId: string,
  facts: readonly FactRow[],
): Promise<SourceRow[]> {
  const cited = facts.flatMap((fact) =>
    fact.quotedFrom === undefined ? [fact.sourceId] : [fact.sourceId, fact.quotedFrom],
  );
  const ids = [...new Set(cited)];
  const rows = await db.sources.bulkGet(ids.map((id): [string, string] => [packId, id]));
  return rows.flatMap((row) => (row ? [row] : []));
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
): Promise<{ row: EntityRow; relation: string }[]> {
  const rows = await db.entities.bulkGet(
    entity.related.map((link): [string, string] => [entity.packId, link.entityId]),
  );
  return entity.related.flatMap((link, index) => {
    const row = rows[index];
    return row ? [{ row, relation: link.relation }] : [];
  });
}
