import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../distribution/signature';
import { freshDatabases } from '../../tests/support/databases';
import {
  addSubscription,
  dropRemovedPack,
  restoreRemovedPack,
  normalizeSubscriptionUrl,
  originPattern,
  SubscriptionError,
} from './subscriptions';

describe('normalizeSubscriptionUrl', () => {
  it.each([
    ['https://packs.example/index.json', 'https://packs.example/index.json'],
    ['  https://Packs.Example/a.pack.json#top ', 'https://packs.example/a.pack.json'],
    ['http://localhost:8080/p/', 'http://localhost:8080/p/'],
    ['http://127.0.0.1:4000/index.json', 'http://127.0.0.1:4000/index.json'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSubscriptionUrl(input)).toBe(expected);
  });

  it.each([
    ['not a url', /is not a web address/],
    ['ftp://packs.example/index.json', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['https://user:secret@packs.example/index.json', /user name or password/],
    ['http://packs.example/index.json', /plain http addresses are refused/],
    ['http://192.168.1.20:8080/index.json', /plain http addresses are refused/],
    ['http://localhost.packs.example/index.json', /plain http addresses are refused/],
  ])('refuses %s', (input, message) => {
    expect(() => normalizeSubscriptionUrl(input)).toThrow(message);
  });

  it('names the host to ask permission for, without a port (Firefox patterns cannot hold one)', () => {
    expect(originPattern('http://127.0.0.1:4000/packs/index.json')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://packs.example.org/index.json')).toBe(
      'https://packs.example.org/*',
    );
    expect(originPattern('http://[::1]:8080/index.json')).toBe('http://[::1]/*');
  });
});

describe('addSubscription', () => {
  const now = () => 42;

  it('adds a subscription due at once, with the pinned key', async () => {
    const { userDb } = freshDatabases();
    const { publicKey } = await generateKeyPair();
    const row = await addSubscription(
      userDb,
      { url: 'https://packs.example/i.json', publicKey },
      now,
    );
    expect(row).toEqual({
      url: 'https://packs.example/i.json',
      publicKey,
      addedAt: 42,
      packIds: [],
      failures: 0,
      nextCheckAt: 42,
    });
    expect(await userDb.subscriptions.toArray()).toEqual([row]);
  });

  it.each([
    ['a malformed key', { url: 'https://packs.example/i.json', publicKey: 'ed25519:nope' }],
    ['a bad address', { url: 'file:///etc/passwd' }],
  ])('refuses %s and stores nothing', async (_label, input) => {
    const { userDb } = freshDatabases();
    await expect(addSubscription(userDb, input, now)).rejects.toBeInstanceOf(SubscriptionError);
    expect(await userDb.subscriptions.count()).toBe(0);
  });

  it('refuses the same address twice', async () => {
    const { userDb } = freshDatabases();
    await addSubscription(userDb, { url: 'https://packs.example/i.json' }, now);
    await expect(
      addSubscription(userDb, { url: 'https://packs.example/i.json#again' }, now),
    ).rejects.toThrow(/already subscribed/);
  });
});

describe('removing a subscribed pack, and undoing it', () => {
  const now = () => 42;
  const URL = 'https://packs.example/i.json';

  it('takes away a subscription that delivered only that pack, and undo brings it back', async () => {
    const { userDb } = freshDatabases();
    const { publicKey } = await generateKeyPair();
    await addSubscription(userDb, { url: URL, publicKey }, now);
    await userDb.subscriptions.update(URL, { packIds: ['a'] });
    const removed = await dropRemovedPack(userDb, URL, 'a');
    expect(removed).toEqual({ url: URL, publicKey });
    expect(await userDb.subscriptions.count()).toBe(0);
    await restoreRemovedPack(userDb, URL, 'a', removed, now);
    expect(await userDb.subscriptions.get(URL)).toMatchObject({ publicKey, packIds: ['a'] });
  });

  it('keeps a subscription that delivers other packs, leaving the removed one out until undo', async () => {
    const { userDb } = freshDatabases();
    await addSubscription(userDb, { url: URL }, now);
    await userDb.subscriptions.update(URL, { packIds: ['a', 'b'] });
    const before = await userDb.subscriptions.get(URL);
    expect(await dropRemovedPack(userDb, URL, 'b')).toBeUndefined();
    expect(await userDb.subscriptions.get(URL)).toEqual({ ...before, declinedPackIds: ['b'] });
    await restoreRemovedPack(userDb, URL, 'b', undefined, now);
    expect(await userDb.subscriptions.get(URL)).toEqual(before);
  });
});
