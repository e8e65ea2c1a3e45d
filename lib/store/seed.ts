import compareVersions from 'semver/functions/compare';
import type { FactPack } from '../pack/schema';
import { installPack } from './install';
import type { PackDatabase } from './pack-database';

export type SeedOutcome = 'installed' | 'updated' | 'present';

/**
 * Makes sure the bundled pack is there. Runs on every background start, because
 * the service worker may wake to a database the user (or the browser, under storage
 * pressure) has wiped. The check and the install share one transaction, so two
 * wake-ups racing each other cannot install it twice.
 *
 * A bundled pack is also updated when the extension ships a newer version of it;
 * a pack with the same id installed from elsewhere (file, subscription) is left alone.
 */
export async function ensureSeedPack(
  db: PackDatabase,
  seed: FactPack,
  now: () => number,
): Promise<SeedOutcome> {
  // Every page load asks for the matcher, and this runs first: answer from a read-only
  // transaction when nothing is to be done, so reads never queue behind a write lock.
  if (!(await seedNeeded(db, seed))) return 'present';
  return db.transaction('rw', db.contentTables, async () => {
    if ((await db.packs.count()) === 0) {
      await installPack(db, seed, { origin: 'bundled', now });
      return 'installed';
    }
    const installed = await db.packs.get(seed.id);
    if (installed?.origin === 'bundled' && compareVersions(seed.version, installed.version) > 0) {
      await installPack(db, seed, { origin: 'bundled', now });
      return 'updated';
    }
    return 'present';
  });
}

/** Whether the database is empty or holds an older bundled version of `seed`. */
async function seedNeeded(db: PackDatabase, seed: FactPack): Promise<boolean> {
  return db.transaction('r', db.packs, async () => {
    if ((await db.packs.count()) === 0) return true;
    const installed = await db.packs.get(seed.id);
    return installed?.origin === 'bundled' && compareVersions(seed.version, installed.version) > 0;
  });
}
