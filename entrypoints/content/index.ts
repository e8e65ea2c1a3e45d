import { defineContentScript } from 'wxt/utils/define-content-script';
import type { EntityCard } from '../../lib/cards/card-data';
import { citationText } from '../../lib/cards/format';
import { HoverCardController } from '../../lib/cards/hover-controller';
import { createSiteMute } from '../../lib/cards/site-mute';
import {
  CARD_OPEN_MARK,
  CARD_PAINT_MEASURE,
  cardHoverEvents,
  connectCardKeyboard,
} from '../../lib/cards/page-cards';
import { startMarking } from '../../lib/engine/page/start';
import { request, unwrap } from '../../lib/messaging/client';
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
    // Pages without a host (file:, about:blank frames) have no site to keep rules for.
    const siteMute = location.hostname ? createSiteMute(location.hostname, request) : null;
    // Asked for alongside the matcher, not before it: the first scan never waits for it.
    void siteMute?.load();
    const reply = await request('getMatcher');
    if (!reply.ok) {
      console.warn('Fact Lens: no matcher', reply.error.message);
      return;
    }
    const controller = new HoverCardController({
      load: async (ref) => unwrap(await request('getEntityCard', ref)),
      timers: {
        set: (run, ms) => ctx.setTimeout(run, ms),
        clear: (id) => clearTimeout(id as number),
      },
      onOpen: () => performance.mark(CARD_OPEN_MARK),
    });
    const marker = startMarking(document, reply.value, {
      highlightCss,
      hover: cardHoverEvents(document, controller),
    });
    siteMute?.attach((entityKeys) => marker.setMuted(entityKeys));
    const stopKeyboard = connectCardKeyboard(document, marker, controller);
    await mountHoverCard(ctx, controller, {
      copyCitation: (card: EntityCard) => navigator.clipboard.writeText(citationText(card)),
      painted: () => performance.measure(CARD_PAINT_MEASURE, CARD_OPEN_MARK),
      mute: siteMute ? (ref) => siteMute.mute(ref) : undefined,
    });
    ctx.onInvalidated(() => {
      stopKeyboard();
      controller.close();
      marker.stop();
    });
  },
});
