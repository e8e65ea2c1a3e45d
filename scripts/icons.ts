/**
 * `npm run icons`: renders assets/icon.svg to public/icon/<size>.png (16, 32, 48, 128), which
 * WXT lists as the manifest's icons. The system Chromium draws them (through playwright-core,
 * already here for the e2e tests), so no rasterizer dependency and no download is needed.
 * The PNGs are committed: a build must not need a browser. Run it again after editing the SVG.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const svg = await readFile(path.join(root, 'assets/icon.svg'), 'utf8');
  const executablePath = findChromium({
    env: process.env,
    exists: existsSync,
    platform: process.platform,
  });
  const browser = await chromium.launch({ executablePath });
  try {
    await mkdir(path.join(root, 'public/icon'), { recursive: true });
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      // The SVG scales to the viewport; the page's background stays transparent.
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<style>html,body{margin:0}svg{display:block}</style>${sized}`);
      const png = await page.screenshot({ omitBackground: true });
      await writeFile(path.join(root, `public/icon/${size}.png`), png);
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
