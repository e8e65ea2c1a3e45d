/**
 * Scan + match + paint per page, against the text-reading floor and mark.js `markRegExp`, with
 * each alias set; and the same work sliced as the content script runs it, for the longest task.
 * The floor is measured once per run and shared by both alias sets' tables.
 */
import type { AliasSet } from '../alias-sets';
import { MAX_TASK_MS } from '../budgets';
import { bytes, count, ms, table, times, verdict } from '../markdown';
import type { Call, Measurement } from '../measure-page';
import { isTimeout, measureInFreshPage } from '../measure-page';
import type { ScanPhase } from '../mark-page';
import type { MethodResult } from '../page-api';
import type { BenchPage } from '../pages';
import { median, ratio } from '../stats';
import type { BenchContext, Section } from './types';

/** Floor and ours never come near this; it only stops a hung page from stalling the run. */
const OWN_TIMEOUT_MS = 120_000;

interface Method {
  key: string;
  call: Call;
  timeoutMs: number;
}

function methodsFor(aliasSets: readonly AliasSet[], markTimeoutMs: number): Method[] {
  return [
    { key: 'floor', call: { kind: 'floor' }, timeoutMs: OWN_TIMEOUT_MS },
    ...aliasSets.map((set) => ({
      key: `ours:${set.id}`,
      call: { kind: 'ours', compiledJson: set.compiledJson } as const,
      timeoutMs: OWN_TIMEOUT_MS,
    })),
    ...aliasSets.map((set) => ({
      key: `sliced:${set.id}`,
      call: { kind: 'oursSliced', compiledJson: set.compiledJson } as const,
      timeoutMs: OWN_TIMEOUT_MS,
    })),
    ...aliasSets.map((set) => ({
      key: `mark:${set.id}`,
      call: { kind: 'markRegExp', regex: set.regex } as const,
      timeoutMs: markTimeoutMs,
    })),
  ];
}

/** Run r starts at method r: over runs every method takes every position (warm-up, GC, heat). */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

type Results = Map<string, Measurement[]>;

async function measurePage(
  context: BenchContext,
  page: BenchPage,
  label: string,
): Promise<Results> {
  const { options, browser, serverUrl, scripts, aliasSets, log } = context;
  const methods = methodsFor(aliasSets, options.markTimeoutMs);
  const results: Results = new Map(methods.map((m) => [m.key, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const method of rotate(methods, run)) {
      const done = results.get(method.key) ?? [];
      // One cut-off is enough to know the answer is "> limit"; more would only cost minutes.
      if (done.some(isTimeout)) {
        done.push({ timedOut: true });
        continue;
      }
      const url = serverUrl + page.urlPath;
      const result = await measureInFreshPage(browser, url, scripts, method.call, method.timeoutMs);
      done.push(result);
      const shown = isTimeout(result) ? 'cut off' : `${ms(result.ms)} ms`;
      log(`${label} ${page.name} run ${run + 1}/${options.runs} ${method.key}: ${shown}`);
    }
  }
  return results;
}

/** Median with cut-off runs counted as infinitely slow, so a mostly-cut-off method shows "> N". */
function medianMs(measurements: readonly Measurement[]): number {
  return median(measurements.map((m) => (isTimeout(m) ? Number.POSITIVE_INFINITY : m.ms)));
}

function completed(measurements: readonly Measurement[] | undefined): MethodResult[] {
  return (measurements ?? []).filter((m): m is MethodResult => !isTimeout(m));
}

interface Row {
  cells: string[];
  /** The same page's line of the phase table, from the same medians. */
  phaseCells: string[];
  /** The one budget judged here: no task over MAX_TASK_MS. */
  passes: [boolean];
}

function row(page: BenchPage, set: AliasSet, results: Results, markTimeoutMs: number): Row {
  const floorRuns = completed(results.get('floor'));
  const oursRuns = completed(results.get(`ours:${set.id}`));
  const slicedRuns = completed(results.get(`sliced:${set.id}`));
  const markAll = results.get(`mark:${set.id}`) ?? [];
  const floorMs = median(floorRuns.map((r) => r.ms));
  const oursMs = median(oursRuns.map((r) => r.ms));
  const markMs = medianMs(markAll);
  const markCut = markMs === Number.POSITIVE_INFINITY;
  // With mark.js cut off, its ratio is only known to be at least limit / ours.
  const markRatio = ratio(markCut ? markTimeoutMs : markMs, oursMs);
  const floorRatio = ratio(oursMs, floorMs);
  // The longest task is the sliced run's: that is how the extension marks a page.
  const taskRuns = slicedRuns.map((r) => r.longestTaskMs);
  // The budget is "never over 50 ms", so the verdict goes by the worst run, not the median.
  const longest = Math.max(...taskRuns);
  const longTaskEntries = slicedRuns.some((r) => r.longTasks > 0);
  const mentions = median(oursRuns.map((r) => r.count));
  const marks = median(completed(markAll).map((r) => r.count));
  const passes: Row['passes'] = [longest <= MAX_TASK_MS];
  return {
    passes,
    phaseCells: phaseCells(page.name, floorMs, oursMs, oursRuns),
    cells: [
      page.name,
      bytes(page.bytes),
      count(median(floorRuns.map((r) => r.count))),
      count(median(floorRuns.map((r) => r.chars ?? Number.NaN))),
      ms(floorMs),
      ms(oursMs),
      times(floorRatio),
      markCut ? `> ${markTimeoutMs / 1000} s` : ms(markMs),
      markCut ? `> ${times(markRatio)}` : times(markRatio),
      ms(median(slicedRuns.map((r) => r.ms))),
      // † marks a figure that came from a longtask entry rather than our own timing.
      `${ms(median(taskRuns))} / ${ms(longest)}${longTaskEntries ? ' †' : ''}`,
      `${count(mentions)} (${count(marks)})`,
      `≤${MAX_TASK_MS} ms ${verdict(passes[0])}`,
    ],
  };
}

const HEAD = [
  'page',
  'size',
  'text nodes',
  'text chars',
  'floor ms',
  'ours ms',
  'ours/floor',
  'mark.js ms',
  'mark.js/ours',
  'sliced ms',
  'longest task ms, sliced (median / worst)',
  'mentions (mark.js)',
  'budget: longest task',
];

const PHASES: readonly ScanPhase[] = ['decode', 'walk', 'match', 'paint'];

/** Where ours spent its time on one page: the median of each phase over the same runs. */
function phaseCells(name: string, floorMs: number, oursMs: number, runs: MethodResult[]): string[] {
  const phase = (key: ScanPhase) => median(runs.map((r) => r.phases?.[key] ?? Number.NaN));
  return [
    name,
    ms(floorMs),
    ...PHASES.map((key) => ms(phase(key))),
    ms(oursMs),
    times(ratio(phase('walk'), floorMs)),
    times(ratio(phase('match'), floorMs)),
  ];
}

const PHASE_HEAD = [
  'page',
  'floor ms',
  'decode ms',
  'walk ms',
  'match ms',
  'paint ms',
  'ours ms',
  'walk/floor',
  'match/floor',
];

function setTable(
  set: AliasSet,
  pages: readonly BenchPage[],
  all: ReadonlyMap<BenchPage, Results>,
  markTimeoutMs: number,
): string {
  const rows = pages.map((page) => row(page, set, all.get(page) ?? new Map(), markTimeoutMs));
  const within = `${rows.filter((r) => r.passes[0]).length}/${rows.length}`;
  return [
    `### ${set.title}`,
    '',
    `Compiled matcher: ${bytes(Buffer.byteLength(set.compiledJson))} of JSON; mark.js regex: ` +
      `${bytes(set.regex.source.length)} of source.`,
    '',
    table(
      HEAD,
      rows.map((r) => r.cells),
    ),
    '',
    `Pages within the longest-task budget (≤ ${MAX_TASK_MS} ms): ${within}. The floor and ` +
      'mark.js ratios are diagnostics, no longer budgets (issue 13: what a page pays is judged ' +
      'end to end in the page-load section).',
    '',
    'Where ours spends its time, phase by phase (medians of the same runs):',
    '',
    table(
      PHASE_HEAD,
      rows.map((r) => r.phaseCells),
    ),
  ].join('\n');
}

const NOTES = `Columns:

- **size**: the HTML file; **text nodes**, **text chars**: what the floor read under \`<body>\`.
- **floor**: one \`TreeWalker\` pass over \`document.body\` reading every text node's value; the
  least any scanner must do.
- **ours**: \`JSON.parse\` of the compiled matcher, then the content script's pieces in one
  synchronous pass (\`scripts/bench/mark-page.ts\`): the walk, matching every mention
  (density \`all\`), and painting with \`CSS.highlights\`.
  The browser's rendering of the highlights happens in the next frame and is not in this figure.
  The floor and mark.js ratios are of this synchronous figure.
- **mark.js**: \`new Mark(document.body).markRegExp(re, { acrossElements: false })\` with one
  alternation of the same aliases (\`giu\`, longest first, word-boundary lookarounds on Latin
  ends), timed until its \`done\` callback. It wraps every match in a \`<mark>\` element; the
  relayout that follows is not in the figure. It applies no case rules or context terms and
  does not join text across inline elements, so its mark count differs from our mentions.
- **ratios** are of the medians in the same table, measured in the same runs. "> N s" means
  mark.js was cut off; after one cut-off the remaining runs of that cell are skipped.
- **sliced**: what the content script does: \`JSON.parse\`, then \`startMarking(document,
  compiled, { scheduler })\` with \`createSliceScheduler()\` (slices of ~8 ms, one task each),
  timed until the scheduler is idle. Wall time, so it includes whatever the page and the
  browser (rendering, between slices) did meanwhile.
- **longest task**: of the sliced run, since that is what a page experiences. Per run, the
  longest of: our first task (parse, matcher build, queueing the scan), the longest slice, and
  the \`longtask\` entries overlapping the window from the start until two frames after idle,
  which takes in the rendering of the highlights (Chromium reports only tasks of 50 ms or
  more; † marks rows where one was seen). Median and worst of the runs, the verdict by the
  worst. A page's own scripts could add a long task in that window too.
- **mentions**: median painted by ours (median marks made by mark.js).
- **phases** of ours, timed inside the same runs (between the steps of that pass): **decode** is
  \`JSON.parse\` and reviving the matcher's tables; **walk** is the pass that collects text
  segments per block (skipped regions, shadow roots); **match** is the automaton over every
  segment, context gating, overlap resolution and the ranges; **paint** registers the
  highlights. Medians of each phase need not add up to the median of ours. When walk/floor and
  match/floor together pass the budget's ratio, no saving in decode or paint can meet it.`;

async function run(context: BenchContext): Promise<string> {
  const { pages, aliasSets, options } = context;
  const all = new Map<BenchPage, Results>();
  for (const [index, page] of pages.entries()) {
    all.set(page, await measurePage(context, page, `[${index + 1}/${pages.length}]`));
  }
  return [
    '## Page scan: scan + match + paint',
    '',
    ...aliasSets.flatMap((set) => [setTable(set, pages, all, options.markTimeoutMs), '']),
    NOTES,
  ].join('\n');
}

export const pageScanSection: Section = { id: 'page-scan', run };
