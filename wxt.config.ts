import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
/**
 * `FACT_LENS_TEST_HOOKS=1` builds the extension with the end-to-end tests' hooks
 * (lib/content/test-hooks.ts) into `.output/test-hooks/`; `npm run build` never has them.
 */
const testHooks = process.env.FACT_LENS_TEST_HOOKS === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: testHooks ? '.output/test-hooks' : '.output',
  vite: () => ({
    define: { __FACT_LENS_TEST_HOOKS__: JSON.stringify(testHooks) },
    // The browsers we support (Chromium with the Highlight API, Firefox ESR 140+): no CSS
    // prefixes for older ones, which doubled the highlight rules every frame evaluates.
    build: { cssTarget: ['chrome120', 'firefox128'] },
  }),
  // Auto-imports hide where things come from; every module imports what it uses.
  imports: false,
  manifest: ({ browser }) => ({
    // The UI's words are the browser's i18n messages (public/_locales/, README "Languages"):
    // English is the default, used for any UI language without its own folder.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // alarms: scheduled pack sync. Host access for subscriptions is asked for per origin
    // when the user subscribes (optional_host_permissions), never up front.
    // unlimitedStorage: the browser may not evict our IndexedDB databases (packs, and the
    // reader's subscriptions and site rules) under storage pressure, and large packs are not
    // held to the default quota. It triggers no permission prompt.
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // Scripts a content script imports only when its document needs them: the hover card's
    // UI and the local matcher (lib/content/lazy-script.ts). Chromium: a content script may
    // import only web-accessible files, and use_dynamic_url keeps them at a per-session URL
    // that our content scripts get from runtime.getURL, so pages cannot probe for them.
    // Firefox lets content scripts import the extension's own files without the entry
    // (checked with Firefox ESR 153), and its MV2 entry would have no dynamic URL, so it gets
    // none: no page can load them there.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            {
              resources: ['card-ui.js', 'local-matcher.js'],
              matches: ['<all_urls>'],
              use_dynamic_url: true,
            },
          ],
        }),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      // Opens the popup, whose focus starts in the search box.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandOpenSearch__',
      },
    },
  }),
  hooks: {
    // A CSS-only content script: the ::highlight() rules must reach every page and frame
    // as a user stylesheet, while the card's own CSS goes into its shadow root (card-ui.js).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({
        matches: ['<all_urls>'],
        css: ['content-scripts/highlights.css'],
        all_frames: true,
        match_about_blank: true,
      });
    },
  },
  webExt: {
    // `npm start` launches Chromium itself (scripts/start.ts); `wxt dev` keeps its own runner.
    disabled: true,
  },
});
