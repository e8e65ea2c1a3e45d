import { entityKey } from '../domain/entity';
import { RequestError, type Handlers, type Sender } from '../messaging/dispatch';
import type { MessagesWithAccess } from '../messaging/protocol';
import { loadEntityCard } from '../store/entity-card';
import { preferredTextLanguages } from '../settings/schema';
import { loadSettings } from '../settings/store';
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
  /** The browser's languages (`readerLanguages`, lib/i18n): pack texts follow them by default. */
  browserLanguages: () => string[];
}

/** The popup page searching `query`, about the sender's tab when there is one. */
export function searchPagePath(query: string, sender: Sender): string {
  const params = new URLSearchParams({ q: query });
  if (sender.kind === 'content-script' && sender.tabId !== undefined)
    params.set('tab', String(sender.tabId));
  return `/popup.html?${params.toString()}`;
}

/** At most one search tab per this many ms from one tab: a page cannot flood the reader with tabs. */
export const OPEN_SEARCH_INTERVAL_MS = 1000;

/**
 * The rate limit of `openSearch`: throws for a second request from the same tab (content
 * scripts of all its frames count together; extension pages as one sender) within
 * `OPEN_SEARCH_INTERVAL_MS`. The card sends it only for the reader's own click; this keeps
 * a compromised or tricked content script from opening tabs in a loop. In memory: a worker
 * that restarts forgets, which costs at most one more tab.
 */
export function searchRateLimit(now: () => number): (sender: Sender) => void {
  const last = new Map<string, number>();
  return (sender) => {
    const key =
      sender.kind === 'content-script' ? `tab:${sender.tabId ?? 'none'}` : 'extension-page';
    const at = now();
    const previous = last.get(key);
    if (previous !== undefined && at - previous >= 0 && at - previous < OPEN_SEARCH_INTERVAL_MS)
      throw new RequestError('forbidden', 'A search was just opened; try again in a moment.');
    if (last.size > 1000) last.clear();
    last.set(key, at);
  };
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
  const limitSearches = searchRateLimit(services.now);
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

    // The card's language is chosen here, not in the content script (which must stay small):
    // the reader's setting, else the browser's language (issue 15). The popup's entity view
    // asks the same, so both show the same language.
    async getEntityCard(ref) {
      const [settings] = await Promise.all([loadSettings(services.storage), ensureSeed()]);
      const preferred = preferredTextLanguages(settings.textLanguage, services.browserLanguages());
      return loadEntityCard(packDb, ref, preferred);
    },

    async openSearch({ query }, sender) {
      limitSearches(sender);
      await services.openTab(searchPagePath(query, sender));
      return { opened: true };
    },
  };
  return { ...read, ...createUserHandlers(services), ...createManageHandlers(services) };
}
