import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ui } from '../../components/i18n';
import { warmDateFormats } from '../../lib/cards/display-text';
import { formatCount } from '../../lib/i18n/ui-text';
import { CARD_UI } from '../../lib/content/card-ui';
import { publishLazyExport } from '../../lib/content/lazy-script';
import { recordScriptLoaded } from '../../lib/content/test-hooks';
import { mountHoverCard } from './mount';

/**
 * The hover card's UI, loaded by the content script on a frame's first hover intent
 * (lib/content/card-ui.ts and lazy-script.ts say how and why). Evaluating it only hands over the mount function.
 */
export default defineUnlistedScript(() => {
  publishLazyExport(CARD_UI, mountHoverCard);
  // Loaded on the first hover intent: the hover delay is still running, and the first card
  // then renders without paying for the renderer's first date and number formatters (~20 ms
  // and ~1 ms: ICU loads its data).
  warmDateFormats(ui.locale);
  formatCount(ui, 0);
  void recordScriptLoaded(browser.storage.local, 'card-ui', location.href);
});
