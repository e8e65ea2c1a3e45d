import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../tests/support/databases';
import { setEntityMuted } from '../store/site-rules';
import { addSubscription } from '../sync/subscriptions';
import {
  readUserDataMirror,
  restoreUserData,
  USER_MIRROR_KEY,
  watchUserData,
  writeUserDataMirror,
  type UserDataMirror,
} from './user-data-mirror';
import { memoryArea } from '../../tests/support/memory-storage';

const now = () => 1000;
const KEY = `ed25519:${'A'.repeat(43)}=`;

const mirror: UserDataMirror = {
  version: 1,
  subscriptions: [
    { url: 'https://packs.example/index.json', publicKey: KEY, declinedPackIds: ['old-pack'] },
    { url: 'https://other.example/pack.json' },
  ],
  siteRules: [{ host: 'example.com', mutedEntities: ['p/b', 'p/a'] }],
};

/** Waits until `check` holds (the mirror is written after a transaction commits). */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never held');
}

describe('user data mirror', () => {
  it('is rewritten after every change to subscriptions and site rules', async () => {
    const { userDb } = freshDatabases();
    const area = memoryArea();
    const stop = watchUserData(userDb, () => void writeUserDataMirror(area, userDb));
    await addSubscription(userDb, { url: 'https://packs.example/index.json' }, now);
    await setEntityMuted(userDb, 'Example.com', 'p/a', true, now);
    await eventually(async () => {
      const stored = await readUserDataMirror(area);
      return stored?.siteRules.length === 1 && stored.subscriptions.length === 1;
    });
    expect(area.items.get(USER_MIRROR_KEY)).toEqual({
      version: 1,
      subscriptions: [{ url: 'https://packs.example/index.json' }],
      siteRules: [{ host: 'example.com', mutedEntities: ['p/a'] }],
    });
    await userDb.subscriptions.clear();
    await eventually(async () => (await readUserDataMirror(area))?.subscriptions.length === 0);
    stop();
  });

  it('restores an emptied user database from the mirror, due for a sync at once', async () => {
    const { userDb } = freshDatabases();
    const area = memoryArea({ [USER_MIRROR_KEY]: mirror });
    expect(await restoreUserData(area, userDb, now)).toEqual([
      'https://packs.example/index.json',
      'https://other.example/pack.json',
    ]);
    expect(await userDb.subscriptions.get('https://packs.example/index.json')).toMatchObject({
      publicKey: KEY,
      declinedPackIds: ['old-pack'],
      packIds: [],
      failures: 0,
      nextCheckAt: 1000,
    });
    expect(await userDb.siteRules.toArray()).toEqual([
      { host: 'example.com', mutedEntities: ['p/a', 'p/b'], updatedAt: 1000 },
    ]);
  });

  it('leaves a user database that holds anything alone', async () => {
    const { userDb } = freshDatabases();
    await setEntityMuted(userDb, 'kept.example', 'p/c', true, now);
    const area = memoryArea({ [USER_MIRROR_KEY]: mirror });
    expect(await restoreUserData(area, userDb, now)).toEqual([]);
    expect(await userDb.subscriptions.count()).toBe(0);
    expect((await userDb.siteRules.toArray()).map((rule) => rule.host)).toEqual(['kept.example']);
  });

  it('writes a first mirror when there is none', async () => {
    const { userDb } = freshDatabases();
    await setEntityMuted(userDb, 'kept.example', 'p/c', true, now);
    const area = memoryArea();
    expect(await restoreUserData(area, userDb, now)).toEqual([]);
    expect(area.items.get(USER_MIRROR_KEY)).toEqual({
      version: 1,
      subscriptions: [],
      siteRules: [{ host: 'kept.example', mutedEntities: ['p/c'] }],
    });
  });

  it.each<[string, unknown]>([
    ['not an object', 'hello'],
    ['another version', { ...mirror, version: 2 }],
    ['no lists', { version: 1 }],
  ])('restores nothing from %s', async (_name, stored) => {
    const { userDb } = freshDatabases();
    const area = memoryArea(stored === undefined ? {} : { [USER_MIRROR_KEY]: stored });
    expect(await restoreUserData(area, userDb, now)).toEqual([]);
    expect(await userDb.subscriptions.count()).toBe(0);
  });
});
