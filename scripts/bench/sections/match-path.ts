/**
 * Match path: what a document costs the page when its text is sent to the background
 * (`matchTexts`) against matching it in the page (local-matcher.js, `getMatcher`, decoding),
 * by document size, so `SMALL_DOCUMENT_CHARS` (lib/engine/remote-scan.ts) can be chosen from
 * figures. The page-load section's method: the real extension (its test-hooks build, which
 * lets `storage.local` force the path), a CPU profile of the tab's renderer per load, the
 * extension's samples summed. The background's own CPU is profiled beside it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { SMALL_DOCUMENT_CHARS } from '../../../lib/engine/remote-scan';
import { aliasPack } from '../alias-pack';
import { isExtensionUrl, summarizeProfile } from '../cpu-profile';
import { copyBuild, isBuildInput } from '../extension-browser';
import { count, ms, table, times } from '../markdown';
import type { LoggedRequest, MatchPath, PathRequests, PathRow } from '../match-path-figures';
import { countRequests, crossoverSentence, findCrossover, pathTaken } from '../match-path-figures';
import type { ProseDocument } from '../match-path-pages';
import {
  CHARS_PER_MENTION,
  MATCH_PATH_SIZES,
  PROSE_MENTIONS,
  proseDocument,
} from '../match-path-pages';
import type { ExtensionProfile, LoadResult } from '../page-load-run';
import {
  HIGHLIGHT_WATCHER,
  SAMPLING_INTERVAL_US,
  WINDOW_MS,
  extensionFinished,
  profiledLoad,
  startExtensionProfile,
} from '../page-load-run';
import { median, ratio } from '../stats';
import {
  extensionWorker,
  forcePathAndLog,
  loggedRequests,
  startWorkerProfile,
} from '../worker-profile';
import { failedLoadsNote, staleBuildNote } from '../report-notes';
import type { BenchContext, Section } from './types';

const TITLE = '## Match path: text to the background, or the matcher to the page';
/** Fewer runs than this make medians of small CPU figures meaningless (except `--quick`). */
const MIN_RUNS = 5;
const SUBDIR = 'match-path';
/** The build with the hooks (lib/content/test-hooks.ts): `npm run build:test-hooks`. */
const TEST_HOOKS_BUILD = '.output/test-hooks/chrome-mv3';
/** What `wxt build` reads (as in extension-browser.ts). */
const SOURCE_ROOTS = ['entrypoints', 'lib', 'components', 'wxt.config.ts'];
/** Alias set ids of `prepareAliasSets`, and the generated pack, as in the page-load section. */
const SEED = 'seed';
const LARGE = 'large-10k';
const LARGE_PACK_ID = 'bench-generated-aliases';
const PATHS: readonly MatchPath[] = ['remote', 'local'];

interface Method {
  key: string;
  set: string;
  path: MatchPath;
}

const METHODS: readonly Method[] = [SEED, LARGE].flatMap((set) =>
  PATHS.map((p) => ({ key: `${set}:${p}`, set, path: p })),
);

const packLabel = (set: string) => (set === SEED ? 'seed' : '10k');

function skipped(reason: string): string {
  return [TITLE, '', `Skipped: ${reason}.`].join('\n');
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Run r starts at method r: over runs every method takes every position. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

interface Build {
  dir: string;
  builtAt: Date;
  newerSources: string[];
}

/** The test-hooks build (or `--extension`), if it is there and has the hooks compiled in. */
async function findBuild(projectRoot: string, given: string | undefined): Promise<Build | string> {
  const dir = given ?? path.join(projectRoot, TEST_HOOKS_BUILD);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    return `no built extension at \`${dir}\`: run \`npm run build:test-hooks\` first`;
  }
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const scripts = (manifest.content_scripts ?? []).flatMap((s) => s.js ?? []);
  const sources = await Promise.all(
    scripts.map((file) => readFile(path.join(dir, file), 'utf8').catch(() => '')),
  );
  if (!sources.some((source) => source.includes('test:matchPath'))) {
    return `\`${dir}\` has no test hooks (the path cannot be forced): build it with \`npm run build:test-hooks\``;
  }
  const builtAt = (await stat(manifestFile)).mtime;
  const newerSources: string[] = [];
  if (given === undefined) {
    for (const root of SOURCE_ROOTS) {
      const full = path.join(projectRoot, root);
      if (!existsSync(full)) continue;
      const files = (await stat(full)).isDirectory()
        ? (await readdir(full, { recursive: true, withFileTypes: true }))
            .filter((e) => e.isFile())
            .map((e) => path.relative(projectRoot, path.join(e.parentPath, e.name)))
        : [root];
      for (const file of files.filter(isBuildInput)) {
        if ((await stat(path.join(projectRoot, file))).mtime > builtAt) newerSources.push(file);
      }
    }
  }
  return { dir, builtAt, newerSources: newerSources.sort() };
}

/** A started profile, its worker's extension id and a blank tab whose CDP session reaches it. */
interface Browser {
  profile: ExtensionProfile;
  extensionId: string;
  helper: Page;
  helperCdp: CDPSession;
}

async function openBrowser(dir: string, packText?: string): Promise<Browser> {
  const profile = await startExtensionProfile(dir, packText);
  try {
    const worker = profile.context
      .serviceWorkers()
      .find((w) => w.url().startsWith('chrome-extension://'));
    if (!worker) throw new Error('no extension service worker');
    const extensionId = new URL(worker.url()).host;
    const helper = profile.context.pages()[0] ?? (await profile.context.newPage());
    const helperCdp = await profile.context.newCDPSession(helper);
    return { profile, extensionId, helper, helperCdp };
  } catch (error) {
    await profile.close().catch(() => undefined);
    throw error;
  }
}

interface Measured extends LoadResult {
  run: number;
  requests: PathRequests;
  taken: ReturnType<typeof pathTaken>;
  /** The worker's busy samples in the same window; NaN when it could not be profiled. */
  backgroundMs: number;
}

async function loadOnce(
  browser: Browser,
  method: Method,
  url: string,
  run: number,
): Promise<Measured> {
  const { context } = browser.profile;
  const worker = await extensionWorker(context, browser.extensionId);
  await forcePathAndLog(worker, method.path);
  const background = await startWorkerProfile(browser.helperCdp, browser.extensionId).catch(
    () => null,
  );
  let result: LoadResult;
  const page = await context.newPage();
  try {
    result = await profiledLoad(page, url, {
      isOurs: isExtensionUrl,
      finished: extensionFinished,
      initScripts: [HIGHLIGHT_WATCHER],
    });
  } finally {
    await page.close();
  }
  const workerProfile = await background?.stop().catch(() => null);
  const requests = countRequests(await loggedRequests(worker).catch((): LoggedRequest[] => []));
  return {
    ...result,
    run,
    requests,
    taken: pathTaken(method.path, requests),
    backgroundMs: workerProfile ? summarizeProfile(workerProfile, () => true).busyMs : Number.NaN,
  };
}

/** Per document name, per method key, the loads. */
type Results = Map<string, Map<string, Measured[]>>;

async function measureAll(
  context: BenchContext,
  browsers: ReadonlyMap<string, Browser>,
  docs: readonly ProseDocument[],
  runs: number,
  errors: string[],
): Promise<Results> {
  const all: Results = new Map();
  for (const [index, doc] of docs.entries()) {
    const byMethod = new Map<string, Measured[]>(METHODS.map((m) => [m.key, []]));
    all.set(doc.name, byMethod);
    const url = `${context.serverUrl}/generated/${SUBDIR}/${doc.name}.html`;
    for (let run = 0; run < runs; run++) {
      for (const method of rotate(METHODS, run + index)) {
        const label = `match path [${index + 1}/${docs.length}] ${doc.name} run ${run + 1}/${runs} ${method.key}`;
        try {
          const browser = browsers.get(method.set);
          if (!browser) throw new Error(`no browser for ${method.set}`);
          const result = await loadOnce(browser, method, url, run);
          byMethod.get(method.key)?.push(result);
          context.log(
            `${label}: ours ${ms(result.summary.oursMs)} ms, background ${ms(result.backgroundMs)} ms, ` +
              `${result.taken}, ${result.requests.matchTexts} matchTexts / ${result.requests.getMatcher} getMatcher`,
          );
        } catch (error) {
          context.log(`${label}: failed (${describeError(error)})`);
          errors.push(`${doc.name} ${method.key} run ${run + 1}: ${describeError(error)}`);
        }
      }
    }
  }
  return all;
}

/** One unmeasured load per path and profile: the worker has decoded its matcher, code is cached. */
async function warmUp(browsers: ReadonlyMap<string, Browser>, url: string): Promise<void> {
  for (const browser of browsers.values()) {
    for (const p of PATHS) {
      const worker = await extensionWorker(browser.profile.context, browser.extensionId);
      await forcePathAndLog(worker, p);
      const page = await browser.profile.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(WINDOW_MS / 2);
      } finally {
        await page.close();
      }
    }
  }
}

const med = (loads: readonly Measured[], pick: (m: Measured) => number): number =>
  median(loads.map(pick));

/** Median with the fastest run in brackets: other load on the machine only adds time. */
function withMin(loads: readonly Measured[], pick: (m: Measured) => number): string {
  if (loads.length === 0) return 'n/a';
  return `${ms(med(loads, pick))} (${ms(Math.min(...loads.map(pick)))})`;
}

/** Top document: from the content script's first sample to a watcher time. */
function fromScriptStart(load: Measured, key: 'marker' | 'last'): number {
  const start = load.scriptStart?.at;
  const at = load.highlights?.[key];
  return start === undefined || at === null || at === undefined ? Number.NaN : at - start;
}

/** "remote 5/5", "fell back 5/5", or the mix. */
function takenCell(loads: readonly Measured[]): string {
  if (loads.length === 0) return 'n/a';
  const counts = new Map<string, number>();
  for (const load of loads) counts.set(load.taken, (counts.get(load.taken) ?? 0) + 1);
  return [...counts].map(([taken, n]) => `${taken} ${n}/${loads.length}`).join(', ');
}

function documentsCell(loads: readonly Measured[]): string {
  if (loads.length === 0) return 'n/a';
  return `${Math.min(...loads.map((l) => l.finished))}/${Math.max(...loads.map((l) => l.documents))}`;
}

/** Median over runs of `pick(local) − pick(remote)` for loads of the same run. */
function pairedDelta(
  remote: readonly Measured[],
  local: readonly Measured[],
  pick: (m: Measured) => number,
): number {
  const byRun = new Map(remote.map((m) => [m.run, m]));
  return median(
    local.flatMap((m) => {
      const other = byRun.get(m.run);
      return other ? [pick(m) - pick(other)] : [];
    }),
  );
}

const signed = (value: number) =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}` : 'n/a';

const ours = (m: Measured) => m.summary.oursMs;
const total = (m: Measured) => m.summary.oursMs + m.backgroundMs;

interface Cell {
  doc: ProseDocument;
  set: string;
  remote: Measured[];
  local: Measured[];
}

function cells(docs: readonly ProseDocument[], all: Results): Cell[] {
  return [SEED, LARGE].flatMap((set) =>
    docs.map((doc) => ({
      doc,
      set,
      remote: all.get(doc.name)?.get(`${set}:remote`) ?? [],
      local: all.get(doc.name)?.get(`${set}:local`) ?? [],
    })),
  );
}

function sizeCell(doc: ProseDocument): string {
  return `${doc.name.replace('prose-', '')} (${count(doc.textChars)})`;
}

const held = (cell: Cell) =>
  cell.remote.length > 0 && cell.remote.every((m) => m.taken === 'remote');

function mainTable(rows: readonly Cell[]): string {
  return table(
    ['size (characters)', 'pack', 'remote ms (min)', 'local ms (min)', 'remote/local'],
    rows.map((cell) => [
      sizeCell(cell.doc),
      packLabel(cell.set),
      `${withMin(cell.remote, ours)}${held(cell) ? '' : ' ‡'}`,
      withMin(cell.local, ours),
      times(ratio(med(cell.remote, ours), med(cell.local, ours))),
    ]),
  );
}

function detailTable(rows: readonly Cell[]): string {
  const pair = (cell: Cell, pick: (m: Measured) => number) =>
    `${ms(med(cell.remote, pick))} / ${ms(med(cell.local, pick))}`;
  return table(
    [
      'size',
      'pack',
      'forced remote took',
      'sent to background (largest request)',
      'background ms remote / local',
      'page + background ms remote / local',
      'renderer busy, local − remote ms',
      'script start → scan done ms remote / local',
      'script start → last highlight ms remote / local',
      'mention ranges remote / local',
      'documents marked remote / local',
    ],
    rows.map((cell) => [
      cell.doc.name.replace('prose-', ''),
      packLabel(cell.set),
      takenCell(cell.remote),
      `${count(med(cell.remote, (m) => m.requests.sentChars))} (${count(med(cell.remote, (m) => m.requests.largestChars))})`,
      pair(cell, (m) => m.backgroundMs),
      pair(cell, total),
      signed(pairedDelta(cell.remote, cell.local, (m) => m.summary.busyMs)),
      pair(cell, (m) => fromScriptStart(m, 'marker')),
      pair(cell, (m) => fromScriptStart(m, 'last')),
      `${count(med(cell.remote, (m) => m.highlights?.ranges ?? Number.NaN))} / ${count(med(cell.local, (m) => m.highlights?.ranges ?? Number.NaN))}`,
      `${documentsCell(cell.remote)} / ${documentsCell(cell.local)}`,
    ]),
  );
}

function pathRows(rows: readonly Cell[], pick: (m: Measured) => number): PathRow[] {
  return rows.map((cell) => ({
    chars: cell.doc.textChars,
    label: cell.doc.name.replace('prose-', ''),
    remoteMs: med(cell.remote, pick),
    localMs: med(cell.local, pick),
    remoteHeld: held(cell),
  }));
}

function crossoverLines(rows: readonly Cell[]): string[] {
  const lines: string[] = [];
  for (const set of [SEED, LARGE]) {
    const ofSet = rows.filter((cell) => cell.set === set);
    const name = set === SEED ? 'Seed pack' : '10k aliases';
    lines.push(`- **${crossoverSentence(name, findCrossover(pathRows(ofSet, ours)))}**`);
    lines.push(
      `- ${crossoverSentence(`${name}, page + background CPU`, findCrossover(pathRows(ofSet, total)))}`,
    );
  }
  return lines;
}

function method(
  source: string,
  build: Build,
  browsers: ReadonlyMap<string, Browser>,
  largePackAliases: number,
  docs: readonly ProseDocument[],
  runs: number,
  load: { start: number; end: number },
): string {
  const seed = browsers.get(SEED)?.profile;
  const large = browsers.get(LARGE)?.profile;
  return [
    `**Build.** \`${source}\` (manifest written ${build.builtAt.toISOString()}), the ` +
      'test-hooks build: its content script reads `storage.local` `test:matchPath` when it ' +
      "starts and then matches every batch on that path, whatever the document's size. Copied " +
      'to a temp folder, loaded into two fresh headless profiles as in the page-load section: ' +
      `the seed pack alone (${count(seed?.aliases ?? Number.NaN)} aliases, \`getMatcher\`'s ` +
      `reply ${count(seed?.matcherJsonChars ?? Number.NaN)} characters of JSON), and with ` +
      `\`${LARGE_PACK_ID}\` installed too (${count(largePackAliases)} generated aliases, ` +
      `${count(large?.aliases ?? Number.NaN)} in all, reply ` +
      `${count(large?.matcherJsonChars ?? Number.NaN)} characters). Each profile loads the ` +
      'smallest document once on each path before the measured loads.',
    '',
    `**Documents** (\`scripts/bench/match-path-pages.ts\`): ${docs.length} articles of ` +
      'ordinary English sentences (original, no lists or tables), an `<h2>` every six ' +
      `paragraphs, about one sentence per ${count(CHARS_PER_MENTION)} characters naming a ` +
      `seed-pack entity (${PROSE_MENTIONS.join(', ')} in turn; at least three). The size is ` +
      "the text the content script counts against `SMALL_DOCUMENT_CHARS` (its segments' " +
      'text), at most the target and within a sentence of it.',
    '',
    `**Loads.** Per document, ${runs} runs of four loads (each pack, each path), the order ` +
      'rotated from run to run. Before each load the path is written to `storage.local` from ' +
      'the service worker, which also starts a fresh log of the requests it receives (type, ' +
      'and the characters of `matchTexts` texts), and a CPU profile of the worker starts ' +
      `(sampling every ${SAMPLING_INTERVAL_US} µs). The load itself is the page-load ` +
      "section's (`profiledLoad`): a fresh tab, the renderer's V8 profiled from before " +
      `navigation until ${WINDOW_MS / 1000} s after it began, the samples of ` +
      '`chrome-extension://` scripts summed (a native function called by them counts as ' +
      'theirs). _remote ms_ / _local ms_: that sum, median of the runs, fastest in brackets. ' +
      '_background ms_: every non-idle sample of the worker in the same window (receiving ' +
      'and validating the request, scanning, answering; for local, serializing the matcher). ' +
      '_renderer busy, local − remote_: per run, every non-idle sample of the renderer on the ' +
      'local path minus the remote path, median: it adds what the script figures leave out, ' +
      "`(program)` (compiling local-matcher.js, decoding the matcher's message before its " +
      'callback) and GC. _forced remote took_: `fell back` when the log also has a ' +
      '`getMatcher` (the background refused or lost `matchTexts` twice and the batch was ' +
      'matched in the page); ‡ in the first table marks those sizes, which the crossover ' +
      'leaves out. The background refuses a request with more text than ' +
      '`REMOTE_SCAN_MAX_CHARS` (equal to `SMALL_DOCUMENT_CHARS`: ' +
      `${count(SMALL_DOCUMENT_CHARS)} in the sources, a build given with \`--extension\` may ` +
      'differ), and the first batch of these documents is usually the whole text. ' +
      '_script start_: the ' +
      "content script's first sample in the profile, on the top document's clock " +
      '(`scriptStartOf`); _scan done_ and _last highlight_ as in the page-load section ' +
      '(`fact-lens-active` registered; the number of mention ranges last changed).',
    '',
    'The background is not in the page figures: on the remote path the scanning moves ' +
      "there, to the extension's one service worker, which every tab and frame shares. " +
      `Load average (1 min) when the section started: ${load.start.toFixed(1)}, when it ` +
      `ended: ${load.end.toFixed(1)}, on ${os.cpus().length} cores.`,
  ].join('\n');
}

async function run(context: BenchContext): Promise<string> {
  const { options, projectRoot, aliasSets, log } = context;
  const seedSet = aliasSets.find((s) => s.id === SEED);
  const largeSet = aliasSets.find((s) => s.id === LARGE);
  if (!seedSet || !largeSet) return skipped('the seed and 10k alias sets are missing');
  const build = await findBuild(projectRoot, options.extensionDir);
  if (typeof build === 'string') {
    log(`match path skipped: ${build}`);
    return skipped(build);
  }
  const wanted = options.only?.toLowerCase();
  const docs = MATCH_PATH_SIZES.map((size) => proseDocument(size)).filter(
    (doc) => wanted === undefined || doc.name.toLowerCase().includes(wanted),
  );
  if (docs.length === 0) {
    return skipped(`no document of this section has a name containing "${options.only ?? ''}"`);
  }
  const root = path.join(context.generatedDir, SUBDIR);
  await mkdir(root, { recursive: true });
  for (const doc of docs) await writeFile(path.join(root, `${doc.name}.html`), doc.html);

  const runs = options.quick ? options.runs : Math.max(MIN_RUNS, options.runs);
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;
  const relative = path.relative(projectRoot, build.dir);
  const source = relative.startsWith('..') || relative === '' ? build.dir : relative;
  const seedPackId = seedSet.aliases[0]?.packId;
  const pack = aliasPack(
    largeSet.aliases.filter((a) => a.packId !== seedPackId),
    { id: LARGE_PACK_ID, title: 'Generated aliases (bench)' },
  );

  const browsers = new Map<string, Browser>();
  const errors: string[] = [];
  let all: Results;
  const closeAll = async () => {
    for (const browser of browsers.values()) await browser.profile.close().catch(() => undefined);
  };
  const copy = await copyBuild(build.dir, 'fact-lens-match-path-ext-');
  try {
    try {
      log('match path: starting the extension (seed pack)…');
      browsers.set(SEED, await openBrowser(copy.dir));
      log(`match path: starting the extension, installing ${count(pack.entities.length)} aliases…`);
      browsers.set(LARGE, await openBrowser(copy.dir, JSON.stringify(pack)));
    } catch (error) {
      await closeAll();
      const reason = `the extension could not be started: ${describeError(error)}`;
      log(`match path skipped: ${reason}`);
      return skipped(reason);
    }
    try {
      const first = docs[0];
      if (first)
        await warmUp(browsers, `${context.serverUrl}/generated/${SUBDIR}/${first.name}.html`);
      all = await measureAll(context, browsers, docs, runs, errors);
    } finally {
      await closeAll();
    }
  } finally {
    await copy.remove();
  }

  const rows = cells(docs, all);
  const parts = [
    TITLE,
    '',
    "Content-script CPU per load of one document, in the tab's renderer, with the path forced " +
      '(unforced, a document is matched remotely while its text is at most ' +
      `\`SMALL_DOCUMENT_CHARS\`, ${count(SMALL_DOCUMENT_CHARS)} in the sources). ‡: forced ` +
      'remote fell back to local in some run (see below).',
    '',
    mainTable(rows),
    '',
    ...crossoverLines(rows),
    '',
    '### Details',
    '',
    'Medians over the runs. The background figures are the service worker, which the page ' +
      'figures above leave out.',
    '',
    detailTable(rows),
    '',
  ];
  const failed = failedLoadsNote(errors);
  if (failed) parts.push(failed, '');
  const stale = staleBuildNote(build.newerSources, 'npm run build:test-hooks');
  if (stale) parts.push(stale, '');
  const load = { start: loadAtStart, end: os.loadavg()[0] ?? Number.NaN };
  parts.push(method(source, build, browsers, pack.entities.length, docs, runs, load));
  return parts.join('\n');
}

export const matchPathSection: Section = { id: 'match-path', run, ownPages: true };
