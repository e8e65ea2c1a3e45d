import { plainTimers, type Timers } from '../../async/timers';

/**
 * Runs work in slices of a few milliseconds so the page stays responsive: each slice
 * stops when its budget is spent and the next one is queued as a new task.
 * MessageChannel instead of setTimeout(0): nested timeouts are clamped to 4 ms, which
 * would double the time a large page takes.
 */
export interface SliceScheduler {
  /**
   * Queues `work`; it is called with `shouldYield` until it returns true (done). `urgent` work
   * goes ahead of everything queued (the part of the page the reader just scrolled to).
   */
  run(work: (shouldYield: () => boolean) => boolean, urgent?: boolean): void;
  /** Resolves once nothing is queued (at once if nothing is). */
  whenIdle(): Promise<void>;
  /**
   * Runs no slice until `settled` settles or `atMostMs` have passed, whichever comes first;
   * work queued meanwhile waits. For a script a slice asked for (the nearness rules): its
   * fetch, compile and evaluation are tasks too, and with our slices queued back to back
   * ahead of them it took three times as long to arrive on a busy page.
   */
  holdUntil(settled: Promise<unknown>, atMostMs: number): void;
}

export function createSliceScheduler(
  now: () => number = () => performance.now(),
  budgetMs = 8,
  timers: Pick<Timers, 'set'> = plainTimers,
): SliceScheduler {
  const queue: ((shouldYield: () => boolean) => boolean)[] = [];
  const idleWaiters: (() => void)[] = [];
  const channel = new MessageChannel();
  let pending = false;
  /** The hold in force, if any; a later hold replaces it. */
  let hold: object | null = null;
  const schedule = () => {
    if (!pending) {
      pending = true;
      channel.port2.postMessage(null);
    }
  };
  channel.port1.onmessage = () => {
    pending = false;
    const deadline = now() + budgetMs;
    // A hold begun by a job ends the slice too; its release schedules the next one.
    const shouldYield = () => hold !== null || now() >= deadline;
    while (queue.length > 0 && !shouldYield()) {
      const work = queue[0] as (shouldYield: () => boolean) => boolean;
      if (work(shouldYield)) queue.shift();
    }
    if (queue.length === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    else if (hold === null) schedule();
  };
  return {
    run(work, urgent = false) {
      if (urgent) queue.unshift(work);
      else queue.push(work);
      schedule();
    },
    holdUntil(settled, atMostMs) {
      const mine = {};
      hold = mine;
      const release = () => {
        if (hold !== mine) return;
        hold = null;
        if (queue.length > 0) schedule();
      };
      timers.set(release, atMostMs);
      settled.then(release, release);
    },
    whenIdle() {
      return queue.length === 0 && !pending
        ? Promise.resolve()
        : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
