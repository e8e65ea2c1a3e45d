/**
 * `npm run screenshots:store`: the store listings' screenshots (1280×800, what both stores
 * accept), taken from the real extension on the demo page, so they stay true as the UI
 * changes. Builds nothing: run `npm run build` first (the user build, `.output/chrome-mv3`).
 * Also saves `docs/icon-chrome-extensions.png`, the icon as chrome://extensions shows it.
 * Writes into docs/store/ and docs/. Chinese text needs a CJK font (Debian:
 * `apt-get install -y fonts-noto-cjk`), or the store images show empty boxes.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium';
import { defaultMounts, serveStatic } from './serve-static';

const root = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(root, '.output/chrome-mv3');
const outDir = path.join(root, 'docs/store');
const SIZE = { width: 1280, height: 800 };

/** Waits until Fact Lens painted `name` (the user build has no test hooks: poll the registry). */
async function waitForMark(page: Page, name: string): Promise<void> {
  await page.waitForFunction((text) => {
    for (const [key, highlight] of CSS.highlights) {
      if (!key.startsWith('fact-lens-')) continue;
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        if (live.toString() === text) return true;
      }
    }
    return false;
  }, name);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}. Run \`npm run build\` first.`);
  }
  await mkdir(outDir, { recursive: true });
  const server = await serveStatic(defaultMounts(root));
  const context = await chromium.launchPersistentContext('', {
    headless: false,
    executablePath: findChromium({
      env: process.env,
      exists: existsSync,
      platform: process.platform,
    }),
    args: chromiumArgs(extensionDir, { headless: true, uid: process.getuid?.() }),
    viewport: SIZE,
    colorScheme: 'light',
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());

    // 1. The demo article, marked.
    await page.goto(`${server.url}/index.html`);
    await waitForMark(page, 'Doubao');
    const marked = await page.screenshot({ path: path.join(outDir, '1-marked-page.png') });

    // 2. The card for Doubao, opened by resting the pointer on it.
    const point = await page.evaluate(() => {
      const lede = document.querySelector('#lede');
      const walker = document.createTreeWalker(lede ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf('Doubao') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Doubao'.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error('no Doubao in the lede');
    });
    await page.mouse.move(point.x, point.y);
    // The card's shadow root is closed in the user build: wait for it to be drawn and settle.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: path.join(outDir, '2-hover-card.png') });

    // 3. The popup's search (豆包), drawn where the toolbar popup opens, over the marked page.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 330 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('combobox').fill('豆包');
    await popup.getByRole('option').first().waitFor();
    const popupShot = await popup.screenshot();
    const composed = await context.newPage();
    await composed.setContent(
      `<body style="margin:0"><img src="data:image/png;base64,${marked.toString('base64')}"
        style="display:block;filter:brightness(0.92)">
      <img src="data:image/png;base64,${popupShot.toString('base64')}"
        style="position:fixed;top:8px;right:16px;border-radius:8px;box-shadow:0 8px 28px #0005"></body>`,
    );
    await composed.screenshot({ path: path.join(outDir, '3-popup-search.png') });

    // The icon where Chrome lists extensions (for the README; not a store image).
    const extensions = await context.newPage();
    await extensions.setViewportSize({ width: 900, height: 500 });
    await extensions.goto('chrome://extensions');
    await extensions.waitForTimeout(1_000);
    await extensions.screenshot({ path: path.join(root, 'docs/icon-chrome-extensions.png') });
  } finally {
    await context.close();
    await server.close();
  }
  console.log(`Screenshots in ${path.relative(root, outDir)}/ and docs/icon-chrome-extensions.png`);
}

await main();
