import { useEffect, useState } from 'react';
import { request } from '../lib/messaging/client';
import type { ReplyError } from '../lib/messaging/protocol';
import type { ListedPack } from '../lib/domain/pack';

export type PacksState =
  | { status: 'loading' }
  | { status: 'error'; error: ReplyError }
  | { status: 'ready'; packs: ListedPack[] };

/** Installed packs, read from the background (IndexedDB lives in the extension origin). */
export function usePacks(): PacksState {
  const [state, setState] = useState<PacksState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void request('listPacks').then((reply) => {
      if (!live) return;
      setState(
        reply.ok
          ? { status: 'ready', packs: reply.value }
          : { status: 'error', error: reply.error },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
