import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '../../lib/messaging/client';
import { watchPacksRevision } from '../../lib/messaging/packs-revision';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription } from '../../lib/domain/subscription';
import { manageActions, type ManageActions, type Perform } from './manage-actions';

export interface PackManagement {
  /** `null` until first read. */
  packs: ListedPack[] | null;
  subscriptions: Subscription[] | null;
  /** Why the lists could not be read last time, if they could not. */
  loadError: string | null;
  /** An action is running; action controls wait for it. */
  busy: boolean;
  actions: ManageActions;
}

/**
 * Installed packs and subscriptions, read from the background, and the actions on them.
 * Every action reads both lists again when done: an install can change a subscription's
 * status and a removal can end a subscription, so neither list is patched by guesswork.
 */
export function usePackManagement(): PackManagement {
  const [packs, setPacks] = useState<ListedPack[] | null>(null);
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [running, setRunning] = useState(0);
  // Reads can overlap (an action's, a broadcast's); only the latest one may set the lists.
  const latestRead = useRef(0);

  const refresh = useCallback(async () => {
    const read = ++latestRead.current;
    const [packsReply, subscriptionsReply] = await Promise.all([
      request('listPacks'),
      request('listSubscriptions'),
    ]);
    if (read !== latestRead.current) return;
    if (packsReply.ok) setPacks(packsReply.value);
    if (subscriptionsReply.ok) setSubscriptions(subscriptionsReply.value);
    const failed = !packsReply.ok ? packsReply : !subscriptionsReply.ok ? subscriptionsReply : null;
    setLoadError(failed ? failed.error.message : null);
  }, []);

  useEffect(() => {
    void refresh();
    // A scheduled sync in the background, or another options page, changed the packs.
    return watchPacksRevision(browser.storage.onChanged, () => void refresh());
  }, [refresh]);

  const perform = useCallback<Perform>(
    async (send) => {
      setRunning((count) => count + 1);
      try {
        const reply = await send();
        await refresh();
        return reply;
      } finally {
        setRunning((count) => count - 1);
      }
    },
    [refresh],
  );
  const actions = useMemo(() => manageActions(perform), [perform]);

  return { packs, subscriptions, loadError, busy: running > 0, actions };
}
