import type { PackDatabase } from './pack-database';
import type { InstalledPack } from './rows';

/** Installed packs by title, each with the earlier version it could roll back to. */
export async function listPacks(db: PackDatabase): Promise<InstalledPack[]> {
  return db.transaction('r', db.packs, db.packDocuments, async () => {
    const [packs, documentKeys] = await Promise.all([
      db.packs.toArray(),
      // Keys only: the documents themselves can be megabytes each.
      db.packDocuments.toCollection().primaryKeys(),
    ]);
    return packs
      .map((pack) => ({
        ...pack,
        previousVersion:
          documentKeys.find(
            ([packId, version]) => packId === pack.id && version !== pack.version,
          )?.[1] ?? null,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  });
}
