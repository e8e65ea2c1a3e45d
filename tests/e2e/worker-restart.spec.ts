import type { Page, Worker } from '@playwright/test';
import { cardOf, hover } from './cards';
import { controlWorker } from './extension';
import { expect, test } from './fixtures';
import { gotoMarked, paintedMentions } from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

/**
 * Chromium stops an extension's service worker after 30 s without events and starts it again
 * for the next message. What the background held in memory is gone then (the decoded matcher
 * that answers `matchTexts`, caches); pages and cards must not notice. The production build:
 * nothing here needs the test hooks.
 */

type Marked = typeof globalThis & { factLensBeforeStop?: boolean };

/** Marks the worker's global scope, which a stop discards. */
const markScope = (worker: Worker) =>
  worker.evaluate(() => {
    (globalThis as Marked).factLensBeforeStop = true;
  });
const scopeMarked = (worker: Worker) =>
  worker.evaluate(() => (globalThis as Marked).factLensBeforeStop === true);

/** Opens the card of `text` and checks it shows the entity's facts and sources, not an error. */
async function expectFullCard(page: Page, selector: string, text: string, kind: string) {
  const card = cardOf(page);
  await hover(page, selector, text);
  await expect(card.locator('.fl-card-entity-name')).toHaveText(text);
  await expect(card.locator('.fl-card-kind')).toHaveText(kind);
  await expect(card.locator('.fl-card-fact').first().locator('.fl-card-status')).toHaveText(/\S/);
  await expect(card.locator('.fl-card-source').first()).toContainText('36Kr');
}

/** Opens the demo page, waits until it is marked, and answers its painted mentions. */
async function markedDemo(page: Page, server: string) {
  await gotoMarked(page, `${server}/index.html`);
  const painted = await paintedMentions(page);
  expect(painted.length).toBeGreaterThan(0);
  return painted;
}

test('after the service worker restarts, an open page gets its card and a new page the same marks', async ({
  context,
  page,
  server,
  serviceWorker,
  extensionId,
  pageErrors,
}) => {
  const before = await markedDemo(page, server);
  const worker = await controlWorker(page, extensionId);
  expect(worker.status()).toBe('running');

  // 1. The page was marked before the stop; its first hover after it wakes the worker.
  await markScope(serviceWorker);
  await worker.stop();
  await expectFullCard(page, '#lede', 'Doubao', 'Product');
  await expect.poll(() => worker.status()).toBe('running');
  // A new global scope: the worker really was stopped, not left running.
  expect(await scopeMarked(serviceWorker)).toBe(false);

  // 2. A page opened after a stop is matched by a worker that starts cold.
  await markScope(serviceWorker);
  await worker.stop();
  const second = await context.newPage();
  await gotoMarked(second, `${server}/index.html`);
  expect(await paintedMentions(second)).toEqual(before);
  expect(await scopeMarked(serviceWorker)).toBe(false);
  await expectFullCard(second, '#video', 'Seedance 2.0', 'Model');
  expect(pageErrors).toEqual([]);
});

test('settings of an older version are migrated when the worker starts; until then pages mark nothing', async ({
  context,
  page,
  server,
  serviceWorker,
  extensionId,
  pageErrors,
}) => {
  const before = await markedDemo(page, server);

  // Version 2, as an earlier Fact Lens stored it. Frames read only the current version
  // (lib/settings/frame-settings.ts): the open page stops marking rather than guess what the
  // reader chose.
  const v2 = { version: 2, paused: false, density: 'all', hoverDelayMs: 300, disabledSites: [] };
  await serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), v2);
  await expect.poll(() => paintedMentions(page)).toEqual([]);

  // The worker migrates stored settings each time it starts (an update starts it too).
  const worker = await controlWorker(page, extensionId);
  await worker.stop();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect.poll(() => worker.status()).toBe('running');
  await expect.poll(() => paintedMentions(page)).toEqual(before);
  const storedNow = await popup.evaluate(
    async () => (await chrome.storage.local.get('settings')).settings,
  );
  expect(storedNow).toMatchObject({ version: 4, paused: false, contextEntities: 'near' });
  expect(pageErrors).toEqual([]);
});
