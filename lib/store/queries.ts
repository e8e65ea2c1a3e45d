import type { PackDatabase } from './pack-database';
import type { AliasRow, PackRow } from './rows';

export async function listPacks(db: PackDatabase): Promise<PackRow[]> {
  const packs = await db.packs.toArray();
  return packs.sort((a, b) => a.title.localeCompare(b.title));
}

/** Every alias of every enabled pack: what the content script needs to find mentions. */
export async function enabledAliases(db: PackDatabase): Promise<AliasRow[]> {
  return db.transaction('r', [db.packs, db.aliases], async () => {
    const enabled = (await db.packs.toArray()).filter((pack) => pack.enabled).map((p) => p.id);
    if (enabled.length === 0) return [];
    return db.aliases.where('packId').anyOf(enabled).toArray();
  });
}
