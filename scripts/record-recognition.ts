/**
 * Records what a build of Fact Lens recognizes on every test page, for
 * tests/e2e/recognition-golden.spec.ts (which checks the current build against the record):
 *
 * ```sh
 * npx tsx scripts/record-recognition.ts --extension /tmp/baseline-chrome-mv3
 * ```
 *
 * Pages: tests/demo/*.html, `../shared/pages/*.html` (read in place, never copied; only the
 * mentions found there are written) and the benchmark's generated pages
 * (scripts/bench/generate-pages.ts, written to a temp dir). Each page is opened in a fresh
 * Chromium profile with the unpacked extension at `--extension` (default `.output/test-hooks/chrome-mv3`,
 * whose content script registers `fact-lens-active` when its first scan is done),
 * as the e2e fixture does; after the first scan (see `waitForFirstScan`) its painted mentions
 * are written to `--out` (default tests/e2e/golden/recognition.json) as
 * `{ [page]: { count, sha256, mentions: ["kind|text", …] } }`, see `GoldenEntry`.
 *
 * `--full FILE` also writes every page's whole list (for diffing two builds on big pages);
 * `--only TEXT` records only the pages whose name contains TEXT (with `--out` elsewhere);
 * `--headed` shows the browser.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import * as prettier from 'prettier';
import { chromiumArgs, findChromium } from './find-chromium';
import {
  GENERATED_PREFIX,
  GOLDEN_FILE,
  type Golden,
  isolate,
  listPages,
  recordPage,
  summarize,
  writeGeneratedPages,
} from './recognition-golden';
import { defaultMounts, serveStatic } from './serve-static';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Formatted as `prettier --check .` expects, since the golden file is committed.
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(
    file,
    await prettier.format(JSON.stringify(value), { ...options, filepath: file }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      extension: {
        type: 'string',
        default: path.join(projectRoot, '.output/test-hooks/chrome-mv3'),
      },
      out: { type: 'string', default: path.join(projectRoot, GOLDEN_FILE) },
      full: { type: 'string' },
      only: { type: 'string' },
      headed: { type: 'boolean', default: false },
    },
  });
  const out = path.resolve(values.out);
  if (values.only !== undefined && out === path.join(projectRoot, GOLDEN_FILE)) {
    throw new Error('--only records some pages: give --out too, the golden file needs them all.');
  }
  const extensionDir = path.resolve(values.extension);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No unpacked extension at ${extensionDir} (no manifest.json).`);
  }
  const executablePath = findChromium({
    env: process.env,
    exists: existsSync,
    platform: process.platform,
  });

  const generatedDir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-golden-'));
  await writeGeneratedPages(generatedDir);
  const server = await serveStatic({
    ...defaultMounts(projectRoot),
    [GENERATED_PREFIX]: generatedDir,
  });
  // frames.html loads some frames from the other loopback name.
  const servers = [server.url, server.url.replace('127.0.0.1', 'localhost')];
  const only = values.only?.toLowerCase();
  const pages = listPages(projectRoot, generatedDir).filter(
    ({ name }) => only === undefined || name.toLowerCase().includes(only),
  );
  console.log(`Recording ${pages.length} pages with ${extensionDir}`);

  const golden: Golden = {};
  const full: Record<string, string[]> = {};
  try {
    for (const { name, urlPath } of pages) {
      const started = Date.now();
      // A fresh profile per page, as each e2e test gets.
      const context = await chromium.launchPersistentContext('', {
        headless: false,
        executablePath,
        args: chromiumArgs(extensionDir, { headless: !values.headed, uid: process.getuid?.() }),
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await isolate(page, servers);
        const mentions = await recordPage(page, server.url + urlPath, { timeout: 120_000 });
        golden[name] = summarize(mentions);
        full[name] = mentions;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`${name.padEnd(34)} ${String(mentions.length).padStart(6)}  (${seconds} s)`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
    await rm(generatedDir, { recursive: true, force: true });
  }

  await writeJson(out, golden);
  console.log(`Wrote ${out}`);
  if (values.full !== undefined) {
    await writeJson(path.resolve(values.full), full);
    console.log(`Wrote ${values.full}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
