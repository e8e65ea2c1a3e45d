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
}

export function createSliceScheduler(
  now: () => number = () => performance.now(),
  budgetMs = 8,
): SliceScheduler {
  const queue: ((shouldYield: () => boolean) => boolean)[] = [];
  const idleWaiters: (() => void)[] = [];
  const channel = new MessageChannel();
  let pending = false;
  const schedule = () => {
    if (!pending) {
      pending = true;
      channel.port2.postMessage(null);
    }
  };
  channel.port1.onmessage = () => {
    pending = false;
    const deadline = now() + budgetMs;
    const shouldYield = () => now() >= deadline;
    while (queue.length > 0 && !shouldYield()) {
      const work = queue[0] as (shouldYield: () => boolean) => boolean;
      if (work(shouldYield)) queue.shift();
    }
    if (queue.length > 0) schedule();
    else for (const resolve of idleWaiters.splice(0)) resolve();
  };
  return {
    run(work, urgent = false) {
      if (urgent) queue.unshift(work);
      else queue.push(work);
      schedule();
    },
    whenIdle() {
      return queue.length === 0 && !pending
        ? Promise.resolve()
        : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
