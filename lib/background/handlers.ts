import { entityKey } from '../domain/entity';
import { RequestError, type Handlers, type Sender } from '../messaging/dispatch';
import type { MessagesWithAccess } from '../messaging/protocol';
import { loadEntityCard } from '../store/entity-card';
import type { PackDatabase } from '../store/pack-database';
import type { Matcher } from '../engine/matcher/matcher';
import { scanRemotely } from '../engine/remote-scan';
import type { MatcherService } from './matcher-service';
import { listPacks } from '../store/queries';
import { setEntityMuted, siteRuleFor, SiteRuleError } from '../store/site-rules';
import type { UserDatabase } from '../store/user-database';
import { createManageHandlers, type ManageServices } from './manage-handlers';

export interface BackgroundServices extends ManageServices {
  packDb: PackDatabase;
  /** The user's own data (site rules, settings, subscriptions); read handlers never write it. */
  userDb: UserDatabase;
  now: () => number;
  /** Resolves once the bundled pack is known to be installed (re-checked on every read). */
  ensureSeed: () => Promise<unknown>;
  /**
   * The enabled packs' matcher, compiled and decoded, kept warm between requests
   * (matcher-service.ts); `packsChanged` must invalidate it.
   */
  matchers: MatcherService<Matcher>;
  /** Opens an extension page in a new tab (`browser.tabs.create`). */
  openTab: (path: string) => Promise<void>;
}

/** The popup page searching `query`, about the sender's tab when there is one. */
export function searchPagePath(query: string, sender: Sender): string {
  const params = new URLSearchParams({ q: query });
  if (sender.kind === 'content-script' && sender.tabId !== undefined)
    params.set('tab', String(sender.tabId));
  return `/popup.html?${params.toString()}`;
}

/**
 * Which site a request is about. A content script may only speak for the page it runs
 * in, so its own frame's host wins over whatever the payload claims; our extension
 * pages (options, popup) may name any site.
 */
function requestedSite(payloadHost: string, sender: Sender): string {
  if (sender.kind === 'extension-page') return payloadHost;
  if (sender.host === null) throw new RequestError('invalid-request', 'This page has no site.');
  return sender.host;
}

/** Runs a site-rule operation, answering store refusals (bad host, full list) as such. */
async function siteRuleRequest<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SiteRuleError) throw new RequestError('invalid-request', error.message);
    throw error;
  }
}

type UserHandlers = Pick<Handlers, MessagesWithAccess<'user'>>;

/**
 * Handlers of `user` requests, which content scripts may send. Built from the user
 * database alone: with no packs handle in scope they cannot change a pack.
 */
function createUserHandlers({ userDb, now }: Pick<BackgroundServices, 'userDb' | 'now'>) {
  return {
    async setEntityMuted({ host, packId, entityId, muted }, sender) {
      const key = entityKey(packId, entityId);
      return siteRuleRequest(() =>
        setEntityMuted(userDb, requestedSite(host, sender), key, muted, now),
      );
    },
  } satisfies UserHandlers;
}

/** The background's answer to each request; payloads arrive already validated. */
export function createHandlers(services: BackgroundServices): Handlers {
  const { packDb, userDb, ensureSeed } = services;
  // Typed with the `read` requests only: `user` and `manage` requests have their own builders.
  const read: Pick<Handlers, MessagesWithAccess<'read'>> = {
    async getSiteRule({ host }, sender) {
      return siteRuleRequest(() => siteRuleFor(userDb, requestedSite(host, sender)));
    },

    async listPacks() {
      await ensureSeed();
      return listPacks(packDb);
    },

    async getMatcher() {
      return services.matchers.compiled();
    },

    async matchTexts({ texts }, sender) {
      const scan = scanRemotely(await services.matchers.decoded(), texts);
      const found = scan.results.some((result) => result.candidates.length > 0);
      if (!found || sender.kind !== 'content-script' || sender.host === null) return scan;
      // Only documents with something to mark need the site's mutes: most frames never do.
      const { mutedEntities } = await siteRuleFor(userDb, sender.host);
      return { ...scan, muted: mutedEntities };
    },

    async getEntityCard(ref) {
      await ensureSeed();
      return loadEntityCard(packDb, ref);
    },

    async openSearch({ query }, sender) {
      await services.openTab(searchPagePath(query, sender));
      return { opened: true };
    },
  };
  return { ...read, ...createUserHandlers(services), ...createManageHandlers(services) };
}
