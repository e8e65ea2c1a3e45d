import type { InstalledPack } from '../domain/pack';
import { packShapeSchema, type FactPack } from '../pack/schema';
import { readAllFacts } from './fact-chunks';
import type { PackDatabase } from './pack-database';
import { installedPackOf } from './queries';
import type { PackDocumentRow, PackRow } from './rows';

/**
 * Pack documents kept beside the rows (schema v5): the installed version's text, and at most
 * one earlier version to roll back to. Call these inside a transaction over
 * `db.contentTables` when they are part of a write.
 */

/**
 * Stores `document` and keeps one earlier version beside it: `replaced` (the version installed
 * until now), or, when the same version is installed again, the earlier version kept so far.
 * Every other kept version of the pack is dropped.
 */
export async function keepDocuments(
  db: PackDatabase,
  packId: string,
  document: PackDocumentRow,
  replaced: string | undefined,
): Promise<void> {
  const earlier =
    replaced !== undefined && replaced !== document.version
      ? replaced
      : (await newestOtherDocument(db, packId, document.version))?.version;
  // By key: filtering rows would read every kept document, megabytes each, just to drop them.
  const keys = await db.packDocuments.where('packId').equals(packId).primaryKeys();
  await db.packDocuments.bulkDelete(
    keys.filter(([, version]) => version !== document.version && version !== earlier),
  );
  await db.packDocuments.put(document);
}

/** The kept document of a version other than the installed one: what a rollback installs. */
export async function previousDocument(
  db: PackDatabase,
  row: PackRow,
): Promise<PackDocumentRow | undefined> {
  return newestOtherDocument(db, row.id, row.version);
}

async function newestOtherDocument(
  db: PackDatabase,
  packId: string,
  version: string,
): Promise<PackDocumentRow | undefined> {
  const kept = await db.packDocuments.where('packId').equals(packId).toArray();
  return kept
    .filter((document) => document.version !== version)
    .sort((a, b) => b.storedAt - a.storedAt)[0];
}

/**
 * The installed version's document: the kept one (`kept` true), or for a pack installed
 * before v5 one rebuilt from its rows and not stored (`kept` false).
 */
export async function installedDocument(
  db: PackDatabase,
  row: PackRow,
): Promise<{ document: PackDocumentRow; kept: boolean }> {
  const document = await db.packDocuments.get([row.id, row.version]);
  if (document) return { document, kept: true };
  const text = JSON.stringify(await rowsToPack(db, row));
  return {
    document: { packId: row.id, version: row.version, text, storedAt: row.installedAt },
    kept: false,
  };
}

/** The installed version's document text; rebuilt from rows for packs installed before v5. */
export async function installedDocumentText(db: PackDatabase, row: PackRow): Promise<string> {
  return (await installedDocument(db, row)).document.text;
}

/**
 * An installed pack with its installed document's text, read in one transaction so the text
 * is of the version the pack says (export names its file by that version); null when the
 * pack is not installed.
 */
export async function installedPackDocument(
  db: PackDatabase,
  packId: string,
): Promise<{ pack: InstalledPack; text: string } | null> {
  return db.transaction('r', db.contentTables, async () => {
    const row = await db.packs.get(packId);
    if (!row) return null;
    return { pack: installedPackOf(row), text: await installedDocumentText(db, row) };
  });
}

/**
 * A kept document as a pack, for change summaries. Its references were checked when it was
 * installed, so only the shape is parsed again: that fills in the schema's defaults (an
 * author may leave out `propositions` or `related`), so the old version compares like for
 * like with the new, validated one. Unreadable text (the database edited by hand) gives null.
 */
export function parseKeptPack(text: string): FactPack | null {
  try {
    const parsed = packShapeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Rebuilds a pack document from its rows. Source, proposition and entity rows are keyed by
 * id, so those lists come back in id order rather than the author's (facts keep theirs, in
 * chunks); everything else is as installed, entities with their aliases.
 */
export async function rowsToPack(db: PackDatabase, row: PackRow): Promise<FactPack> {
  const {
    origin: _origin,
    installedAt: _installedAt,
    enabled: _enabled,
    counts: _counts,
    languages: _languages,
    sourceUrl: _sourceUrl,
    sourceKey: _sourceKey,
    lastChange: _lastChange,
    heldBelow: _heldBelow,
    ...meta
  } = row;
  const [sources, propositions, entities, facts] = await Promise.all([
    db.sources.where('packId').equals(row.id).toArray(),
    db.propositions.where('packId').equals(row.id).toArray(),
    db.entities.where('packId').equals(row.id).toArray(),
    readAllFacts(db, [row.id]),
  ]);
  return {
    ...meta,
    sources: sources.map(({ packId: _packId, ...source }) => source),
    propositions: propositions.map(({ packId: _packId, ...proposition }) => proposition),
    // Rows from before entity roles (issue 18) have none: every entity was a subject then.
    entities: entities.map(({ packId: _packId, factOrdinals: _ordinals, ...entity }) => ({
      ...entity,
      role: entity.role ?? 'subject',
    })),
    facts: facts.map(({ packId: _packId, ...fact }) => fact),
  };
}
