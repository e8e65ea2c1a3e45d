/**
 * Polling for journeys: the same in both drivers, without either runner's `expect.poll`.
 * Node's `assert` then states what is expected, so a failure names the values.
 */
import assert from 'node:assert/strict';

export interface EventuallyOptions {
  timeoutMs?: number;
  message?: string;
}

/**
 * Reads `read()` until `check(value)` passes (does not throw), every 100 ms, for at most
 * `timeoutMs` (5 s; Playwright's `expect` default). Returns the value that passed; throws
 * the last check's error, prefixed with `message`, when time is up.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  { timeoutMs = 5_000, message }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() >= deadline) {
        if (message && error instanceof Error) error.message = `${message}\n${error.message}`;
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `eventually` until `read()` deeply equals `expected`. */
export function eventuallyEqual<T>(
  read: () => Promise<T>,
  expected: T,
  options?: EventuallyOptions,
): Promise<T> {
  return eventually(read, (value) => assert.deepEqual(value, expected), options);
}
