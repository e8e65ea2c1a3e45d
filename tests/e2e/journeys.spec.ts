import type { Page } from '@playwright/test';
import { JOURNEYS } from '../journeys';
import type { JourneyDriver, JourneyPage } from '../journeys/driver';
import { expect, test } from './fixtures';

/**
 * The journeys of tests/journeys in Chromium, through the fixtures every spec uses; the same
 * journeys run in Firefox with `npm run test:firefox` (tests/firefox/).
 */

// The journeys wait for `fact-lens-active` and read the card's open shadow root.
test.use({ extensionBuild: 'test-hooks' });

function journeyPage(page: Page): JourneyPage {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    // Journeys pass plain JSON, never element handles, so Playwright's unboxing is the identity.
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    fill: (selector, text) => page.fill(selector, text),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
  };
}

for (const journey of JOURNEYS) {
  test.describe(() => {
    test.use({ grantedHosts: journey.grantedHosts ?? [] });

    test(journey.name, async ({ context, page, server, extensionId, pageErrors }) => {
      const driver: JourneyDriver = {
        browserName: 'chromium',
        page: journeyPage(page),
        server,
        newPage: async () => journeyPage(await context.newPage()),
        extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
      };
      await journey.run(driver);
      expect(pageErrors).toEqual([]);
    });
  });
}
