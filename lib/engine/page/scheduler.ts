/**
 * Runs work in slices of a few milliseconds so the page stays responsive: each slice
 * stops when its budget is spent and the next one is queued as a new task.
 * MessageChannel instead of setTimeout(0): nested timeouts are clamped to 4 ms, which
 * would double the time a large page takes.
 */
export interface SliceScheduler {
  /** Queues `work`; it is called with `shouldYield` until it returns true (done). */
  run(work: (shouldYield: () => boolean) => boolean): void;
}

export function createSliceScheduler(
  now: () => number = () => performance.now(),
  budgetMs = 8,
): SliceScheduler {
  const queue: ((shouldYield: () => boolean) => boolean)[] = [];
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
  };
  return {
    run(work) {
      queue.push(work);
      schedule();
    },
  };
}
