import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest wires WXT's aliases and swaps `browser` for an in-memory fake.
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'tests/support/**/*.test.ts',
      'tests/architecture/**/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto', 'tests/support/i18n-setup.ts'],
    environment: 'node',
  },
});
