import type { InstalledPack, ListedPack } from '../domain/pack';
import { packTitle } from '../pack/localized';
import type { PackDatabase } from './pack-database';
import type { PackRow } from './rows';

/**
 * A pack row as the rest of the extension sees it. Field by field rather than the row as
 * it is, so a column the store adds for itself is never sent by accident.
 */
export function installedPackOf(row: PackRow): InstalledPack {
  const pack: InstalledPack = {
    format: row.format,
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    language: row.language,
    publishedAt: row.publishedAt,
    publisher: row.publisher,
    origin: row.origin,
    installedAt: row.installedAt,
    enabled: row.enabled,
    counts: row.counts,
    languages: row.languages,
  };
  if (row.sourceUrl !== undefined) pack.sourceUrl = row.sourceUrl;
  if (row.sourceKey !== undefined) pack.sourceKey = row.sourceKey;
  if (row.lastChange !== undefined) pack.lastChange = row.lastChange;
  if (row.heldBelow !== undefined) pack.heldBelow = row.heldBelow;
  return pack;
}

/** One installed pack, or undefined when it is not installed. */
export async function installedPack(
  db: PackDatabase,
  packId: string,
): Promise<InstalledPack | undefined> {
  const row = await db.packs.get(packId);
  return row && installedPackOf(row);
}

/** Installed packs by title, each with the earlier version it could roll back to. */
export async function listPacks(db: PackDatabase): Promise<ListedPack[]> {
  return db.transaction('r', db.packs, db.packDocuments, async () => {
    const [packs, documentKeys] = await Promise.all([
      db.packs.toArray(),
      // Keys only: the documents themselves can be megabytes each.
      db.packDocuments.toCollection().primaryKeys(),
    ]);
    return packs
      .map((pack) => ({
        ...installedPackOf(pack),
        previousVersion:
          documentKeys.find(
            ([packId, version]) => packId === pack.id && version !== pack.version,
          )?.[1] ?? null,
      }))
      .sort((a, b) => packTitle(a).localeCompare(packTitle(b)));
  });
}
