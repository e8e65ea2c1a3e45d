import type { ScanPhase } from './mark-page';

/**
 * The contract between the Node harness and the bundle it injects into each page
 * (page-entry.ts), as `window.FactLensBench`.
 */

export interface MethodResult {
  /** Wall time of the measured work (until idle, when sliced), `performance.now()` in the page. */
  ms: number;
  /** Text nodes (floor), mentions painted (ours) or marks made (mark.js). */
  count: number;
  /** Characters read (floor only): the size of the text the others have to scan. */
  chars?: number;
  /**
   * Longest main-thread task seen from the start of the work until two frames later: the
   * `longtask` entries overlapping that window (they exist only for tasks of 50 ms or more),
   * or else our own longest task: the measured duration itself when the work was synchronous,
   * the first task or the longest slice when it was sliced.
   */
  longestTaskMs: number;
  /** How many `longtask` entries overlapped the window. */
  longTasks: number;
  /** Whether this Chromium reports `longtask` entries at all; if not, only `ms` bounds the task. */
  longTaskApi: boolean;
  /** Ours only: how `ms` splits into phases (`decode` includes `JSON.parse`). */
  phases?: Record<ScanPhase, number>;
}

export interface FactLensBenchApi {
  /** Resolves after two rendered frames, so the page's own load work is over before measuring. */
  settle(): Promise<void>;
  /** One TreeWalker pass over `document.body` reading every text node: the floor. */
  floor(): Promise<MethodResult>;
  /** Our scan + match + paint; parsing `compiledJson` is part of the measured time. */
  ours(compiledJson: string): Promise<MethodResult>;
  /**
   * The same work as the content script does it: `startMarking` with a slice scheduler, timed
   * until the scheduler is idle; parsing `compiledJson` included.
   */
  oursSliced(compiledJson: string): Promise<MethodResult>;
  /** mark.js `markRegExp` with one alternation regex, timed until its `done` callback. */
  markRegExp(source: string, flags: string): Promise<MethodResult>;
}

/** What the IIFE bundle adds to the page's global object. */
export interface BenchGlobal {
  FactLensBench: FactLensBenchApi;
}

/** The global's name, i.e. Vite's `build.lib.name`. */
export const BENCH_GLOBAL: keyof BenchGlobal = 'FactLensBench';
