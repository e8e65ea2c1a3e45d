/**
 * One-shot timers, injected wherever code waits (hover delays, download deadlines, a flash
 * that fades) so tests drive time by hand (`ManualTimers` in tests/support/publisher.ts) and
 * each context passes its own: the content script its lifetime's (lib/content/lifetime.ts),
 * which stop with the script, the background plain `setTimeout`.
 */
export interface Timers {
  /** Runs `run` once after `ms`; returns a handle for `clear`. */
  set(run: () => void, ms: number): unknown;
  /** Cancels a timer `set` returned; a fired or cleared handle is ignored. */
  clear(handle: unknown): void;
}

/** The platform's own `setTimeout`, for code whose timers need not stop with anything. */
export const plainTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
