import type { SliceScheduler } from '../../lib/engine/page/scheduler';

/**
 * Wraps a scheduler to time its slices: the longest is what the page had to wait for the
 * content script at most. A slice is every job the scheduler runs in one task; it starts with
 * the first job and ends with the task (the microtask the first job queues runs right after
 * it), so the figure covers the scheduler's own loop too.
 */
export function timeSlices(
  inner: SliceScheduler,
  now: () => number = () => performance.now(),
): { scheduler: SliceScheduler; longestSliceMs: () => number } {
  let longest = 0;
  let sliceStart: number | null = null;
  const endSlice = () => {
    if (sliceStart !== null) longest = Math.max(longest, now() - sliceStart);
    sliceStart = null;
  };
  return {
    scheduler: {
      run(work, urgent) {
        inner.run((shouldYield) => {
          if (sliceStart === null) {
            sliceStart = now();
            queueMicrotask(endSlice);
          }
          return work(shouldYield);
        }, urgent);
      },
      whenIdle: () => inner.whenIdle(),
      holdUntil: (settled, atMostMs) => inner.holdUntil(settled, atMostMs),
    },
    longestSliceMs: () => longest,
  };
}
