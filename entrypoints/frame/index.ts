import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFrame } from '../../lib/content/frame';
import { frameLifetime } from '../../lib/content/lifetime';
import { request } from '../../lib/messaging/client';
import highlightCss from '../highlights.content.css?inline';

/**
 * The script every frame evaluates, `frame.js`: settings, matching, painting and
 * hit-testing, and nothing else (issue 13). What it does is lib/content/frame.ts; this file
 * only hands it the browser. The card's UI is card-ui.js, loaded on a frame's first hover
 * intent; small documents are matched in the background (lib/content/hybrid-scanner.ts), and
 * only large ones load local-matcher.js to match here (lib/content/lazy-script.ts). No React,
 * no Zod here: check the size in `npm run bench`.
 *
 * A plain script that wxt.config.ts lists as the manifest's content script (every frame,
 * about:blank ones included, at `document_idle`), not a WXT content script: those bring
 * WXT's context into every frame, which lib/content/lifetime.ts replaces.
 */
export default defineUnlistedScript(async () => {
  const lifetime = frameLifetime(browser.runtime);
  const stop = await startFrame({
    doc: document,
    url: location.href,
    isTopFrame: window.top === window,
    storage: browser.storage,
    onMessage: browser.runtime.onMessage,
    request,
    scriptUrl: (path) => browser.runtime.getURL(path),
    importScript: (url) => import(url),
    timers: lifetime.timers,
    userTiming: performance,
    lifetime,
    highlightCss,
  });
  lifetime.onEnd(stop);
});
