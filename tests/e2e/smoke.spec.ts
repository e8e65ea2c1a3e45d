import { readdirSync } from 'node:fs';
import { expect, sharedPagesDir, test } from './fixtures';

test('the extension loads and its service worker starts', async ({
  serviceWorker,
  extensionId,
}) => {
  expect(serviceWorker.url()).toMatch(/^chrome-extension:\/\//);
  expect(extensionId).toMatch(/^[a-p]{32}$/);
});

test('the demo page is served and renders without errors', async ({ page, server, pageErrors }) => {
  await page.goto(`${server}/index.html`);
  await expect(page).toHaveTitle(/Fact Lens demo/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The page's own inline script ran (and threw nothing).
  // (The document's own root: locator('html') would also find the one inside our card's
  // shadow root, which WXT's isolated element is built around.)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.demo)).toBe('ready');
  expect(pageErrors).toEqual([]);
});

test('the negative-control page is served', async ({ page, server }) => {
  await page.goto(`${server}/unrelated.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/bakery/);
});

test('saved real-world pages are served under /pages/', async ({ server }) => {
  test.skip(!sharedPagesDir, 'no ../shared/pages next to this checkout');
  const file = readdirSync(sharedPagesDir ?? '').find((name) => name.endsWith('.html'));
  const response = await fetch(`${server}/pages/${file}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
});
