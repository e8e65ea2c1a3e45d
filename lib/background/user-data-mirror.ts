import type { Transaction } from 'dexie';
import type { SettingsArea } from '../settings/store';
import type { UserDatabase } from '../store/user-database';

/**
 * A small copy of what the reader made, kept in `browser.storage.local` under
 * `userDataMirror`: each subscription's URL and pinned key (and the packs the reader declined
 * from it) and each site's muted entities. The settings already live in `storage.local`
 * (lib/settings). If the browser evicts or loses the user database, the next wake finds it
 * empty, restores these from the mirror (`restoreUserData`) and resyncs the subscriptions,
 * so the reader gets back their packs, keys and mutes without doing anything.
 *
 * Only what the reader chose is kept, never sync's bookkeeping (ETags, errors, backoff):
 * restored subscriptions are due at once.
 */
export const USER_MIRROR_KEY = 'userDataMirror';

export interface UserDataMirror {
  version: 1;
  subscriptions: { url: string; publicKey?: string; declinedPackIds?: string[] }[];
  siteRules: { host: string; mutedEntities: string[] }[];
}

/** The mirror of the user database as it is now. */
export async function snapshotUserData(userDb: UserDatabase): Promise<UserDataMirror> {
  return userDb.transaction('r', userDb.subscriptions, userDb.siteRules, async () => ({
    version: 1 as const,
    subscriptions: (await userDb.subscriptions.toArray()).map((row) => ({
      url: row.url,
      ...(row.publicKey !== undefined ? { publicKey: row.publicKey } : {}),
      ...(row.declinedPackIds?.length ? { declinedPackIds: [...row.declinedPackIds] } : {}),
    })),
    siteRules: (await userDb.siteRules.toArray())
      .filter((rule) => rule.mutedEntities.length > 0)
      .map((rule) => ({ host: rule.host, mutedEntities: [...rule.mutedEntities] })),
  }));
}

/** Writes the mirror from the user database. */
export async function writeUserDataMirror(area: SettingsArea, userDb: UserDatabase): Promise<void> {
  await area.set({ [USER_MIRROR_KEY]: await snapshotUserData(userDb) });
}

/** The stored mirror, or undefined when there is none or it is not one (never throws). */
export async function readUserDataMirror(area: SettingsArea): Promise<UserDataMirror | undefined> {
  const stored = (await area.get(USER_MIRROR_KEY))[USER_MIRROR_KEY];
  if (typeof stored !== 'object' || stored === null) return undefined;
  const mirror = stored as Partial<UserDataMirror>;
  if (mirror.version !== 1 || !Array.isArray(mirror.subscriptions)) return undefined;
  if (!Array.isArray(mirror.siteRules)) return undefined;
  const subscriptions = mirror.subscriptions.filter(
    (row) =>
      typeof row?.url === 'string' &&
      (row.publicKey === undefined || typeof row.publicKey === 'string') &&
      (row.declinedPackIds === undefined ||
        (Array.isArray(row.declinedPackIds) &&
          row.declinedPackIds.every((id) => typeof id === 'string'))),
  );
  const siteRules = mirror.siteRules.filter(
    (rule) =>
      typeof rule?.host === 'string' &&
      Array.isArray(rule.mutedEntities) &&
      rule.mutedEntities.every((key) => typeof key === 'string'),
  );
  return { version: 1, subscriptions, siteRules };
}

/**
 * Calls `changed` after every committed transaction that wrote subscriptions or site rules
 * (Dexie table hooks, so no writer can forget it). Answers a function that stops watching.
 */
export function watchUserData(userDb: UserDatabase, changed: () => void): () => void {
  const pending = new WeakSet<Transaction>();
  const onWrite = (transaction: Transaction) => {
    if (pending.has(transaction)) return;
    pending.add(transaction);
    transaction.on('complete', changed);
  };
  const creating = (_key: unknown, _row: unknown, transaction: Transaction) => {
    onWrite(transaction);
  };
  const updating = (_mods: unknown, _key: unknown, _row: unknown, transaction: Transaction) => {
    onWrite(transaction);
  };
  const deleting = creating;
  const { subscriptions, siteRules } = userDb;
  subscriptions.hook('creating', creating);
  subscriptions.hook('updating', updating);
  subscriptions.hook('deleting', deleting);
  siteRules.hook('creating', creating);
  siteRules.hook('updating', updating);
  siteRules.hook('deleting', deleting);
  return () => {
    subscriptions.hook('creating').unsubscribe(creating);
    subscriptions.hook('updating').unsubscribe(updating);
    subscriptions.hook('deleting').unsubscribe(deleting);
    siteRules.hook('creating').unsubscribe(creating);
    siteRules.hook('updating').unsubscribe(updating);
    siteRules.hook('deleting').unsubscribe(deleting);
  };
}

/**
 * On wake: when the user database holds nothing but the mirror does, puts the mirror's
 * subscriptions (due at once) and site rules back, in one transaction with the check.
 * Answers the restored subscription URLs, which the caller syncs again; empty when nothing
 * was restored (the database had data, or the mirror is empty). With no mirror at all (the
 * first wake of a version that keeps one), writes it from the database. An empty mirror
 * costs no database open, so wake-ups of a reader with no subscriptions or mutes stay cheap.
 */
export async function restoreUserData(
  area: SettingsArea,
  userDb: UserDatabase,
  now: () => number,
): Promise<string[]> {
  const mirror = await readUserDataMirror(area);
  if (!mirror) {
    await writeUserDataMirror(area, userDb);
    return [];
  }
  if (mirror.subscriptions.length === 0 && mirror.siteRules.length === 0) return [];
  return userDb.transaction('rw', userDb.subscriptions, userDb.siteRules, async () => {
    const held = (await userDb.subscriptions.count()) + (await userDb.siteRules.count());
    if (held > 0) return [];
    const at = now();
    await userDb.subscriptions.bulkPut(
      mirror.subscriptions.map((row) => ({
        url: row.url,
        ...(row.publicKey !== undefined ? { publicKey: row.publicKey } : {}),
        ...(row.declinedPackIds?.length ? { declinedPackIds: row.declinedPackIds } : {}),
        addedAt: at,
        packIds: [],
        failures: 0,
        nextCheckAt: at,
      })),
    );
    await userDb.siteRules.bulkPut(
      mirror.siteRules.map((rule) => ({
        ...rule,
        mutedEntities: [...rule.mutedEntities].sort(),
        updatedAt: at,
      })),
    );
    return mirror.subscriptions.map((row) => row.url);
  });
}
