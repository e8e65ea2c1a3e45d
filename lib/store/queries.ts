import type { PackDatabase } from './pack-database';
import type { PackRow } from './rows';

export async function listPacks(db: PackDatabase): Promise<PackRow[]> {
  const packs = await db.packs.toArray();
  return packs.sort((a, b) => a.title.localeCompare(b.title));
}
