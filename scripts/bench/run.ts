/**
 * `npm run bench`: measures the recognition engine in headless Chromium against the budgets of
 * DESIGN.md and writes a Markdown report to stdout and bench/results/. A measurement, not a
 * test: budgets are reported as pass/fail columns and never fail the process.
 * See bench/README.md for what each figure means.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareAliasSets } from './alias-sets';
import { launchBrowser } from './browser';
import { buildPageBundle } from './bundle';
import { header, revision } from './machine';
import { installNativeBase64 } from './native-base64';
import type { BenchOptions } from './options';
import { USAGE, parseOptions } from './options';
import { collectPages } from './pages';
import { selectSections } from './select-sections';
import { hoverLatencySection } from './sections/hover-latency';
import { matchPathSection } from './sections/match-path';
import { matcherBuildSection } from './sections/matcher-build';
import { packSyncSection } from './sections/pack-sync';
import { pageLoadSection } from './sections/page-load';
import { pageScanSection } from './sections/page-scan';
import { searchLatencySection } from './sections/search-latency';
import type { BenchContext, Section } from './sections/types';
import { serveStatic } from '../serve-static';

/** Printed in the report header: which code produced the figures. */
const ENGINE_LABEL =
  '`lib/engine` (`compileMatcher` in Node, a synchronous `MentionIndex` pass bundled into the page by Vite)';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(projectRoot, 'bench/results');

/** In report order. */
const SECTIONS: readonly Section[] = [
  pageScanSection,
  matcherBuildSection,
  hoverLatencySection,
  searchLatencySection,
  packSyncSection,
  pageLoadSection,
  matchPathSection,
];

const log = (message: string) => console.error(message);

/** Where the report goes: an explicit --out, nowhere for --quick, else dated + latest. */
function reportFiles(options: BenchOptions, date: Date): string[] {
  if (options.out) return [options.out];
  if (options.quick) return [];
  const stamp = date
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  return [path.join(resultsDir, `bench-${stamp}.md`), path.join(resultsDir, 'latest.md')];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), projectRoot);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const sections = selectSections(SECTIONS, options.sections);
  installNativeBase64();
  const date = new Date();
  const started = performance.now();
  const generatedDir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [
    () => rm(generatedDir, { recursive: true, force: true }),
  ];
  try {
    log('generating pages, building the page bundle, compiling alias sets…');
    const [{ pages, mounts }, engine, aliasSets] = await Promise.all([
      collectPages({ generatedDir, pagesDir: options.pagesDir, only: options.only }),
      buildPageBundle(),
      prepareAliasSets(path.join(projectRoot, 'seeds/bytedance-ai-2026.pack.json')),
    ]);
    if (pages.length === 0 && !sections.every((section) => section.ownPages)) {
      throw new Error(`No page name contains "${options.only ?? ''}"`);
    }
    const server = await serveStatic(mounts);
    cleanups.unshift(() => server.close());
    const { browser, executablePath } = await launchBrowser();
    cleanups.unshift(() => browser.close());

    const context: BenchContext = {
      options,
      projectRoot,
      browser,
      serverUrl: server.url,
      generatedDir,
      pages,
      aliasSets,
      scripts: {
        engine,
        markJs: await readFile(
          path.join(projectRoot, 'node_modules/mark.js/dist/mark.min.js'),
          'utf8',
        ),
      },
      log,
    };
    const parts = [
      header({
        date,
        chromiumVersion: browser.version(),
        chromiumPath: executablePath,
        engineLabel: ENGINE_LABEL,
        revision: revision(projectRoot),
        runs: options.runs,
        quick: options.quick,
        markTimeoutMs: options.markTimeoutMs,
        pagesDir: options.pagesDir,
      }),
    ];
    for (const section of sections) {
      log(`section ${section.id}…`);
      parts.push(await section.run(context));
    }
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    const report = `${parts.join('\n\n')}\n\n_Benchmark took ${minutes} min._\n`;

    console.log(report);
    for (const file of reportFiles(options, date)) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, report);
      log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
