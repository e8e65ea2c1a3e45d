/**
 * `docs/icon-firefox-toolbar.png`: the Firefox toolbar with Fact Lens's button, on the marked
 * demo page (part of `npm run screenshots:store`; needs `npm run build:firefox`). WebDriver
 * BiDi cannot capture the browser's own UI, so the snapshot is drawn inside the browser
 * window (`drawSnapshot`, run in the privileged chrome scope that `--remote-allow-system-access`
 * opens) and returned as a PNG data URL. Scripts here are strings, so tsx's `__name` helper
 * never reaches the browser.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { findFirefox } from './find-firefox';
import { defaultMounts, serveStatic } from './serve-static';

const root = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(root, '.output/firefox-mv2');
const out = path.join(root, 'docs/icon-firefox-toolbar.png');

/** Draws the top `height` CSS pixels of the browser window, as a PNG data URL. */
const SNAPSHOT = (height: number) => `(async () => {
  const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(
    new DOMRect(0, 0, window.innerWidth, ${height}), 1, 'white');
  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  return canvas.toDataURL('image/png');
})()`;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}. Run \`npm run build:firefox\` first.`);
  }
  const server = await serveStatic(defaultMounts(root));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox({
      env: process.env,
      exists: existsSync,
      platform: process.platform,
    }),
    headless: true,
    args: ['--remote-allow-system-access'],
  });
  try {
    await browser.installExtension(extensionDir);
    const [page] = await browser.pages();
    await page?.goto(`${server.url}/index.html`);
    // The content script's first scan; nothing to wait on in the user build but time.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // `connection` is public on puppeteer's BiDi browser, though not in its Browser type.
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
      .result as { contexts: { context: string }[] };
    const window = tree.contexts[0]?.context;
    if (!window) throw new Error('no browser window');
    const evaluated = (
      await connection.send('script.evaluate', {
        target: { context: window },
        expression: SNAPSHOT(90),
        awaitPromise: true,
      })
    ).result as { result?: { value?: string } };
    const dataUrl = evaluated.result?.value ?? '';
    await writeFile(out, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    console.log(path.relative(root, out));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
