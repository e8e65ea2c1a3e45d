/**
 * Putting CPU-profile samples on a document's `performance.now()` clock.
 *
 * V8's CPU profile (CDP `Profiler.stop`) stamps its start and samples in microseconds of
 * Chromium's monotonic clock (`base::TimeTicks`). A document's `performance.now()` counts
 * milliseconds on the same clock from the document's time origin, the start of the navigation
 * that made it, and CDP `Performance.getMetrics` reports that navigation start of the tab's top
 * document as `NavigationStart`, in seconds of that clock. So a sample taken at `atUs` happened
 * at `atUs / 1000 - NavigationStart * 1000` in the top document's `performance.now()`.
 *
 * `clock-check.ts` checks this without the relation: page code busy-loops at known
 * `performance.now()` times, and the offsets that put every sample of each loop inside it are
 * derived from the samples alone (`loopOffsets`); on this machine they pin the offset to
 * within a few tenths of a millisecond and agree with `NavigationStart` to 0.1 ms, the
 * granularity of `performance.now()` outside cross-origin isolation.
 */
import type { CpuProfile } from './cpu-profile';
import { firstSampleOnStack } from './cpu-profile';

/** The name of `Performance.getMetrics`' entry with the top document's time origin. */
export const NAVIGATION_START_METRIC = 'NavigationStart';

/** `NavigationStart` of `Performance.getMetrics` in milliseconds, or null if it is not there. */
export function navigationStartMs(
  metrics: readonly { name: string; value: number }[],
): number | null {
  const entry = metrics.find((m) => m.name === NAVIGATION_START_METRIC);
  return entry && Number.isFinite(entry.value) && entry.value > 0 ? entry.value * 1000 : null;
}

/** A profile stamp (microseconds) in the top document's `performance.now()` (milliseconds). */
export function profileToPageMs(atUs: number, navigationStart: number): number {
  return atUs / 1000 - navigationStart;
}

/** A profiled load: the profile and how its clock relates to the top document's. */
export interface RecordedLoad {
  profile: CpuProfile;
  /**
   * The top document's time origin on the profile's clock, milliseconds (`navigationStartMs`).
   * Null if CDP did not report it.
   */
  navigationStart: number | null;
}

/** When a script first ran in the tab, from its first CPU-profile sample. */
export interface ScriptStart {
  /** In the top document's `performance.now()` milliseconds. */
  at: number;
  /** How late `at` may be: the time since the sample before it (nominally the interval). */
  lateByAtMostMs: number;
}

/**
 * The first sample with a frame of `isOurs`'s scripts on its stack (`firstSampleOnStack`), in
 * any document of the tab, on the top document's clock. Null: no such sample, no navigation
 * start to relate the clocks by, or it was the profile's first sample (the script may have
 * been running before the profiler started: CDP restarts it for the new document, some
 * milliseconds after navigation began).
 */
export function scriptStartOf(
  { profile, navigationStart }: RecordedLoad,
  isOurs: (url: string) => boolean,
): ScriptStart | null {
  const first = firstSampleOnStack(profile, isOurs);
  if (!first || first.index === 0 || navigationStart === null) return null;
  return {
    at: profileToPageMs(first.atUs, navigationStart),
    lateByAtMostMs: (first.atUs - first.previousUs) / 1000,
  };
}

/** An interval of offsets, milliseconds; empty when `low > high`. */
export interface Bounds {
  low: number;
  high: number;
}

/** A busy loop the page timed with `performance.now()`: it ran from `fromMs` to `toMs`. */
export interface TimedLoop {
  fromMs: number;
  toMs: number;
}

/**
 * The offsets (profile milliseconds minus page milliseconds) that put every sample of a loop
 * inside it: `from ≤ s − offset ≤ to` for each stamp `s`. Null without samples. Its width is
 * the loop's length minus the time between its first and last sample, so about the gap before
 * its first sample plus the gap after its last.
 */
export function offsetBounds(stampsMs: readonly number[], loop: TimedLoop): Bounds | null {
  if (stampsMs.length === 0) return null;
  return {
    low: Math.max(...stampsMs) - loop.toMs,
    high: Math.min(...stampsMs) - loop.fromMs,
  };
}

/** The offsets all of `bounds` allow (may be empty: `low > high`). */
export function intersect(bounds: readonly Bounds[]): Bounds {
  return {
    low: Math.max(...bounds.map((b) => b.low)),
    high: Math.min(...bounds.map((b) => b.high)),
  };
}

export interface LoopOffsets {
  /** Per loop, the offsets its samples allow; null for a loop no sample fell in. */
  perLoop: (Bounds | null)[];
  /** Stamps in no loop under the chosen offset (should be none). */
  stray: number;
}

/**
 * From samples alone (the stamps, milliseconds, of every sample taken inside the loops' code)
 * and loops the page timed, how the two clocks relate. A coarse offset first: of the
 * candidates "a sample at a loop's start", the one that puts the most samples inside some loop
 * (within `slackMs`; ties: the smallest). Loops far apart at uneven intervals make that
 * unambiguous. Then each sample goes to the loop it falls in, and each loop's samples bound
 * the offset (`offsetBounds`).
 */
export function loopOffsets(
  stampsMs: readonly number[],
  loops: readonly TimedLoop[],
  slackMs = 2,
): LoopOffsets {
  const loopOf = (stamp: number, offset: number) =>
    loops.findIndex(
      (loop) => stamp - offset >= loop.fromMs - slackMs && stamp - offset <= loop.toMs + slackMs,
    );
  let best = { offset: Number.NaN, inside: -1 };
  for (const stamp of stampsMs) {
    for (const loop of loops) {
      const offset = stamp - loop.fromMs;
      const inside = stampsMs.filter((s) => loopOf(s, offset) >= 0).length;
      if (inside > best.inside || (inside === best.inside && offset < best.offset)) {
        best = { offset, inside };
      }
    }
  }
  const groups: number[][] = loops.map(() => []);
  let stray = 0;
  for (const stamp of stampsMs) {
    const index = Number.isNaN(best.offset) ? -1 : loopOf(stamp, best.offset);
    if (index < 0) stray++;
    else groups[index]?.push(stamp);
  }
  return {
    perLoop: loops.map((loop, i) => offsetBounds(groups[i] ?? [], loop)),
    stray,
  };
}
