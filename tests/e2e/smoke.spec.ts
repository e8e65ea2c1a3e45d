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
  await expect(page.locator('html')).toHaveAttribute('data-demo', 'ready');
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
