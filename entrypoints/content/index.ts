import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { EntityCard } from '../../lib/cards/card-data';
import { citationText } from '../../lib/cards/format';
import { HoverCardController } from '../../lib/cards/hover-controller';
import { CARD_OPEN_MARK, CARD_PAINT_MEASURE } from '../../lib/cards/page-cards';
import { createSiteMute } from '../../lib/cards/site-mute';
import { PageSession } from '../../lib/content/page-session';
import { request, unwrap } from '../../lib/messaging/client';
import { pageMessenger } from '../../lib/messaging/page-protocol';
import { watchPacksRevision } from '../../lib/messaging/packs-revision';
import { siteOf } from '../../lib/site/site';
import { loadSettings, watchSettings } from '../../lib/settings/store';
// The card's styles go into its shadow root (cssInjectionMode: 'ui'); the page gets only
// the ::highlight() rules, from the CSS-only content script highlights.content.css.
import '../../components/card/card.css';
import highlightCss from '../highlights.content.css?inline';
import { mountHoverCard } from './hover-card-ui';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Every frame marks its own document: same-origin, cross-origin and srcdoc frames.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const site = siteOf(location.href);
    // Pages without a host (file:, about:blank frames) have no site to keep rules for.
    const siteMute = site ? createSiteMute(site, request) : null;
    // Asked for alongside the matcher, not before it: the first scan never waits for them.
    void siteMute?.load();
    const settingsRead = loadSettings(browser.storage.local);
    const reply = await request('getMatcher');
    if (!reply.ok) {
      console.warn('Fact Lens: no matcher', reply.error.message);
      return;
    }
    const timers = {
      set: (run: () => void, ms: number) => ctx.setTimeout(run, ms),
      clear: (id: unknown) => clearTimeout(id as number),
    };
    // The card's UI (its stylesheet, shadow root and React root) is only set up once a card
    // may be wanted: most frames, ad frames above all, are never hovered.
    let cardUi: Promise<void> | null = null;
    const mountCard = () =>
      mountHoverCard(ctx, controller, {
        copyCitation: (card: EntityCard) => navigator.clipboard.writeText(citationText(card)),
        painted: () => performance.measure(CARD_PAINT_MEASURE, CARD_OPEN_MARK),
        mute: siteMute ? (ref) => siteMute.mute(ref) : undefined,
        openSearch: (query) => void request('openSearch', { query }),
      });
    const controller: HoverCardController = new HoverCardController({
      load: async (ref) => unwrap(await request('getEntityCard', ref)),
      timers,
      onOpen: () => performance.mark(CARD_OPEN_MARK),
      onIntent: () => {
        cardUi ??= mountCard().catch((error: unknown) => {
          console.warn('Fact Lens: the card could not be shown here', error);
          cardUi = null; // the next hover tries again
        });
      },
    });
    const session = new PageSession({
      doc: document,
      compiled: reply.value,
      controller,
      site,
      highlightCss,
      timers,
      onMarker: (marker) => siteMute?.attach((entityKeys) => marker.setMuted(entityKeys)),
    });
    session.apply(await settingsRead);
    const stopWatching = watchSettings(browser.storage.onChanged, (settings) =>
      session.apply(settings),
    );
    // A pack was installed, updated, rolled back, switched or removed: match again in place.
    let matcherAsks = 0;
    const stopWatchingPacks = watchPacksRevision(browser.storage.onChanged, () => {
      const ask = ++matcherAsks;
      void request('getMatcher').then((next) => {
        if (ask !== matcherAsks) return; // a later change's answer is the one to use
        if (next.ok) session.replaceMatcher(next.value);
        else console.warn('Fact Lens: no matcher', next.error.message);
      });
    });
    // "On this page" in the popup asks the top frame only.
    const stopListening =
      window.top === window
        ? [
            pageMessenger.onMessage('pageSite', () => site),
            pageMessenger.onMessage('pageEntities', () => session.entities()),
            pageMessenger.onMessage('revealEntity', ({ data }) =>
              session.reveal(data.entityKey, data.occurrence),
            ),
          ]
        : [];
    ctx.onInvalidated(() => {
      stopWatching();
      stopWatchingPacks();
      for (const stop of stopListening) stop();
      session.stop();
    });
  },
});
