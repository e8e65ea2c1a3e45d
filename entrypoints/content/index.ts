import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFrame } from '../../lib/content/frame';
import { request } from '../../lib/messaging/client';
import highlightCss from '../highlights.content.css?inline';

/**
 * The script every frame evaluates: settings, matching, painting and hit-testing, and
 * nothing else (issue 13). What it does is lib/content/frame.ts; this file only hands it the
 * browser. The card's UI is card-ui.js, loaded on a frame's first hover intent; small
 * documents are matched in the background (lib/content/hybrid-scanner.ts), and only large
 * ones load local-matcher.js to match here (lib/content/lazy-script.ts). No React, no Zod
 * here: check the size in `npm run bench`.
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
    const stop = await startFrame({
      doc: document,
      url: location.href,
      isTopFrame: window.top === window,
      storage: browser.storage,
      onMessage: browser.runtime.onMessage,
      request,
      scriptUrl: (path) => browser.runtime.getURL(path),
      importScript: (url) => import(url),
      timers: {
        set: (run, ms) => ctx.setTimeout(run, ms),
        clear: (id) => clearTimeout(id as number),
      },
      userTiming: performance,
      ctx,
      highlightCss,
    });
    ctx.onInvalidated(stop);
  },
});
