import type { Timers } from '../async/timers';
import { HoverCardController } from '../cards/hover-controller';
import { createSiteMute, type SiteMute } from '../cards/site-mute';
import { unwrap, type request } from '../messaging/client';
import { answerPageRequests } from '../messaging/page-protocol';
import { watchPacksRevision } from '../messaging/packs-revision';
import type { MessageEvents } from '../messaging/wire';
import { loadFrameSettings, readFrameSettings } from '../settings/frame-settings';
import type { SettingsArea, SettingsEvents } from '../settings/store';
import { watchSettings } from '../settings/watch';
import { siteOf } from '../site/site';
import { CARD_UI, mountOnFirstIntent } from './card-ui';
import { HybridScanner, type KeyedMatcher } from './hybrid-scanner';
import { lazyScriptLoader, type LazyScript } from './lazy-script';
import type { FrameLifetime } from './lifetime';
import { LOCAL_MATCHER, type DecodeMatcher } from './local-matcher';
import { RELEVANCE } from './relevance-script';
import { PageSession } from './page-session';
import { cardTiming, forcedMatchPath } from './test-hooks';

/** Requests to the background (`request` of lib/messaging/client.ts); tests pass a fake. */
export type ContentRequest = typeof request;

/**
 * What Fact Lens in one frame needs from the outside world. The content script's entrypoint
 * passes the real ones (`browser.*`, `document`, its lifetime); tests pass fakes.
 */
export interface FrameEnvironment {
  /** The frame's document; its window is `doc.defaultView`. */
  doc: Document;
  /** The document's URL: its site decides which settings and muted entities apply. */
  url: string;
  /** Only a tab's top frame answers the popup ("On this page"). */
  isTopFrame: boolean;
  /** `browser.storage`: the settings, the packs-changed broadcast, the test hooks. */
  storage: { local: SettingsArea; onChanged: SettingsEvents };
  /** `browser.runtime.onMessage`, where the popup's requests arrive. */
  onMessage: MessageEvents<unknown>;
  request: ContentRequest;
  /** The URL of one of the extension's files (`browser.runtime.getURL`). */
  scriptUrl: (path: LazyScript<unknown>['path']) => string;
  /** `(url) => import(url)`: evaluates a script the frame needs later (lazy-script.ts). */
  importScript: (url: string) => Promise<unknown>;
  timers: Timers;
  /**
   * User timing (`performance`): the test-hooks build marks when a card was asked for and
   * painted, for the benchmark; `npm run build` never writes to it (test-hooks.ts).
   */
  userTiming: Pick<Performance, 'mark' | 'measure'>;
  /** Ends when the extension is gone (lifetime.ts): the card UI leaves the page then. */
  lifetime: Pick<FrameLifetime, 'onEnd'>;
  /** The `::highlight()` rules, adopted into shadow roots. */
  highlightCss: string;
}

/**
 * How a large document gets its matcher: the decoder's script (local-matcher.js) and the
 * compiled matcher are fetched side by side, and the site's muted entities are asked for
 * alongside (small documents get them with their first matches), once per document
 * however often the page is matched afresh.
 */
export function localMatcherLoader(options: {
  loadDecoder: () => Promise<DecodeMatcher>;
  request: ContentRequest;
  siteMute: SiteMute | null;
}): () => Promise<KeyedMatcher> {
  let siteRuleRead: Promise<boolean> | undefined;
  return async () => {
    siteRuleRead ??= options.siteMute?.load();
    const [decode, reply] = await Promise.all([
      options.loadDecoder(),
      options.request('getMatcher'),
    ]);
    return decode(unwrap(reply));
  };
}

/**
 * Starts Fact Lens in one frame: reads the settings, marks the document when they let it
 * run on this site and follows them (and pack changes) from then on, opens cards on hover
 * (their UI loaded on the first hover intent), and, in the top frame, answers the popup.
 * Resolves to a function that undoes all of it (the extension was reloaded or removed).
 */
export async function startFrame(env: FrameEnvironment): Promise<() => void> {
  const { request } = env;
  const site = siteOf(env.url);
  // Pages without a host (file:, about:blank frames) have no site to keep rules for.
  const siteMute = site ? createSiteMute(site, request) : null;
  const [settings, force] = await Promise.all([
    loadFrameSettings(env.storage.local),
    forcedMatchPath(env.storage.local),
  ]);
  const lazy = <T>(script: LazyScript<T>) =>
    lazyScriptLoader(script, env.scriptUrl(script.path), env.importScript);
  const timing = cardTiming(env.userTiming);
  const controller: HoverCardController = new HoverCardController({
    load: async (ref) => unwrap(await request('getEntityCard', ref)),
    timers: env.timers,
    onOpen: timing.opened,
    onIntent: mountOnFirstIntent(lazy(CARD_UI), (mountCard) =>
      mountCard(env.lifetime, controller, {
        painted: timing.painted,
        mute: siteMute ? (ref) => siteMute.mute(ref) : undefined,
        openSearch: (query) => void request('openSearch', { query }),
      }),
    ),
  });
  const loadRelevance = lazy(RELEVANCE);
  const loadLocal = localMatcherLoader({ loadDecoder: lazy(LOCAL_MATCHER), request, siteMute });
  const session: PageSession = new PageSession({
    doc: env.doc,
    createScanner: () =>
      new HybridScanner({
        matchRemotely: async (texts) => unwrap(await request('matchTexts', { texts })),
        loadLocal,
        onMuted: (entityKeys) => siteMute?.receive(entityKeys),
        force,
        // The packs changed between two answers: match again with the new ones.
        onStale: () => session.rematch(),
      }),
    relevance: { load: loadRelevance, loaded: loadRelevance.loaded },
    controller,
    site,
    highlightCss: env.highlightCss,
    timers: env.timers,
    onMarker: (marker) => siteMute?.attach((entityKeys) => marker.setMuted(entityKeys)),
  });
  session.apply(settings);
  const stopWatching = watchSettings(env.storage.onChanged, readFrameSettings, (next) =>
    session.apply(next),
  );
  // A pack was installed, updated, rolled back, switched or removed: match again in place.
  const stopWatchingPacks = watchPacksRevision(env.storage.onChanged, () => session.rematch());
  // "On this page" in the popup asks the top frame only.
  const stopListening = env.isTopFrame
    ? answerPageRequests(env.onMessage, {
        pageSite: () => site,
        pageEntities: () => session.entities(),
        pageCapped: () => session.capped,
        revealEntity: ({ entityKey, occurrence }) => session.reveal(entityKey, occurrence),
      })
    : null;
  return () => {
    stopWatching();
    stopWatchingPacks();
    stopListening?.();
    session.stop();
  };
}
