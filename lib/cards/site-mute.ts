import type { Payload, Reply } from '../messaging/protocol';
import type { EntityRef } from '../domain/entity';
import type { SiteRule } from '../domain/site-rule';

type SiteRequestType = 'getSiteRule' | 'setEntityMuted';

/** The part of `request` (lib/messaging/client) this needs; tests pass a fake. */
export type SiteRequest = (
  type: SiteRequestType,
  payload: Payload<SiteRequestType>,
) => Promise<Reply<SiteRule>>;

export interface SiteMute {
  /** Reads the site's rule; resolves to whether it could. Applied as soon as `attach`ed. */
  load(): Promise<boolean>;
  /**
   * Takes the rule's muted entities as they came with another answer (the background sends
   * them with the first matches of a small document). Ignored once a request of our own has
   * answered: that answer is at least as new.
   */
  receive(entityKeys: readonly string[]): void;
  /** Hands over what applies a muted set to the page (the marker exists only later). */
  attach(apply: (entityKeys: ReadonlySet<string>) => void): void;
  /** The card's "Don't highlight here": resolves to an undo, or null when it failed. */
  mute(ref: EntityRef): Promise<(() => Promise<void>) | null>;
}

/**
 * The site's muted entities, for one page's content script. The background stores the
 * rule (IndexedDB lives in the extension origin) and answers each change with the whole
 * rule, which is applied as is. Replies may arrive out of order (a slow first read after
 * a quick mute, say), so only the newest request's answer is applied.
 */
export function createSiteMute(host: string, request: SiteRequest): SiteMute {
  let issued = 0;
  let newest = -1;
  let muted: ReadonlySet<string> | null = null;
  let apply: ((entityKeys: ReadonlySet<string>) => void) | null = null;

  async function send(type: SiteRequestType, payload: Payload<SiteRequestType>) {
    const sequence = issued++;
    const reply = await request(type, payload);
    if (!reply.ok) {
      console.warn(`Fact Lens: ${type} failed`, reply.error.message);
      return false;
    }
    if (sequence > newest) {
      newest = sequence;
      muted = new Set(reply.value.mutedEntities);
      apply?.(muted);
    }
    return true;
  }

  const setMuted = (ref: EntityRef, value: boolean) =>
    send('setEntityMuted', { host, ...ref, muted: value });

  return {
    load: () => send('getSiteRule', { host }),
    receive(entityKeys) {
      if (newest !== -1) return;
      muted = new Set(entityKeys);
      apply?.(muted);
    },
    attach(next) {
      apply = next;
      if (muted) next(muted);
    },
    async mute(ref) {
      if (!(await setMuted(ref, true))) return null;
      return async () => {
        if (!(await setMuted(ref, false))) throw new Error('Could not undo.');
      };
    },
  };
}
