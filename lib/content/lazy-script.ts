import type { PublicPath } from 'wxt/browser';
import { sharedAttempt } from '../async/shared-attempt';

/**
 * Scripts the content script loads only when a document needs them (issue 13): the card UI
 * (card-ui.js, on the first hover intent) and the local matcher (local-matcher.js, once a
 * document's text is too large to send to the background). What every frame evaluates stays
 * small; the rest is paid for by the documents that use it.
 *
 * Each is imported with `import()` from the extension's own URL. In Chromium it is a
 * web-accessible resource with `use_dynamic_url` (wxt.config.ts): a page can neither fetch it
 * at a fixed address nor detect the extension through it, since the URL changes every browser
 * session and only our content scripts get it (`runtime.getURL`). Firefox lets content scripts
 * import the extension's own files without such an entry, so its build lists none. The module
 * is evaluated in the content script's isolated world (Firefox: its sandbox), where it leaves
 * what it provides under a global name; the page's own scripts cannot see that global.
 */

/** A script that can be loaded later: where it is and the global it leaves its export under. */
export interface LazyScript<T> {
  /** Path inside the extension, as `runtime.getURL` takes it (WXT checks it exists). */
  path: Extract<PublicPath, `${string}.js`>;
  global: string;
  /** Only for the type: what the script provides. */
  readonly provides?: T;
}

/** Called by the lazy script as it is evaluated. */
export function publishLazyExport<T>(
  script: LazyScript<T>,
  value: T,
  global: object = globalThis,
): void {
  (global as Record<string, unknown>)[script.global] = value;
}

/**
 * Loads a lazy script: call it for what the script provides (imported once per document);
 * `loaded` answers it at once when an earlier call already brought it, else undefined.
 */
export interface LazyLoad<T> {
  (): Promise<T>;
  readonly loaded: () => T | undefined;
}

/**
 * Loads the script once per document and answers what it provides. `importScript` is
 * `(url) => import(url)` in the content script; a failed load is not kept, so the next call
 * tries again.
 */
export function lazyScriptLoader<T>(
  script: LazyScript<T>,
  url: string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): LazyLoad<T> {
  let provided: T | undefined;
  const load = sharedAttempt(async () => {
    await importScript(url);
    const value = (global as Record<string, unknown>)[script.global];
    if (value === undefined) throw new Error(`${url} did not provide ${script.global}`);
    provided = value as T;
    return provided;
  });
  return Object.assign(() => load.get(), { loaded: () => provided });
}
