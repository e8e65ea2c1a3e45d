/**
 * Recognition is unchanged: on every page of tests/e2e/golden/recognition.json, the current
 * build paints the same mentions (same kind, same text, same document order) as the build the
 * golden file was recorded with. A performance change must not move a single one.
 *
 * The golden file is recorded, never edited by hand, from a build known to be right (for a
 * refactor: the build from before it):
 *
 * ```sh
 * npx tsx scripts/record-recognition.ts --extension /tmp/baseline-chrome-mv3
 * ```
 *
 * Without `--extension` it records `.output/test-hooks/chrome-mv3` (it waits for `fact-lens-active`,
 * which only the test-hooks build registers). Re-record only when recognition is
 * meant to change (packs, matching rules, the demo or generated pages), never to make this
 * spec pass. Pages and loading are shared with the recorder (scripts/recognition-golden.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
  GENERATED_PREFIX,
  GOLDEN_FILE,
  type Golden,
  type GoldenEntry,
  type PageOrigin,
  describeDifference,
  isolate,
  originOf,
  recordPage,
  sourceFile,
  summarize,
  urlPathOf,
  writeGeneratedPages,
} from '../../scripts/recognition-golden';
import { type StaticServer, serveStatic } from '../../scripts/serve-static';
import { expect, projectRoot, sharedPagesDir, test } from './fixtures';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

const golden = JSON.parse(readFileSync(path.join(projectRoot, GOLDEN_FILE), 'utf8')) as Golden;

/**
 * Loads the page `name` from `servers[0]` as the recorder does and compares its painted
 * mentions with the golden entry; on a difference the message lists the mentions lost (-) and
 * added (+), and the whole list found is attached.
 */
async function expectGolden(
  page: Page,
  testInfo: TestInfo,
  {
    name,
    expected,
    servers,
    timeout,
  }: {
    name: string;
    expected: GoldenEntry;
    servers: string[];
    timeout: number;
  },
): Promise<void> {
  await isolate(page, servers);
  const mentions = await recordPage(page, (servers[0] ?? '') + urlPathOf(name), { timeout });
  const difference = describeDifference(expected, mentions);
  if (difference !== '') {
    await testInfo.attach('mentions.json', {
      body: JSON.stringify(mentions, null, 1),
      contentType: 'application/json',
    });
  }
  expect(summarize(mentions), `${name} differs from ${GOLDEN_FILE}:\n${difference}`).toEqual(
    expected,
  );
}

/** Our server, and the same under the other loopback name (frames.html uses both). */
function ourServers(server: string): string[] {
  return [server, server.replace('127.0.0.1', 'localhost')];
}

/** Golden entries of one origin (`demo/…`, `pages/…`, `generated/…`). */
function entriesOf(origin: PageOrigin): [string, GoldenEntry][] {
  return Object.entries(golden).filter(([name]) => originOf(name) === origin);
}

/** One test per golden page of `origin` on the fixture's server (demo and saved pages). */
function servedPageTests(origin: 'demo' | 'pages'): void {
  for (const [name, expected] of entriesOf(origin)) {
    test(name, async ({ page, server }, testInfo) => {
      const file = sourceFile(projectRoot, name);
      const present = file !== undefined && existsSync(file);
      if (origin === 'pages') test.skip(!present, `${name}.html is not in ../shared/pages`);
      else expect(present, `${name}.html exists (or re-record the golden file)`).toBe(true);
      test.setTimeout(60_000);
      await expectGolden(page, testInfo, {
        name,
        expected,
        servers: ourServers(server),
        timeout: 45_000,
      });
    });
  }
}

test.describe('recognition is unchanged: demo pages', () => {
  servedPageTests('demo');
});

test.describe('recognition is unchanged: saved pages', () => {
  test.skip(!sharedPagesDir, 'no ../shared/pages beside the project');
  servedPageTests('pages');
});

test.describe('recognition is unchanged: generated pages', () => {
  // The benchmark's generated pages (scripts/bench/generate-pages.ts), written and served
  // once per worker, at the same paths as when the golden file was recorded.
  let generatedDir: string;
  let generated: StaticServer;
  test.beforeAll(async () => {
    generatedDir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-golden-'));
    await writeGeneratedPages(generatedDir);
    generated = await serveStatic({ [GENERATED_PREFIX]: generatedDir });
  });
  test.afterAll(async () => {
    await generated.close();
    await rm(generatedDir, { recursive: true, force: true });
  });

  for (const [name, expected] of entriesOf('generated')) {
    test(name, async ({ page }, testInfo) => {
      const file = sourceFile(projectRoot, name, generatedDir);
      expect(file !== undefined && existsSync(file), `the bench generates ${name}.html`).toBe(true);
      // ~1 MB pages and a 200,000-node DOM: their first scan takes seconds.
      test.setTimeout(120_000);
      await expectGolden(page, testInfo, {
        name,
        expected,
        servers: [generated.url],
        timeout: 100_000,
      });
    });
  }
});
