import compareVersions from 'semver/functions/compare';
import type { FactPack } from '../pack/schema';
import { installPack } from './install';
import type { PackDatabase } from './pack-database';

export type SeedOutcome = 'installed' | 'updated' | 'present' | 'declined';

export interface SeedOptions {
  /**
   * Whether the reader removed the bundled pack (`lib/background/seed-choice.ts`): then an
   * empty database stays empty. Asked only when the database is empty, outside any
   * transaction (it reads extension storage, which would end an IndexedDB transaction).
   */
  declined?: () => Promise<boolean>;
}

/**
 * Makes sure the bundled pack is there. Runs on every background start, because
 * the service worker may wake to a database the user (or the browser, under storage
 * pressure) has wiped. The check and the install share one transaction, so two
 * wake-ups racing each other cannot install it twice.
 *
 * A bundled pack is also updated when the extension ships a newer version of it;
 * a pack with the same id installed from elsewhere (file, subscription) is left alone.
 * An empty database the reader made empty by removing the bundled pack stays empty
 * (`options.declined`): the answer is then `declined`.
 */
export async function ensureSeedPack(
  db: PackDatabase,
  seed: FactPack,
  now: () => number,
  options: SeedOptions = {},
): Promise<SeedOutcome> {
  // Every page load asks for the matcher, and this runs first: answer from a read-only
  // transaction when nothing is to be done, so reads never queue behind a write lock.
  const needed = await seedNeeded(db, seed);
  if (!needed) return 'present';
  const declined = needed === 'empty' && ((await options.declined?.()) ?? false);
  if (declined) return 'declined';
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
async function seedNeeded(db: PackDatabase, seed: FactPack): Promise<'empty' | 'older' | false> {
  return db.transaction('r', db.packs, async () => {
    if ((await db.packs.count()) === 0) return 'empty';
    const installed = await db.packs.get(seed.id);
    return installed?.origin === 'bundled' && compareVersions(seed.version, installed.version) > 0
      ? 'older'
      : false;
  });
}
