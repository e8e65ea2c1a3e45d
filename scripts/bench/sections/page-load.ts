/**
 * Page load: what the real built extension costs a page, end to end. Each page is loaded in a
 * fresh tab with the renderer's V8 profiled (CDP `Profiler`), and the samples of the
 * extension's scripts are summed: per page, per document (the top one and each frame), against
 * mark.js `markRegExp` doing the same names in every document without the extension, and
 * against the page loaded with nothing at all. Also when the first highlight shows in the
 * viewport, and how big the script every frame evaluates is.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { AlternationRegex } from '../alias-regex';
import { alternationRegex } from '../alias-regex';
import { aliasPack, packAliases } from '../alias-pack';
import type { AliasSet } from '../alias-sets';
import { PAGE_LOAD_BUDGET } from '../budgets';
import { isExtensionUrl, topOf } from '../cpu-profile';
import { checkExtensionBuild, copyBuild, launchWithoutExtension } from '../extension-browser';
import { bytes, count, ms, table, times, verdict } from '../markdown';
import type { PageLoadPage } from '../page-load-pages';
import { MENTION_NAMES, framesStubPage, mentionsPage, stubPage } from '../page-load-pages';
import type { ExtensionProfile, LoadOptions, LoadResult } from '../page-load-run';
import {
  HIGHLIGHT_WATCHER,
  MARK_SCRIPT_URL,
  SAMPLING_INTERVAL_US,
  WINDOW_MS,
  extensionFinished,
  markJsFinished,
  markJsScript,
  profiledLoad,
  startExtensionProfile,
} from '../page-load-run';
import { median, ratio } from '../stats';
import { failedLoadsNote, staleBuildNote } from '../report-notes';
import type { BenchContext, Section } from './types';

const TITLE = '## Page load: the built extension on a page, end to end';
/** The real page the mentions are appended to, from `--pages`. */
const REAL_PAGE = 'wikipedia-2';
/** Fewer runs than this make medians of small CPU figures meaningless (except `--quick`). */
const MIN_RUNS = 7;
/** The generated pages live here, below the bench's generated folder. */
const SUBDIR = 'page-load';
/** Alias set ids of `prepareAliasSets`. */
const SEED = 'seed';
const LARGE = 'large-10k';
const LARGE_PACK_ID = 'bench-generated-aliases';

function skipped(reason: string): string {
  return [TITLE, '', `Skipped: ${reason}.`].join('\n');
}

interface Method {
  key: string;
  label: string;
  kind: 'bare' | 'extension' | 'markjs';
  /** Alias set id, for the extension and mark.js. */
  set?: string;
}

const METHODS: readonly Method[] = [
  { key: 'bare', label: 'nothing', kind: 'bare' },
  { key: `ext:${SEED}`, label: 'extension, seed pack', kind: 'extension', set: SEED },
  { key: `ext:${LARGE}`, label: 'extension, 10k aliases', kind: 'extension', set: LARGE },
  { key: `mark:${SEED}`, label: 'mark.js, seed aliases', kind: 'markjs', set: SEED },
  { key: `mark:${LARGE}`, label: 'mark.js, 10k aliases', kind: 'markjs', set: LARGE },
];

/** Run r starts at method r: over runs every method takes every position. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

interface PreparedPages {
  pages: PageLoadPage[];
  notes: string[];
}

/** Writes the section's pages below `generatedDir`; the real one only if `--pages` has it. */
async function preparePages(
  generatedDir: string,
  pagesDir: string | undefined,
  only: string | undefined,
): Promise<PreparedPages> {
  const pages = [framesStubPage(), stubPage()];
  const notes: string[] = [];
  const realFile = pagesDir === undefined ? undefined : path.join(pagesDir, `${REAL_PAGE}.html`);
  if (realFile !== undefined && existsSync(realFile)) {
    pages.push(mentionsPage(REAL_PAGE, await readFile(realFile, 'utf8')));
  } else {
    notes.push(
      `\`${REAL_PAGE}+mentions\` skipped: no \`${REAL_PAGE}.html\` in the pages folder ` +
        `(${pagesDir === undefined ? 'none: `../shared/pages` is missing' : `\`${pagesDir}\``}; see \`--pages\`).`,
    );
  }
  const wanted = only?.toLowerCase();
  const chosen =
    wanted === undefined ? pages : pages.filter((p) => p.name.toLowerCase().includes(wanted));
  const root = path.join(generatedDir, SUBDIR);
  for (const page of chosen) {
    for (const file of page.files) {
      const target = path.join(root, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.html);
    }
  }
  return { pages: chosen, notes };
}

function pageUrl(serverUrl: string, page: PageLoadPage): string {
  const file = page.entry.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl}/generated/${SUBDIR}/${file}${page.hash}`;
}

interface BundleFile {
  file: string;
  bytes: number;
  /** Listed in the manifest's `content_scripts`: every matching frame evaluates it. */
  entry: boolean;
}

/** The manifest's content-script entries, other scripts under content-scripts/, card chunks. */
async function bundleFiles(dir: string): Promise<BundleFile[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const entries = new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []));
  const all = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  const listed = all.filter(
    (file) =>
      entries.has(file) || file.startsWith('content-scripts/') || /(^|\/)card[^/]*\.js$/.test(file),
  );
  for (const entry of entries) if (!listed.includes(entry)) listed.push(entry);
  const files = await Promise.all(
    listed.map(async (file) => {
      const full = path.join(dir, file);
      return {
        file,
        bytes: existsSync(full) ? (await stat(full)).size : Number.NaN,
        entry: entries.has(file),
      };
    }),
  );
  return files.sort((a, b) => Number(b.entry) - Number(a.entry) || (a.file < b.file ? -1 : 1));
}

/** A load and the run it belongs to (loads of one run are paired in the renderer table). */
interface RunResult extends LoadResult {
  run: number;
}

type Results = Map<string, RunResult[]>;

interface Setup {
  /** The same browser launch without the extension: the nothing and mark.js loads. */
  plain?: BrowserContext;
  profiles: Map<string, ExtensionProfile>;
  regexes: Map<string, AlternationRegex>;
  /** Generated aliases in the large pack (after dropping case-folded repeats). */
  largePackAliases: number;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

async function loadOnce(
  context: BenchContext,
  setup: Setup,
  method: Method,
  url: string,
): Promise<LoadResult> {
  const watcher = [HIGHLIGHT_WATCHER];
  if (method.kind === 'extension') {
    const profile = setup.profiles.get(method.set ?? '');
    if (!profile) throw new Error(`no extension profile for ${method.set ?? '?'}`);
    const page = await profile.context.newPage();
    try {
      return await profiledLoad(page, url, {
        isOurs: isExtensionUrl,
        finished: extensionFinished,
        initScripts: watcher,
      });
    } finally {
      await page.close();
    }
  }
  if (!setup.plain) throw new Error('no browser without the extension');
  const page = await setup.plain.newPage();
  try {
    let options: LoadOptions = { isOurs: () => false, initScripts: watcher };
    if (method.kind === 'markjs') {
      const regex = setup.regexes.get(method.set ?? '');
      if (!regex) throw new Error(`no regex for ${method.set ?? '?'}`);
      options = {
        isOurs: (u) => u === MARK_SCRIPT_URL,
        finished: markJsFinished,
        initScripts: [...watcher, markJsScript(context.scripts.markJs, regex)],
      };
    }
    return await profiledLoad(page, url, options);
  } finally {
    await page.close();
  }
}

/**
 * One unmeasured load per browser: the extension's worker is up and has its matcher cached, and
 * every browser has the page's files in its cache.
 */
async function warmUp(setup: Setup, url: string): Promise<void> {
  const contexts = [
    ...(setup.plain ? [setup.plain] : []),
    ...[...setup.profiles.values()].map((p) => p.context),
  ];
  for (const context of contexts) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(WINDOW_MS / 2);
    } finally {
      await page.close();
    }
  }
}

async function measureAll(
  context: BenchContext,
  setup: Setup,
  pages: readonly PageLoadPage[],
  runs: number,
  errors: string[],
): Promise<Map<string, Results>> {
  const all = new Map<string, Results>();
  for (const [index, page] of pages.entries()) {
    const results: Results = new Map(METHODS.map((m) => [m.key, []]));
    all.set(page.name, results);
    const url = pageUrl(context.serverUrl, page);
    for (let run = 0; run < runs; run++) {
      for (const method of rotate(METHODS, run)) {
        const label = `page load [${index + 1}/${pages.length}] ${page.name} run ${run + 1}/${runs} ${method.key}`;
        try {
          const result = await loadOnce(context, setup, method, url);
          results.get(method.key)?.push({ ...result, run });
          const s = result.summary;
          const start =
            method.kind === 'extension'
              ? `, content script start ${signedMs(startSinceDcl(result))} ms after DCL` +
                (page.mentions ? `, first in view ${ms(inViewSinceStart(result))} ms after it` : '')
              : '';
          context.log(
            `${label}: ours ${ms(s.oursMs)} ms, busy ${ms(s.busyMs)} ms, ` +
              `${result.finished}/${result.documents} documents done${start}`,
          );
        } catch (error) {
          const message = `${page.name} ${method.key} run ${run + 1}: ${describeError(error)}`;
          context.log(`${label}: failed (${describeError(error)})`);
          errors.push(message);
        }
      }
    }
  }
  return all;
}

const med = (results: readonly LoadResult[], pick: (r: LoadResult) => number): number =>
  median(results.map(pick));

/** Milliseconds from `DOMContentLoaded` to a watcher time; never seen counts as infinitely late. */
function sinceDcl(result: LoadResult, pick: 'marker' | 'firstInView' | 'last'): number {
  const record = result.highlights;
  const at = record?.[pick];
  if (record === null || at === null || at === undefined) return Number.POSITIVE_INFINITY;
  return at - record.domContentLoaded;
}

/**
 * Milliseconds from `DOMContentLoaded` of the top document to the measured script's first
 * CPU-profile sample (`LoadResult.scriptStart`); NaN when that could not be placed.
 */
function startSinceDcl(result: LoadResult): number {
  const start = result.scriptStart;
  const record = result.highlights;
  return start && record ? start.at - record.domContentLoaded : Number.NaN;
}

/**
 * Milliseconds from the measured script's first sample to the first highlight in view: NaN when
 * the start could not be placed, never seen in view counts as infinitely late.
 */
function inViewSinceStart(result: LoadResult): number {
  const start = result.scriptStart;
  const at = result.highlights?.firstInView;
  if (!start) return Number.NaN;
  return at === null || at === undefined ? Number.POSITIVE_INFINITY : at - start.at;
}

/** Median of the runs' values, leaving out NaN (not measured in that run). */
function medianKnown(values: readonly number[]): number {
  return median(values.filter((v) => !Number.isNaN(v)));
}

/** Before `DOMContentLoaded` (a frame's content script, on the frames page) reads "−12". */
function signedMs(value: number): string {
  return value < 0 ? `−${ms(-value)}` : ms(value);
}

function latencyCell(values: readonly number[]): string {
  const value = medianKnown(values);
  return value === Number.POSITIVE_INFINITY ? `> ${WINDOW_MS / 1000} s` : signedMs(value);
}

function latency(results: readonly LoadResult[], pick: 'marker' | 'firstInView' | 'last'): string {
  if (results.length === 0) return 'n/a';
  return latencyCell(results.map((r) => sinceDcl(r, pick)));
}

function finishedCell(results: readonly LoadResult[]): string {
  if (results.length === 0) return 'n/a';
  const documents = Math.max(...results.map((r) => r.documents));
  const finished = Math.min(...results.map((r) => r.finished));
  return `${finished}/${documents}`;
}

/** A median with the fastest run beside it: other load on the machine only ever adds time. */
function withMin(results: readonly LoadResult[], medianMs: number): string {
  if (results.length === 0) return 'n/a';
  return `${ms(medianMs)} (${ms(Math.min(...results.map((r) => r.summary.oursMs)))})`;
}

interface SetRow {
  cells: string[];
  passes: boolean[];
}

function setRow(page: PageLoadPage, set: AliasSet, results: Results): SetRow {
  const ours = results.get(`ext:${set.id}`) ?? [];
  const mark = results.get(`mark:${set.id}`) ?? [];
  const oursMs = med(ours, (r) => r.summary.oursMs);
  const perDocument = oursMs / page.documents;
  const markMs = med(mark, (r) => r.summary.oursMs);
  const share = ratio(oursMs, markMs);
  const budgets: string[] = [];
  const passes: boolean[] = [];
  const judge = (label: string, pass: boolean) => {
    budgets.push(`${label} ${verdict(pass)}`);
    passes.push(pass);
  };
  const b = PAGE_LOAD_BUDGET;
  if (!page.mentions && page.documents > 1) {
    judge(`≤ ${b.noMentionDocumentMs} ms/document`, perDocument <= b.noMentionDocumentMs);
  } else if (!page.mentions) {
    judge(`≤ ${b.stubMs} ms`, oursMs <= b.stubMs);
  } else {
    const maxShare = b.maxMarkShare[set.id];
    if (maxShare !== undefined) judge(`≤ ${maxShare}× mark.js`, share <= maxShare);
    const first = medianKnown(ours.map(inViewSinceStart));
    judge(`first in view ≤ ${b.firstHighlightMs} ms after start`, first <= b.firstHighlightMs);
  }
  return {
    passes,
    cells: [
      page.name,
      finishedCell(ours),
      withMin(ours, oursMs),
      ms(perDocument),
      ms(med(ours, (r) => r.summary.evaluationMs)),
      withMin(mark, markMs),
      finishedCell(mark),
      times(share),
      ours.length > 0 ? latencyCell(ours.map(startSinceDcl)) : 'n/a',
      latency(ours, 'marker'),
      page.mentions ? latency(ours, 'firstInView') : '—',
      page.mentions && ours.length > 0 ? latencyCell(ours.map(inViewSinceStart)) : '—',
      page.mentions ? latency(ours, 'last') : '—',
      page.mentions ? count(med(ours, (r) => r.highlights?.ranges ?? Number.NaN)) : '—',
      budgets.join(' · '),
    ],
  };
}

const SET_HEAD = [
  'page',
  'documents marked',
  'ours CPU ms (min)',
  'per document ms',
  'of which evaluation ms',
  'mark.js CPU ms (min)',
  'documents mark.js did',
  'ours/mark.js',
  'content script start ms',
  'scan done ms',
  'first highlight in view ms',
  'first highlight in view after start ms',
  'last highlight ms',
  'mention ranges',
  'budgets',
];

function setTable(
  set: AliasSet,
  title: string,
  pages: readonly PageLoadPage[],
  all: ReadonlyMap<string, Results>,
): string {
  const rows = pages.map((page) => setRow(page, set, all.get(page.name) ?? new Map()));
  return [
    `### ${title}`,
    '',
    table(
      SET_HEAD,
      rows.map((r) => r.cells),
    ),
  ].join('\n');
}

/**
 * Whole renderer: busy time with each method minus the page loaded with nothing in the same
 * run (paired, so a machine getting busier or quieter over the section cancels out), medians.
 */
function rendererTable(pages: readonly PageLoadPage[], all: ReadonlyMap<string, Results>): string {
  const others = METHODS.filter((m) => m.kind !== 'bare');
  const signed = (value: number) =>
    Number.isFinite(value) ? `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}` : 'n/a';
  const rows = pages.map((page) => {
    const results = all.get(page.name) ?? new Map<string, RunResult[]>();
    const bare = results.get('bare') ?? [];
    const bareByRun = new Map(bare.map((r) => [r.run, r]));
    const delta = (runs: readonly RunResult[], pick: (r: LoadResult) => number) =>
      median(
        runs.flatMap((r) => {
          const base = bareByRun.get(r.run);
          return base ? [pick(r) - pick(base)] : [];
        }),
      );
    return [
      page.name,
      `${ms(med(bare, (r) => r.summary.busyMs))} (${ms(med(bare, (r) => r.summary.programMs))} / ${ms(med(bare, (r) => r.summary.gcMs))})`,
      ...others.map((method) => {
        const runs = results.get(method.key) ?? [];
        const busy = delta(runs, (r) => r.summary.busyMs);
        const program = delta(runs, (r) => r.summary.programMs);
        const gc = delta(runs, (r) => r.summary.gcMs);
        return `${signed(busy)} (${signed(program)} / ${signed(gc)})`;
      }),
    ];
  });
  return table(
    ['page', 'nothing: busy ms (program / GC)', ...others.map((m) => `${m.label}: Δ busy ms`)],
    rows,
  );
}

/**
 * Whether the frames' content scripts are in the profile: the frames page's figure over the
 * stub's, which a profile of the top document's scripts alone would keep near 1×.
 */
function framesCheck(pages: readonly PageLoadPage[], all: ReadonlyMap<string, Results>): string[] {
  const frames = pages.find((p) => !p.mentions && p.documents > 1);
  const stub = pages.find((p) => !p.mentions && p.documents === 1);
  if (!frames || !stub) return [];
  const lines = [SEED, LARGE].map((set) => {
    const of = (page: PageLoadPage) =>
      med(all.get(page.name)?.get(`ext:${set}`) ?? [], (r) => r.summary.oursMs);
    return `${set === SEED ? 'seed' : '10k'} ${times(ratio(of(frames), of(stub)))}`;
  });
  return [
    `Frames check: \`${frames.name}\` (${frames.documents} documents) over \`${stub.name}\` ` +
      `(1): ${lines.join(', ')}. A profile of the top document's scripts alone would keep ` +
      `this near 1×, and every document's content script registered \`fact-lens-active\` ` +
      '(_documents marked_). Less than ' +
      `${frames.documents}×, most likely because the frames evaluate the same script in the ` +
      'same isolate and V8 reuses the code it compiled for the first document, and because the ' +
      'top document does some work frames do not (it answers the popup).',
    '',
  ];
}

/** Where the extension's samples are, averaged over the runs of each page and alias set. */
function breakdownTable(
  pages: readonly PageLoadPage[],
  sets: readonly AliasSet[],
  all: ReadonlyMap<string, Results>,
): string {
  const rows: string[][] = [];
  for (const page of pages) {
    for (const set of sets) {
      const runs = all.get(page.name)?.get(`ext:${set.id}`) ?? [];
      if (runs.length === 0) continue;
      const mean = (pick: (r: LoadResult) => ReadonlyMap<string, number>) => {
        const sum = new Map<string, number>();
        for (const r of runs) {
          for (const [key, value] of pick(r)) sum.set(key, (sum.get(key) ?? 0) + value);
        }
        return topOf(sum, 4)
          .map(([key, value]) => `${key}: ${ms(value / runs.length)}`)
          .join('; ');
      };
      rows.push([
        page.name,
        set.id === SEED ? 'seed' : '10k',
        mean((r) => r.summary.entries),
        mean((r) => r.summary.selfFrames),
      ]);
    }
  }
  return table(
    ['page', 'pack', 'by outermost frame of ours (ms per load)', 'by top frame (ms per load)'],
    rows,
  );
}

function bundleTable(files: readonly BundleFile[]): string {
  const b = PAGE_LOAD_BUDGET.bootstrapBytes;
  return table(
    ['file', 'size', 'bytes', 'evaluated by every frame', 'budget'],
    files.map((f) => [
      `\`${f.file}\``,
      bytes(f.bytes),
      count(f.bytes),
      f.entry ? 'yes (manifest content script)' : 'no',
      f.entry ? `≤ ${bytes(b)} ${verdict(f.bytes <= b)}` : '—',
    ]),
  );
}

/** How well the content script's start was placed, over every extension load. */
interface StartStats {
  loads: number;
  /** Loads where it was (`LoadResult.scriptStart` not null). */
  placed: number;
  /** `ScriptStart.lateByAtMostMs` over the placed loads. */
  lateMedianMs: number;
  lateMaxMs: number;
}

function startStats(all: ReadonlyMap<string, Results>): StartStats {
  const loads = [...all.values()].flatMap((results) =>
    METHODS.filter((m) => m.kind === 'extension').flatMap((m) => results.get(m.key) ?? []),
  );
  const late = loads.flatMap((r) => (r.scriptStart ? [r.scriptStart.lateByAtMostMs] : []));
  return {
    loads: loads.length,
    placed: late.length,
    lateMedianMs: median(late),
    lateMaxMs: late.length > 0 ? Math.max(...late) : Number.NaN,
  };
}

function method(
  source: string,
  builtAt: Date,
  setup: Setup,
  runs: number,
  load: { start: number; end: number },
  pages: readonly PageLoadPage[],
  starts: StartStats,
): string {
  const seed = setup.profiles.get(SEED);
  const large = setup.profiles.get(LARGE);
  const frames = pages.find((p) => p.documents > 1);
  const b = PAGE_LOAD_BUDGET;
  return [
    `**Build.** \`${source}\` (manifest written ${builtAt.toISOString()}), copied to a temp ` +
      'folder first so a rebuild during the run cannot change what is measured, loaded ' +
      'unpacked into fresh headless Chromium profiles (`launchWithExtension`, as the e2e ' +
      'fixture does), offline. One profile keeps the seed pack the extension installs on its ' +
      `own (${count(seed?.aliases ?? Number.NaN)} aliases; \`getMatcher\`'s reply ` +
      `${bytes(seed?.matcherJsonChars ?? Number.NaN)} of JSON); the other also has a pack ` +
      `installed from \`options.html\` with \`installPack\` (\`${LARGE_PACK_ID}\`: one ` +
      `entity per generated alias of the page benchmark's 10,000-alias set, ` +
      `${count(setup.largePackAliases)} after dropping case-folded repeats, ` +
      `\`scripts/bench/alias-pack.ts\`), ${count(large?.aliases ?? Number.NaN)} aliases in all, ` +
      `\`getMatcher\`'s reply ${bytes(large?.matcherJsonChars ?? Number.NaN)}. Each profile asks ` +
      'for the matcher once and loads a page once before the measured loads, so the ' +
      "background's compiled matcher is cached; the background's own work is in another " +
      'process and not in these figures, only in the latencies.',
    '',
    `**Pages** (generated into the bench's temp folder, served from 127.0.0.1): ` +
      pages.map((p) => `\`${p.name}\`: ${p.description}`).join('; ') +
      `. The article of \`${REAL_PAGE}+mentions\` names ${MENTION_NAMES.length} seed-pack ` +
      'entities by aliases without context terms; the page is loaded with its fragment, so ' +
      'the browser scrolls to the article and its mentions are in the viewport.',
    '',
    `**Loads.** For each page, ${runs} runs of five loads, in an order rotated from run to ` +
      'run: the page with nothing added, with the extension and each pack (a fresh tab in ' +
      'that profile), and with mark.js and each alias set. The nothing and mark.js loads are ' +
      'fresh tabs in a third profile, launched the same way but without the extension, so ' +
      'all five share flags, headless mode and a warm HTTP cache (each profile loads a page ' +
      'once first). Closing the previous tab first, every load gets a new renderer process: ' +
      'cold JIT, as on a real navigation. Each load: a CDP session on ' +
      `the new tab, \`Profiler.setSamplingInterval\` ${SAMPLING_INTERVAL_US} µs, ` +
      '`Profiler.start`, navigation, `Profiler.stop` ' +
      `${WINDOW_MS / 1000} s after navigation began (or at \`load\`, if later). The profile ` +
      "is of the tab's renderer: same-origin frames and the content scripts' isolated worlds " +
      'share its V8 isolate, so every frame is in it' +
      (frames ? ` (see the frames check below the whole-renderer table)` : '') +
      '. Figures are medians of the runs.',
    '',
    '**Attribution** (`scripts/bench/cpu-profile.ts`). A sample stands for the time until ' +
      'the next one. It is ours when its top frame is in a `chrome-extension://` script (the ' +
      'content script or a chunk it loads), or when its top frame has no URL (a native or DOM ' +
      'function, a builtin, a regular expression) and the nearest caller with a URL is ours: ' +
      'what our code asks of the browser is our cost. mark.js is injected as an init script ' +
      `named \`${MARK_SCRIPT_URL}\` by \`sourceURL\`: in each document, a task after ` +
      '`DOMContentLoaded`, a runner evaluates mark.js and calls `markRegExp(re, ' +
      '{ acrossElements: false })`, `re` one alternation of the same alias texts as in the ' +
      'page benchmark; its samples are counted by the same rule. (mark.js is evaluated then ' +
      "rather than at the document's start because CDP restarts the profiler for each new " +
      'document, and in some loads a moment after the document has started; the content ' +
      'script runs later still, at `document_idle`.) Not attributable to any ' +
      "script, so in neither figure: V8's `(program)` samples (compiling a script before it " +
      'runs, decoding an extension message before its callback, style, layout, paint) and ' +
      '`(garbage collector)`. The whole-renderer table catches those: busy time (every ' +
      'sample but idle) minus the same page loaded with nothing.',
    '',
    `**Columns.** _documents marked_: fewest documents (of all in the tab) whose \`CSS.highlights\` ` +
      'had `fact-lens-active` at the end of the window, over the runs (the content script ' +
      'registers it when its first scan is done, mentions or not); _documents mark.js did_: ' +
      "likewise, documents where mark.js's `done` ran. _per document_: ours divided by the " +
      'documents of the page (top one and frames). _of which evaluation_: samples under the ' +
      "content script's top-level code (the bundle's module code and `main()` up to its first " +
      '`await`). _scan done_, _first highlight in view_, _last highlight_: from ' +
      '`DOMContentLoaded` of the top document until `fact-lens-active` was registered, a ' +
      'range of a `fact-lens-<kind>` highlight was first in the viewport ' +
      '(`getBoundingClientRect` of the range), and the number of mention ranges last changed. ' +
      "An init script in the page's main world checks `CSS.highlights` every 5 ms and stamps " +
      'each change with the time of the next animation frame, the frame that paints it (so ' +
      'within about a frame). Top document only. _content script start_: from ' +
      "`DOMContentLoaded` to the first sample of the load's CPU profile with a frame of a " +
      "`chrome-extension://` script anywhere on its stack: when the content script's code " +
      'began to run (`document_idle`, after the browser compiled it), in whichever document ' +
      "ran it first: on the frames page possibly a frame, so it can precede the top document's " +
      '`DOMContentLoaded` (the profile does not say which document a sample is from). ' +
      '_first highlight in view after ' +
      'start_: from that sample to the frame of _first highlight in view_, per load, then the ' +
      'median: our part of the latency, without the wait for `document_idle`, which is the ' +
      "browser's. " +
      `"> ${WINDOW_MS / 1000} s": not within the window in most runs.`,
    '',
    '**Clocks** (`scripts/bench/profile-clock.ts`). The profile stamps samples in microseconds ' +
      "of Chromium's monotonic clock; the top document's `performance.now()` counts from its " +
      'navigation start on that clock, which CDP `Performance.getMetrics` reports as ' +
      '`NavigationStart` (read after `Profiler.stop`). A sample at `t` µs is at ' +
      '`t / 1000 − NavigationStart × 1000` ms in the page (`NavigationStart` in seconds). ' +
      'Checked by ' +
      '`scripts/bench/clock-check.ts`: page code busy-looping at known `performance.now()` ' +
      'times, the offset derived from where their samples fall agrees with `NavigationStart` to ' +
      "about 0.1 ms (the samples' own jitter, up to ~1 ms on this busy machine, sets the worst " +
      'case), and a throwaway extension whose content script marks the timeline as its first ' +
      "statement has its first sample between the mark and the mark plus the sample's gap " +
      '(within 0.3 ms). The first ' +
      'sample of ours is late by up to the time since the sample before it: ' +
      `${ms(starts.lateMedianMs)} ms median, ${ms(starts.lateMaxMs)} ms at most over ` +
      `${starts.placed} extension loads` +
      (starts.placed < starts.loads
        ? ` (${starts.loads - starts.placed} more without a start: no sample of ours, no ` +
          "`NavigationStart`, or ours was the profile's first sample; left out of the medians)"
        : '') +
      '; each start is late by at most its gap plus the clock error, which makes _after start_ ' +
      'shorter by as much (the budget errs that way by about a sampling interval).',
    '',
    `**Budgets.** A page naming nothing: ≤ ${b.noMentionDocumentMs} ms per document ` +
      `(frames page) and ≤ ${b.stubMs} ms (stub), with either pack; with mentions ≤ ` +
      `${b.maxMarkShare[SEED] ?? '?'}× mark.js (seed) and ≤ ${b.maxMarkShare[LARGE] ?? '?'}× ` +
      `(10k), first highlight in view ≤ ${b.firstHighlightMs} ms after the content script ` +
      'starts (_first highlight in view after start_; the column from `DOMContentLoaded` is ' +
      'kept beside it, unjudged); ' +
      `the script every frame evaluates ≤ ${bytes(b.bootstrapBytes)}.`,
    '',
    'CPU profiles measure wall time between samples: whatever else the machine runs shows up ' +
      'in them, which is why the fastest run is given beside each median. Load average (1 ' +
      `min) when the section started: ${load.start.toFixed(1)}, when it ended: ` +
      `${load.end.toFixed(1)}, on ${os.cpus().length} cores.`,
  ].join('\n');
}

async function run(context: BenchContext): Promise<string> {
  const { options, projectRoot, aliasSets, log } = context;
  const seedSet = aliasSets.find((s) => s.id === SEED);
  const largeSet = aliasSets.find((s) => s.id === LARGE);
  if (!seedSet || !largeSet) return skipped('the seed and 10k alias sets are missing');
  // The test-hooks build by default: a document's first scan is done when `fact-lens-active`
  // is registered, which `npm run build` never does (pages read CSS.highlights too).
  const build = await checkExtensionBuild(projectRoot, options.extensionDir, { testHooks: true });
  if (!build.ok) {
    log(`page load skipped: ${build.reason}`);
    return skipped(build.reason);
  }
  const { pages, notes } = await preparePages(context.generatedDir, options.pagesDir, options.only);
  if (pages.length === 0) {
    return skipped(`no page of this section has a name containing "${options.only ?? ''}"`);
  }
  const runs = options.quick ? options.runs : Math.max(MIN_RUNS, options.runs);
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;
  const relative = path.relative(projectRoot, build.dir);
  const source = relative.startsWith('..') || relative === '' ? build.dir : relative;

  const seedPackId = seedSet.aliases[0]?.packId;
  const pack = aliasPack(
    largeSet.aliases.filter((a) => a.packId !== seedPackId),
    { id: LARGE_PACK_ID, title: 'Generated aliases (bench)' },
  );
  const setup: Setup = {
    profiles: new Map(),
    regexes: new Map([
      [SEED, seedSet.regex],
      [LARGE, alternationRegex([...seedSet.aliases, ...packAliases(pack)])],
    ]),
    largePackAliases: pack.entities.length,
  };
  const errors: string[] = [];
  let all: Map<string, Results>;
  let files: BundleFile[];
  const closeAll = async () => {
    for (const profile of setup.profiles.values()) await profile.close().catch(() => undefined);
    await setup.plain?.close().catch(() => undefined);
  };
  const copy = await copyBuild(build.dir, 'fact-lens-page-load-ext-');
  try {
    files = await bundleFiles(copy.dir);
    try {
      log('page load: starting Chromium without the extension…');
      setup.plain = await launchWithoutExtension();
      log('page load: starting the extension (seed pack)…');
      setup.profiles.set(SEED, await startExtensionProfile(copy.dir));
      log(`page load: starting the extension, installing ${count(pack.entities.length)} aliases…`);
      setup.profiles.set(LARGE, await startExtensionProfile(copy.dir, JSON.stringify(pack)));
    } catch (error) {
      await closeAll();
      const reason = `the extension could not be started: ${describeError(error)}`;
      log(`page load skipped: ${reason}`);
      return skipped(reason);
    }
    try {
      const warm = pages.find((p) => p.documents > 1) ?? pages[0];
      if (warm) await warmUp(setup, pageUrl(context.serverUrl, warm));
      all = await measureAll(context, setup, pages, runs, errors);
    } finally {
      await closeAll();
    }
  } finally {
    await copy.remove();
  }

  const parts = [
    TITLE,
    '',
    setTable(
      seedSet,
      `Seed pack (${count(setup.profiles.get(SEED)?.aliases ?? Number.NaN)} aliases)`,
      pages,
      all,
    ),
    '',
    setTable(
      largeSet,
      `10,000 aliases (seed pack + ${count(setup.largePackAliases)} generated, ${count(setup.profiles.get(LARGE)?.aliases ?? Number.NaN)} in the extension)`,
      pages,
      all,
    ),
    '',
    '### Whole renderer: busy time over the page loaded with nothing',
    '',
    "Every non-idle sample of the tab's renderer in the window, median; in brackets the " +
      '`(program)` and `(garbage collector)` parts. For the others, the median over the runs ' +
      'of the difference from the page loaded with nothing in the same run: what the ' +
      'extension or mark.js costs the renderer in all, including what no script is charged ' +
      'for (compiling, message decoding, GC, style and layout). Noisier than the script ' +
      'figures: it also holds everything else the renderer did, on a shared machine.',
    '',
    rendererTable(pages, all),
    '',
    ...framesCheck(pages, all),
    "### Where the extension's samples are",
    '',
    'Means per load over the runs, the four largest: by the outermost frame of ours on the ' +
      "stack (`script evaluation` is the bundle's top-level code) and by the sample's own top " +
      'frame (`(native)`: a builtin or DOM function called by our code).',
    '',
    breakdownTable(pages, [seedSet, largeSet], all),
    '',
    '### Scripts of the build',
    '',
    bundleTable(files),
    '',
  ];
  for (const note of notes) parts.push(note, '');
  const failed = failedLoadsNote(errors);
  if (failed) parts.push(failed, '');
  const stale = staleBuildNote(build.newerSources, 'npm run build:test-hooks');
  if (stale) parts.push(stale, '');
  const load = { start: loadAtStart, end: os.loadavg()[0] ?? Number.NaN };
  parts.push(method(source, build.builtAt, setup, runs, load, pages, startStats(all)));
  return parts.join('\n');
}

export const pageLoadSection: Section = { id: 'page-load', run, ownPages: true };
