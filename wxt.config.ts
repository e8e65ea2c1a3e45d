import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
/**
 * `FACT_LENS_TEST_HOOKS=1` builds the extension with the end-to-end tests' hooks
 * (lib/content/test-hooks.ts) into `.output/test-hooks/`; `npm run build` never has them.
 */
const testHooks = process.env.FACT_LENS_TEST_HOOKS === '1';

/**
 * The add-on id Firefox and addons.mozilla.org know Fact Lens by. It must never change once
 * published: it keys the reader's data and the store listing. The Firefox tests read it from
 * the built manifest to pin the extension's UUID.
 */
export const GECKO_ID = 'fact-lens@fact-lens';

/** Sites a subscription may ask for, one origin at a time, when the reader subscribes. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png' };

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
  manifest: ({ browser, manifestVersion }) => ({
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
    // UI, the local matcher and the nearness rules (lib/content/lazy-script.ts). Chromium: a
    // content script may import only web-accessible files, and use_dynamic_url keeps them at a
    // per-session URL that our content scripts get from runtime.getURL, so pages cannot probe
    // for them.
    // Firefox lets content scripts import the extension's own files without the entry
    // (checked with Firefox ESR 153), and its MV2 entry would have no dynamic URL, so it gets
    // none: no page can load them there.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            {
              resources: ['card-ui.js', 'local-matcher.js', 'relevance.js'],
              matches: ['<all_urls>'],
              use_dynamic_url: true,
            },
          ],
        }),
    // MV2 (Firefox) has no optional_host_permissions: origins asked for at subscribe time go
    // in optional_permissions there, or Firefox refuses `permissions.request` for them ("not
    // declared in the manifest"; WXT does not move them, the Firefox sync journey catches it).
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
    commands: {
      // Opens the popup, whose focus starts in the search box. MV2 names the command after
      // its browser_action; WXT does not rename it.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandOpenSearch__',
      },
    },
    // Firefox only: Firefox and addons.mozilla.org require the id and (for new add-ons) the
    // data-collection declaration. 140 is the ESR before 153 and the first with the Highlight
    // API and `data_collection_permissions` on desktop.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Fact Lens collects and transmits nothing (README, "Security and privacy").
              data_collection_permissions: { required: ['none'] },
            },
            // Not a claim of Android support: Firefox for Android reads the declaration above
            // from 142 on, and web-ext lint warns unless the Android minimum says so.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // The toolbar button's own icon (`icons` comes from public/icon/, drawn from
      // assets/icon.svg by `npm run icons`). Set here: WXT builds the button's entry from the
      // popup and would drop one given in `manifest` for MV2's browser_action.
      const button = manifest.action ?? manifest.browser_action;
      if (button) button.default_icon = TOOLBAR_ICONS;
      // Firefox puts a new add-on's button in the Extensions menu unless it asks for the
      // toolbar; the popup is how readers search and pause, so it asks (Chromium ignores it).
      if (manifest.browser_action) {
        (manifest.browser_action as { default_area?: string }).default_area = 'navbar';
      }
      manifest.content_scripts ??= [];
      // Fact Lens in every frame (entrypoints/frame): a plain script listed here rather than
      // a WXT content script, which would bring WXT's context into every frame (see
      // lib/content/lifetime.ts).
      manifest.content_scripts.push({
        matches: ['<all_urls>'],
        js: ['frame.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      });
      // A CSS-only content script: the ::highlight() rules must reach every page and frame
      // as a user stylesheet, while the card's own CSS goes into its shadow root (card-ui.js).
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
