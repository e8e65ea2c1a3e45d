import { isPublicKeyText, KeyFormatError, parsePublicKey } from '../distribution/signature';
import type { Subscription } from '../domain/subscription';
import type { UserDatabase } from '../store/user-database';
import { isLoopbackHttp } from './transport';

export class SubscriptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionError';
  }
}

/**
 * The canonical form of a subscription URL: absolute https (http only for localhost and
 * 127.0.0.1, see `transport.ts`), no credentials, no fragment.
 * Anything else is refused with a sentence saying why.
 */
export function normalizeSubscriptionUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SubscriptionError(`"${text.trim()}" is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SubscriptionError('only http and https addresses can be subscribed to');
  }
  if (url.protocol === 'http:' && !isLoopbackHttp(url)) {
    throw new SubscriptionError(
      'plain http addresses are refused: anyone on the network could read or alter the packs; use the https address (http only for localhost and 127.0.0.1)',
    );
  }
  if (url.username || url.password) {
    throw new SubscriptionError('the address must not contain a user name or password');
  }
  url.hash = '';
  return url.href;
}

/**
 * The match pattern a subscription needs host permission for, e.g. `https://example.org/*`.
 * No port, even when the URL has one: Firefox's match patterns cannot hold a port (Mozilla
 * bug 1362809), so `http://127.0.0.1:4000/*` would be granted there and then match nothing,
 * and every download from it would fail as a network error. Without a port the pattern
 * matches every port of that host, in Firefox and in Chromium alike.
 */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Adds a subscription, due for its first check now. A pinned key must parse; the same URL
 * twice is refused (remove it first to change its key).
 */
export async function addSubscription(
  userDb: UserDatabase,
  input: { url: string; publicKey?: string },
  now: () => number,
): Promise<Subscription> {
  const url = normalizeSubscriptionUrl(input.url);
  const key = input.publicKey?.trim() || undefined;
  if (key !== undefined) {
    try {
      parsePublicKey(key);
    } catch (error) {
      if (error instanceof KeyFormatError) throw new SubscriptionError(error.message);
      throw error;
    }
  }
  const row: Subscription = {
    url,
    ...(key !== undefined && isPublicKeyText(key) ? { publicKey: key } : {}),
    addedAt: now(),
    packIds: [],
    failures: 0,
    nextCheckAt: now(),
  };
  return userDb.transaction('rw', userDb.subscriptions, async () => {
    if (await userDb.subscriptions.get(url)) {
      throw new SubscriptionError(`already subscribed to ${url}`);
    }
    await userDb.subscriptions.add(row);
    return row;
  });
}

/** Subscriptions by when they were added. */
export async function listSubscriptions(userDb: UserDatabase): Promise<Subscription[]> {
  const rows = await userDb.subscriptions.toArray();
  return rows.sort((a, b) => a.addedAt - b.addedAt);
}

/** A subscription taken away with the only pack it delivered: what re-adds it on undo. */
export interface RemovedSubscription {
  url: string;
  publicKey?: string;
}

/**
 * The user removed pack `packId`, which came from subscription `url`. A subscription that
 * delivered only that pack would install it straight back, so it goes too (and is answered,
 * for undo); one that delivers other packs stays and leaves this one out from now on.
 */
export async function dropRemovedPack(
  userDb: UserDatabase,
  url: string,
  packId: string,
): Promise<RemovedSubscription | undefined> {
  return userDb.transaction('rw', userDb.subscriptions, async () => {
    const subscription = await userDb.subscriptions.get(url);
    if (!subscription) return undefined;
    if (subscription.packIds.every((id) => id === packId)) {
      await userDb.subscriptions.delete(url);
      return { url, ...(subscription.publicKey ? { publicKey: subscription.publicKey } : {}) };
    }
    const declined = new Set(subscription.declinedPackIds).add(packId);
    await userDb.subscriptions.update(url, { declinedPackIds: [...declined].sort() });
    return undefined;
  });
}

/** Undoes `dropRemovedPack`: the pack is offered again, the removed subscription is back. */
export async function restoreRemovedPack(
  userDb: UserDatabase,
  url: string,
  packId: string,
  removed: RemovedSubscription | undefined,
  now: () => number,
): Promise<void> {
  const kept = await userDb.subscriptions.get(url);
  if (kept?.declinedPackIds?.includes(packId)) {
    const declined = kept.declinedPackIds.filter((id) => id !== packId);
    // Dexie deletes a property updated to undefined: the row reads as before the removal.
    await userDb.subscriptions.update(url, {
      declinedPackIds: declined.length > 0 ? declined : undefined,
    });
  }
  if (removed && !kept) {
    await addSubscription(userDb, removed, now);
    // It delivered this pack, so removing the pack again takes the subscription with it.
    await userDb.subscriptions.update(removed.url, { packIds: [packId] });
  }
}
