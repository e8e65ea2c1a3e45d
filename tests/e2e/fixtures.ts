/**
 * Playwright fixtures for Fact Lens: a Chromium with the built extension loaded, its id, and a
 * local server for the demo page. Import `test` and `expect` from here, not from
 * `@playwright/test`:
 *
 * ```ts
 * import { expect, test } from './fixtures';
 *
 * test('marks the demo page', async ({ page, server, pageErrors }) => {
 *   await page.goto(`${server}/index.html`);
 *   // ...
 *   expect(pageErrors).toEqual([]);
 * });
 * ```
 *
 * Run `npm run test:e2e` (it builds both builds first, see `ExtensionBuild`).
 * `npx playwright test --headed` shows the browser.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Worker } from '@playwright/test';
import { test as base, chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium';
import { copyBuildGranting } from '../../scripts/granted-build';
import { defaultMounts, serveStatic } from '../../scripts/serve-static';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The unpacked Chrome build that `wxt build` writes. */
export const extensionPath = path.join(projectRoot, '.output/chrome-mv3');

/**
 * Which build a test loads: `'production'` is what users get (`npm run build`);
 * `'test-hooks'` is the same code built with `FACT_LENS_TEST_HOOKS=1`
 * (`npm run build:test-hooks`), whose content script and card UI read and write the
 * `test:` keys of `storage.local` (lib/content/test-hooks.ts).
 */
export type ExtensionBuild = 'production' | 'test-hooks';

/** Where each build is written, and the command that writes it. */
export const extensionBuilds: Readonly<Record<ExtensionBuild, { dir: string; command: string }>> = {
  production: { dir: extensionPath, command: 'npm run build' },
  'test-hooks': {
    dir: path.join(projectRoot, '.output/test-hooks/chrome-mv3'),
    command: 'npm run build:test-hooks',
  },
};

/**
 * The saved real-world pages (`../shared/pages`), served at `${server}/pages/<file>.html`, or
 * `undefined` when this checkout has no such sibling folder: skip those tests then.
 */
export const sharedPagesDir: string | undefined = defaultMounts(projectRoot)['/pages/'];

export interface ExtensionFixtures {
  /**
   * The build to load, `'production'` unless a spec says
   * `test.use({ extensionBuild: 'test-hooks' })` (see `ExtensionBuild`).
   */
  extensionBuild: ExtensionBuild;
  /**
   * Host permissions the loaded build already holds, e.g. `['http://127.0.0.1/*']`; set with
   * `test.use({ grantedHosts: [...] })`. Playwright cannot answer Chromium's own permission
   * prompt (microsoft/playwright#32755), so a test of a flow that asks for host access loads
   * a copy of the build whose manifest already grants it: `permissions.request` then resolves
   * at once, as it does for a user who granted the origin before. Nothing else differs.
   */
  grantedHosts: string[];
  /**
   * The browser's UI language, which picks the extension's messages (public/_locales):
   * `'en'` unless a spec says `test.use({ uiLanguage: 'zh-CN' })`. Not Playwright's
   * `locale`, which only emulates a page's `navigator.language` and Accept-Language.
   */
  uiLanguage: string;
  /**
   * A fresh Chromium profile with the extension loaded, one per test (so IndexedDB and
   * storage start empty). Replaces Playwright's default `context`; `page` is its first tab.
   */
  context: BrowserContext;
  /** The extension's background service worker; `evaluate()` runs code inside it. */
  serviceWorker: Worker;
  /** The extension id, e.g. for `chrome-extension://${extensionId}/popup.html`. */
  extensionId: string;
  /**
   * Uncaught errors thrown in any page of `context` during the test, in order. Collected, not
   * asserted: end a test with `expect(pageErrors).toEqual([])` where errors matter.
   */
  pageErrors: Error[];
}

export interface ServerFixtures {
  /**
   * Base URL of a static server on 127.0.0.1, without a trailing slash, shared by a worker's
   * tests: `${server}/index.html` is the demo page (tests/demo), `${server}/unrelated.html`
   * the negative control, `${server}/pages/<file>.html` a saved real page (see `sharedPagesDir`).
   */
  server: string;
  /** Path of the browser executable; fails the run with install instructions when missing. */
  chromiumPath: string;
}

/**
 * Chromium in another language. `--lang` is what picks the extension's messages (checked
 * on Linux, headless: `LANGUAGE`, `LANG` or `LC_ALL` in the environment change nothing);
 * `--accept-lang` gives pages the `navigator.language` and Accept-Language a reader with
 * that language has. Headless Chromium still answers `i18n.getUILanguage()` with "en-US".
 */
export function uiLanguageArgs(language: string): string[] {
  return [`--lang=${language}`, `--accept-lang=${language}`];
}

export const test = base.extend<ExtensionFixtures, ServerFixtures>({
  chromiumPath: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern.
    async ({}, use) => {
      await use(findChromium({ env: process.env, exists: existsSync, platform: process.platform }));
    },
    { scope: 'worker' },
  ],

  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern.
    async ({}, use) => {
      const server = await serveStatic(defaultMounts(projectRoot));
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // `headless` is Playwright's own option (true unless `--headed`); it is applied as a flag
  // (see chromiumArgs) so the real Chromium, not the headless shell, runs either way.
  grantedHosts: [[], { option: true }],
  extensionBuild: ['production', { option: true }],
  uiLanguage: ['en', { option: true }],

  context: async ({ chromiumPath, headless, grantedHosts, extensionBuild, uiLanguage }, use) => {
    const build = extensionBuilds[extensionBuild];
    // Checked here, not left to Chromium: a missing folder would only show as a worker that
    // never registers, ten seconds later.
    if (!existsSync(path.join(build.dir, 'manifest.json'))) {
      throw new Error(`No built extension at ${build.dir}. Run \`${build.command}\` first.`);
    }
    // A temporary copy of the build whose manifest also grants them (see `grantedHosts`).
    const loaded =
      grantedHosts.length > 0 ? await copyBuildGranting(build.dir, grantedHosts) : null;
    const context = await chromium.launchPersistentContext('', {
      headless: false,
      executablePath: chromiumPath,
      args: [
        ...chromiumArgs(loaded?.dir ?? build.dir, { headless, uid: process.getuid?.() }),
        ...uiLanguageArgs(uiLanguage),
      ],
    });
    await use(context);
    await context.close();
    await loaded?.remove();
  },

  // A persistent context opens with one blank tab; use it rather than leave it lying around
  // (failure screenshots would otherwise include an empty page).
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  serviceWorker: async ({ context }, use) => {
    // The worker may have registered before we started listening.
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', {
        timeout: 10_000,
      }));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  pageErrors: async ({ context }, use) => {
    const errors: Error[] = [];
    // 'weberror' covers every page of the context, including ones opened during the test.
    const onError = (webError: { error: () => Error }) => errors.push(webError.error());
    context.on('weberror', onError);
    await use(errors);
    context.off('weberror', onError);
  },
});

export { expect } from '@playwright/test';
