import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the built extension (`.output/chrome-mv3`, or `.output/test-hooks/chrome-mv3`
 * for specs that say `test.use({ extensionBuild: 'test-hooks' })`) in a system Chromium; the
 * browser, the extension and the demo-page server come from tests/e2e/fixtures.ts, not from
 * `use` or `projects` here. `npm run test:e2e` builds both first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  // Each worker starts its own Chromium; this machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries, in CI either: a flaky test fails instead of passing on its second try.
  retries: 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
