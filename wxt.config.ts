import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Auto-imports hide where things come from; every module imports what it uses.
  imports: false,
  manifest: {
    name: 'Fact Lens',
    description:
      'Recognizes the people, companies and products of installed fact packs on any page and shows what is known about them, with sources.',
    // alarms: scheduled pack sync. Host access for subscriptions is asked for per origin
    // when the user subscribes (optional_host_permissions), never up front.
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      // Opens the popup, whose focus starts in the search box.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open Fact Lens search',
      },
    },
  },
  hooks: {
    // A CSS-only content script: the ::highlight() rules must reach every page and frame
    // as a user stylesheet, while the content script's own CSS goes into the card's
    // shadow root (cssInjectionMode: 'ui').
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
