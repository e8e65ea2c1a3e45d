/**
 * One attempt at an async job, shared by every caller while it runs and kept once it
 * succeeds; a failed attempt is forgotten, so the next call tries again. `reset` drops a
 * kept result (the job's inputs changed).
 */
export interface SharedAttempt<T> {
  get(): Promise<T>;
  reset(): void;
}

export function sharedAttempt<T>(job: () => Promise<T>): SharedAttempt<T> {
  let current: Promise<T> | null = null;
  return {
    get() {
      const attempt = (current ??= job());
      attempt.catch(() => {
        if (current === attempt) current = null;
      });
      return attempt;
    },
    reset() {
      current = null;
    },
  };
}
