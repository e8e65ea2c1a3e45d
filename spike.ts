import puppeteer from 'puppeteer-core';
import { serveStatic, defaultMounts } from './scripts/serve-static';
const server = await serveStatic(defaultMounts(process.cwd()));
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'fact-lens@example': '11111111-2222-3333-4444-555555555555' }) },
});
console.log('launched', Date.now() - t0);
const id = await browser.installExtension(process.cwd() + '/.output/test-hooks/firefox-mv2');
console.log('installed', id, Date.now() - t0);
const page = await browser.newPage();
await page.goto(server.url + '/index.html');
await new Promise((r) => setTimeout(r, 3000));
console.log(await page.evaluate(() => ({ has: typeof CSS.highlights, names: CSS.highlights ? [...CSS.highlights.keys()] : null, marks: document.querySelectorAll('fact-lens-mark').length })));
const prefs = await page.evaluate(() => 1);
console.log(Date.now() - t0);
await browser.close();
await server.close();
