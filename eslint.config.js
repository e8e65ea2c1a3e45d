import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where each part of the code runs decides what it may import. These rules make the
 * folder READMEs mechanical: a wrong import fails `npm run lint`, not a review.
 * `tests/architecture/content-reach.test.ts` checks the same from the content script's
 * actual import graph.
 */

/** Files that ship in the extension (tests beside them are not product code). */
const PRODUCT = ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'];
const TESTS = ['**/*.test.{ts,tsx}'];

/** Code that runs in a web page's content script (the "runs in" column of the README's folder table). */
const CONTENT_SIDE = [
  'entrypoints/frame/**',
  'entrypoints/card-ui/**',
  'entrypoints/local-matcher/**',
  'lib/async/**',
  'lib/encoding/**',
  'lib/cards/**',
  'lib/content/**',
  'lib/domain/**',
  'lib/pack/vocabulary.ts',
  'lib/engine/**',
  'lib/messaging/**',
  'lib/settings/**',
  'lib/site/**',
  'components/card/**',
  'components/hovercard/**',
];

const scaffolding = {
  group: ['**/tests/**', '**/scripts/**'],
  message:
    'Test and benchmark scaffolding (tests/, scripts/) never ships: product code may not import it.',
};
const testOnlyPackages = {
  group: [
    'vitest',
    'vitest/*',
    'fake-indexeddb',
    'fake-indexeddb/*',
    'fast-check',
    '@playwright/*',
    'jsdom',
    'node:*',
  ],
  message: 'Test-only and Node packages never ship: product code may not import them.',
};
const storage = {
  regex: '(^|/)(store|sync|background|distribution)/',
  message:
    'Content-side code runs in every frame of every page: IndexedDB, sync and the background stay in the service worker. Ask the background through lib/messaging.',
};
const browserAdapter = {
  name: 'wxt/browser',
  message: 'lib/ takes browser APIs as arguments; only lib/messaging/client.ts imports them.',
  allowTypeImports: true,
};
/** The only lib/ files that may import `browser` itself. */
const BROWSER_ADAPTERS = ['lib/messaging/client.ts'];

function restrictImports(files, patterns, paths = []) {
  const isLib = files.every((glob) => glob.startsWith('lib/'));
  return {
    files,
    ignores: isLib && paths.length > 0 ? [...TESTS, ...BROWSER_ADAPTERS] : TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] },
  };
}

const dexie = {
  group: ['dexie', 'dexie/*'],
  message: 'Dexie (IndexedDB) belongs to lib/store, which runs in the service worker only.',
};
/** Inside lib/store a row module is `./rows`; from anywhere else its path names `store/rows`. */
const storeRows = {
  regex: '(^|/)store/rows$',
  message:
    'Dexie rows are private to lib/store: use the domain types of lib/domain (lib/domain/README.md).',
};
/** lib/domain is the shared vocabulary: nothing of the project's but the pack format's types. */
const domainImports = {
  regex: '^(?!\\./|\\.\\./pack/schema$)',
  message:
    'lib/domain imports nothing but its own files and, as types, lib/pack/schema (lib/domain/README.md).',
};
const packSchemaTypes = {
  regex: '^\\.\\./pack/schema$',
  allowTypeImports: true,
  message: 'lib/domain takes only types from the pack format; its values (Zod) stay out.',
};

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Pack text is rendered as text, never as HTML.',
        },
      ],
    },
  },
  // One block per kind of file: for a given rule, flat config keeps only the last block
  // that matches, so the narrower blocks repeat the broader patterns.
  restrictImports(PRODUCT, [scaffolding, testOnlyPackages, storeRows]),
  restrictImports(['lib/**/*.ts'], [scaffolding, testOnlyPackages, storeRows], [browserAdapter]),
  restrictImports(CONTENT_SIDE, [scaffolding, testOnlyPackages, storage, dexie, storeRows]),
  restrictImports(
    CONTENT_SIDE.filter((glob) => glob.startsWith('lib/')),
    [scaffolding, testOnlyPackages, storage, dexie, storeRows],
    [browserAdapter],
  ),
  // Covers everything the blocks above forbid there: packages and folders alike.
  restrictImports(['lib/domain/**'], [domainImports, packSchemaTypes]),
  {
    // Tests, test support and scripts are no product code, but rows stay private to them too.
    files: [...TESTS, 'tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [storeRows] }] },
  },
  {
    // `browser.*` is the outside world: lib/ takes it as an argument (tests pass fakes),
    // and only the adapter lib/messaging/client.ts touches the real one.
    files: ['lib/**/*.ts'],
    ignores: [...TESTS, ...BROWSER_ADAPTERS],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: browserAdapter.message },
        { name: 'chrome', message: browserAdapter.message },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
