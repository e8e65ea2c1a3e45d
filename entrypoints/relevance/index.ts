import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLazyExport } from '../../lib/content/lazy-script';
import { RELEVANCE } from '../../lib/content/relevance-script';
import { recordScriptLoaded } from '../../lib/content/test-hooks';
import { createRelevance } from '../../lib/engine/page/relevance';

/**
 * The nearness rules, loaded by a content script once its document holds a gated alias or a
 * context entity (lib/content/relevance-script.ts).
 */
export default defineUnlistedScript(() => {
  publishLazyExport(RELEVANCE, createRelevance);
  void recordScriptLoaded(browser.storage.local, 'relevance', location.href);
});
