/**
 * The built extension for sections that need the real thing (messaging, background, card UI):
 * whether `.output/chrome-mv3` (or the test-hooks build) is there and current, and a Chromium with it loaded, launched
 * the way tests/e2e/fixtures.ts does.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../find-chromium';
import { OFFLINE_HOST_RULES } from './browser';

export type ExtensionBuild =
  { ok: true; dir: string; builtAt: Date; newerSources: string[] } | { ok: false; reason: string };

/** What `wxt build` reads; a change in any of them means the build may not be what we measure. */
const SOURCE_ROOTS = ['entrypoints', 'lib', 'components', 'wxt.config.ts'];

/** Tests and docs live next to the sources but never reach the build. */
export function isBuildInput(relativePath: string): boolean {
  return !/\.test\.tsx?$/.test(relativePath) && !relativePath.endsWith('.md');
}

async function filesUnder(projectRoot: string, root: string): Promise<string[]> {
  const full = path.join(projectRoot, root);
  if (!existsSync(full)) return [];
  if (!(await stat(full)).isDirectory()) return [root];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(projectRoot, path.join(e.parentPath, e.name)));
}

/**
 * The test-hooks build (`npm run build:test-hooks`): the same code, plus what sections that
 * wait for the first scan (`fact-lens-active`) or read the card's user timing need. `npm run
 * build` has neither: a page could read them.
 */
export const TEST_HOOKS_BUILD = {
  dir: '.output/test-hooks/chrome-mv3',
  command: 'npm run build:test-hooks',
};
const USER_BUILD = { dir: '.output/chrome-mv3', command: 'npm run build' };

/**
 * Whether there is a build to measure: `.output/chrome-mv3` (or the test-hooks build when
 * `testHooks`), or `dir` when given (e.g. a saved older build: then the sources are not
 * compared with it, it is old on purpose).
 */
export async function checkExtensionBuild(
  projectRoot: string,
  dir?: string,
  { testHooks = false }: { testHooks?: boolean } = {},
): Promise<ExtensionBuild> {
  const defaults = testHooks ? TEST_HOOKS_BUILD : USER_BUILD;
  const buildDir = dir ?? path.join(projectRoot, defaults.dir);
  const manifest = path.join(buildDir, 'manifest.json');
  if (!existsSync(manifest)) {
    const hint = dir === undefined ? `: run \`${defaults.command}\` first` : '';
    return { ok: false, reason: `no built extension at \`${buildDir}\`${hint}` };
  }
  const builtAt = (await stat(manifest)).mtime;
  if (dir !== undefined) return { ok: true, dir: buildDir, builtAt, newerSources: [] };
  const newerSources: string[] = [];
  for (const root of SOURCE_ROOTS) {
    for (const file of (await filesUnder(projectRoot, root)).filter(isBuildInput)) {
      // mtime, not content: a touched file is flagged too, which errs on the side of caution.
      if ((await stat(path.join(projectRoot, file))).mtime > builtAt) newerSources.push(file);
    }
  }
  return { ok: true, dir: buildDir, builtAt, newerSources: newerSources.sort() };
}

/**
 * A fresh profile (temporary user-data dir) with the extension loaded: no card data cached
 * anywhere, the seed pack installed by the background on first use. Headless through the
 * flag, as in the e2e fixture, because Playwright's own headless mode may pick a shell that
 * cannot load extensions.
 */
export async function launchWithExtension(extensionDir: string): Promise<BrowserContext> {
  return launchPersistent(chromiumArgs(extensionDir, { headless: true, uid: process.getuid?.() }));
}

/**
 * The same launch without the extension: a fresh profile started exactly like
 * `launchWithExtension`'s (flags, headless mode, a disk cache), for figures to compare with it.
 */
export async function launchWithoutExtension(): Promise<BrowserContext> {
  const args = chromiumArgs('', { headless: true, uid: process.getuid?.() }).filter(
    (arg) =>
      !arg.startsWith('--load-extension=') && !arg.startsWith('--disable-extensions-except='),
  );
  return launchPersistent(args);
}

function launchPersistent(args: string[]): Promise<BrowserContext> {
  const executablePath = findChromium({
    env: process.env,
    exists: existsSync,
    platform: process.platform,
  });
  return chromium.launchPersistentContext('', {
    headless: false,
    executablePath,
    args: [...args, OFFLINE_HOST_RULES],
  });
}

/**
 * A temporary copy of an unpacked build, so a rebuild of `.output` while a section runs cannot
 * change what it measures. `remove` deletes the copy.
 */
export async function copyBuild(
  dir: string,
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const copy = await mkdtemp(path.join(os.tmpdir(), prefix));
  const remove = () => rm(copy, { recursive: true, force: true });
  try {
    await cp(dir, copy, { recursive: true });
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir: copy, remove };
}
