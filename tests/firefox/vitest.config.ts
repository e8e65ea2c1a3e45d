import { defineConfig } from 'vitest/config';

/**
 * `npm run test:firefox`: the journeys in Firefox. Kept out of the unit-test config (they need
 * a browser and a build); one file, serial, since each journey starts its own Firefox on a
 * two-core machine.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
