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
    permissions: ['storage'],
  },
  webExt: {
    // `npm start` launches Chromium itself (scripts/start.ts); `wxt dev` keeps its own runner.
    disabled: true,
  },
});
