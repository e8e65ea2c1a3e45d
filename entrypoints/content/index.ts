import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HoverCardController } from '../../lib/cards/hover-controller';
import { CARD_OPEN_MARK, CARD_PAINT_MEASURE } from '../../lib/cards/page-cards';
import { createSiteMute } from '../../lib/cards/site-mute';
import { CARD_UI, mountOnFirstIntent } from '../../lib/content/card-ui';
import { HybridScanner } from '../../lib/content/hybrid-scanner';
import { lazyScriptLoader, type LazyScript } from '../../lib/content/lazy-script';
import { LOCAL_MATCHER } from '../../lib/content/local-matcher';
import { PageSession } from '../../lib/content/page-session';
import { forcedMatchPath } from '../../lib/content/test-hooks';
import { request, unwrap } from '../../lib/messaging/client';
import { answerPageRequests } from '../../lib/messaging/page-protocol';
import { watchPacksRevision } from '../../lib/messaging/packs-revision';
import { siteOf } from '../../lib/site/site';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import highlightCss from '../highlights.content.css?inline';

/**
 * The script every frame evaluates: settings, matching, painting and hit-testing, and
 * nothing else (issue 13). The card's UI is card-ui.js, loaded on a frame's first hover
 * intent; small documents are matched in the background (lib/content/hybrid-scanner.ts), and
 * only large ones load local-matcher.js to match here (lib/content/lazy-script.ts). No React, no Zod here: check the size in `npm run bench`.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // Every frame marks its own document: same-origin, cross-origin and srcdoc frames.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The card brings its own styles (card-ui.js); the page gets only the ::highlight() rules,
  // from the CSS-only content script highlights.content.css.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const site = siteOf(location.href);
    // Pages without a host (file:, about:blank frames) have no site to keep rules for.
    const siteMute = site ? createSiteMute(site, request) : null;
    const [settings, force] = await Promise.all([
      loadSettings(browser.storage.local),
      forcedMatchPath(browser.storage.local),
    ]);
    const timers = {
      set: (run: () => void, ms: number) => ctx.setTimeout(run, ms),
      clear: (id: unknown) => clearTimeout(id as number),
    };
    const lazy = <T>(script: LazyScript<T>) =>
      lazyScriptLoader(script, browser.runtime.getURL(script.path), (url) => import(url));
    const loadCardUi = lazy(CARD_UI);
    const loadDecoder = lazy(LOCAL_MATCHER);
    const controller: HoverCardController = new HoverCardController({
      load: async (ref) => unwrap(await request('getEntityCard', ref)),
      timers,
      onOpen: () => performance.mark(CARD_OPEN_MARK),
      onIntent: mountOnFirstIntent(loadCardUi, (mountCard) =>
        mountCard(ctx, controller, {
          painted: () => performance.measure(CARD_PAINT_MEASURE, CARD_OPEN_MARK),
          mute: siteMute ? (ref) => siteMute.mute(ref) : undefined,
          openSearch: (query) => void request('openSearch', { query }),
        }),
      ),
    });
    let siteRuleRead: Promise<boolean> | undefined;
    const session: PageSession = new PageSession({
      doc: document,
      createScanner: () =>
        new HybridScanner({
          matchRemotely: async (texts) => unwrap(await request('matchTexts', { texts })),
          loadLocal: async () => {
            // A large document asks for its site's mutes itself (small ones get them with
            // their matches), alongside the decoder's script and the matcher.
            siteRuleRead ??= siteMute?.load();
            const [decode, reply] = await Promise.all([loadDecoder(), request('getMatcher')]);
            return decode(unwrap(reply));
          },
          onMuted: (entityKeys) => siteMute?.receive(entityKeys),
          force,
          // The packs changed between two answers: match again with the new ones.
          onStale: () => session.rematch(),
        }),
      controller,
      site,
      highlightCss,
      timers,
      onMarker: (marker) => siteMute?.attach((entityKeys) => marker.setMuted(entityKeys)),
    });
    session.apply(settings);
    const stopWatching = watchSettings(browser.storage.onChanged, (next) => session.apply(next));
    // A pack was installed, updated, rolled back, switched or removed: match again in place.
    const stopWatchingPacks = watchPacksRevision(browser.storage.onChanged, () =>
      session.rematch(),
    );
    // "On this page" in the popup asks the top frame only.
    const stopListening =
      window.top === window
        ? answerPageRequests(browser.runtime.onMessage, {
            pageSite: () => site,
            pageEntities: () => session.entities(),
            revealEntity: ({ entityKey, occurrence }) => session.reveal(entityKey, occurrence),
          })
        : null;
    ctx.onInvalidated(() => {
      stopWatching();
      stopWatchingPacks();
      stopListening?.();
      session.stop();
    });
  },
});
