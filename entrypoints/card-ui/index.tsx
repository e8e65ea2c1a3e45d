import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishCardUi } from '../../lib/content/card-ui';
import { recordCardUiLoaded } from '../../lib/content/test-hooks';
import { mountHoverCard } from './mount';

/**
 * The hover card's UI, loaded by the content script on a frame's first hover intent
 * (lib/content/card-ui.ts says how and why). Evaluating it only hands over the mount function.
 */
export default defineUnlistedScript(() => {
  publishCardUi(mountHoverCard);
  void recordCardUiLoaded(browser.storage.local, location.href);
});
