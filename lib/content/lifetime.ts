import { plainTimers, type Timers } from '../async/timers';

/**
 * How long Fact Lens lives in a frame: until the extension that started it is gone (updated,
 * reloaded, disabled or removed). Browsers do not tell a content script so; its
 * `runtime.id` just becomes undefined and every call to the extension throws. So the
 * lifetime looks whenever one of its timers comes due, and the first look that finds the
 * extension gone ends it: every `onEnd` listener runs, once.
 *
 * It replaces WXT's content-script context, which every frame evaluated (2.9 kB of a 40 kB
 * bootstrap) for this alone, and which also ended the script when the document announced a
 * newer copy of it: a CustomEvent named after the extension id, which any page can dispatch,
 * so a page could switch Fact Lens off on itself (`tests/e2e/hostile-page.spec.ts`). Fact Lens
 * never injects its content script by hand, and browsers inject manifest content scripts only
 * into documents that start after an update, so a document never holds two copies to settle.
 */
export interface FrameLifetime {
  /** True until the extension is found gone; finding it so ends the lifetime. */
  alive(): boolean;
  /** Runs `listener` when the lifetime ends (at once if it has); returns what removes it. */
  onEnd(listener: () => void): () => void;
  /** Timers that check the extension before they run and never run after the end. */
  readonly timers: Timers;
}

/** `runtime` is `browser.runtime`; `clock` the frame's timers (tests pass their own). */
export function frameLifetime(
  runtime: { readonly id?: string },
  clock: Timers = plainTimers,
): FrameLifetime {
  let ended = false;
  const listeners = new Set<() => void>();
  const alive = () => {
    if (!ended && runtime.id === undefined) {
      ended = true;
      for (const listener of [...listeners]) listener();
      listeners.clear();
    }
    return !ended;
  };
  return {
    alive,
    onEnd(listener) {
      if (ended) {
        listener();
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    timers: {
      set: (run, ms) => clock.set(() => alive() && run(), ms),
      clear: (handle) => clock.clear(handle),
    },
  };
}
