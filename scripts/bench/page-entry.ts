/**
 * Runs inside the benchmarked page, bundled by bundle.ts into one IIFE that sets
 * `window.FactLensBench` (see page-api.ts). Each method times its own work with
 * `performance.now()` in the page, so no CDP round trip is in the figures.
 */
import type { CompiledMatcher } from '../../lib/engine/types';
import type { BenchGlobal, FactLensBenchApi, MethodResult } from './page-api';
import { BENCH_GLOBAL } from './page-api';
import { markPage, type ScanPhase } from './mark-page';
import { createHighlightPainter } from '../../lib/engine/page/painter';
import { createSliceScheduler } from '../../lib/engine/page/scheduler';
import { timeSlices } from './slice-timing';
import { startMarking } from '../../lib/engine/page/start';
import { localScanner } from '../../lib/engine/page/scanner';
import { Matcher } from '../../lib/engine/matcher/matcher';
import { createRelevance } from '../../lib/engine/page/relevance';

/** The part of mark.js (injected before this bundle, from node_modules/mark.js) that we call. */
interface MarkJs {
  markRegExp(
    regexp: RegExp,
    options: { acrossElements: boolean; done: (marks: number) => void },
  ): void;
}
declare const Mark: new (context: Element) => MarkJs;

interface Outcome {
  count: number;
  chars?: number;
  phases?: Record<ScanPhase, number>;
  /** Longest task of our own when the work spanned several; by default the whole work was one. */
  ownLongestTaskMs?: number;
}

const longTaskApi =
  typeof PerformanceObserver !== 'undefined' &&
  PerformanceObserver.supportedEntryTypes.includes('longtask');
const longTasks: PerformanceEntry[] = [];
const observer = longTaskApi
  ? new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
  : undefined;
observer?.observe({ type: 'longtask', buffered: true });

/** After the next rendered frame; the timeout keeps a page that never renders from hanging. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 500);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/**
 * Times `work`, then waits two frames so the rendering it caused (highlight painting, or
 * mark.js's relayout) lands in the long-task window too. Long tasks in the window, rendering
 * between slices included, count towards the longest task.
 */
async function measured(work: () => Outcome | Promise<Outcome>): Promise<MethodResult> {
  // Start inside a task of the page's own event loop (the continuation after a timer runs in
  // the timer's task): code run by a CDP evaluate is no task to Chromium's scheduler, so the
  // longtask API would never report it, however long it took.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const start = performance.now();
  const { ownLongestTaskMs, ...outcome } = await work();
  const ms = performance.now() - start;
  await settle();
  const end = performance.now();
  const overlapping = [...longTasks, ...(observer?.takeRecords() ?? [])].filter(
    (entry) => entry.startTime < end && entry.startTime + entry.duration > start,
  );
  const longest = Math.max(ownLongestTaskMs ?? ms, ...overlapping.map((entry) => entry.duration));
  return { ...outcome, ms, longestTaskMs: longest, longTasks: overlapping.length, longTaskApi };
}

function floor(): Promise<MethodResult> {
  return measured(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    let chars = 0;
    // Reading nodeValue is the point: it is the least any scanner has to do.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count++;
      chars += node.nodeValue?.length ?? 0;
    }
    return { count, chars };
  });
}

function ours(compiledJson: string): Promise<MethodResult> {
  return measured(() => {
    const painter = createHighlightPainter(CSS.highlights);
    // Parsing is measured on purpose (in `decode`): a content script receives the matcher as JSON.
    const { mentions, phases } = markPage(document, compiledJson, painter);
    return { count: mentions, phases };
  });
}

/** What the content script does: the same work in slices of a few ms, timed until idle. */
function oursSliced(compiledJson: string): Promise<MethodResult> {
  return measured(async () => {
    const started = performance.now();
    const compiled = JSON.parse(compiledJson) as CompiledMatcher;
    const slices = timeSlices(createSliceScheduler());
    const scheduler = slices.scheduler;
    // A large page matches locally, as the content script does past the small-document limit.
    const marker = startMarking(document, localScanner(Matcher.fromCompiled(compiled)), {
      scheduler,
      relevance: { create: createRelevance },
    });
    // Parsing, building the matcher and queueing the scan run in this first task, before any slice.
    const firstTaskMs = performance.now() - started;
    await scheduler.whenIdle();
    return {
      count: marker.index.visible().length,
      ownLongestTaskMs: Math.max(firstTaskMs, slices.longestSliceMs()),
    };
  });
}

function markRegExp(source: string, flags: string): Promise<MethodResult> {
  return measured(
    () =>
      new Promise<Outcome>((resolve) => {
        new Mark(document.body).markRegExp(new RegExp(source, flags), {
          acrossElements: false,
          done: (marks) => resolve({ count: marks }),
        });
      }),
  );
}

// Assigned explicitly rather than left to the IIFE's `var`: init scripts run inside a function.
const api: FactLensBenchApi = { settle, floor, ours, oursSliced, markRegExp };
(globalThis as unknown as BenchGlobal)[BENCH_GLOBAL] = api;
