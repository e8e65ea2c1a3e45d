import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, importGraph } from './import-graph';

/**
 * Everything the content script runs (the bootstrap and the three scripts it loads on
 * demand) is evaluated in every frame of every page. What it may not reach, even
 * through a chain of imports the folder rules in eslint.config.js cannot see.
 */
const CONTENT_ENTRIES = [
  'entrypoints/frame/index.ts',
  'entrypoints/card-ui/index.tsx',
  'entrypoints/local-matcher/index.ts',
  'entrypoints/relevance/index.ts',
];
/** Loaded by the documents that need them (lib/content/lazy-script.ts), never at start. */
const LOADED_ON_DEMAND = [
  'lib/engine/matcher/matcher.ts',
  'lib/engine/page/relevance.ts',
  'lib/engine/page/nearness.ts',
];
const SERVICE_WORKER_ONLY = /^lib\/(store|sync|background|distribution|search)\//;
const NEVER_IN_A_PAGE = ['dexie', 'minisearch', 'semver'];
const NOT_IN_THE_BOOTSTRAP = ['react', 'react-dom', 'zod', '@floating-ui/dom'];

describe('what the content script reaches', () => {
  const graph = importGraph(PROJECT_ROOT, CONTENT_ENTRIES);

  it('reaches the content-side code it needs (the check reads real imports)', () => {
    expect(graph.files).toContain('lib/engine/page/page-marker.ts');
    expect(graph.packages.has('react')).toBe(true);
  });

  it('reaches no IndexedDB, sync, background or search code', () => {
    expect(graph.files.filter((file) => SERVICE_WORKER_ONLY.test(file))).toEqual([]);
  });

  it('reaches no test or benchmark scaffolding', () => {
    expect(graph.files.filter((file) => /^(tests|scripts)\//.test(file))).toEqual([]);
  });

  it('imports no package that belongs to the service worker', () => {
    const found = NEVER_IN_A_PAGE.filter((name) => graph.packages.has(name));
    expect(found.map((name) => `${name} (from ${graph.packages.get(name)})`)).toEqual([]);
  });

  it('keeps React, Zod and positioning out of the bootstrap (they load on first hover)', () => {
    const bootstrap = importGraph(PROJECT_ROOT, ['entrypoints/frame/index.ts']);
    const found = NOT_IN_THE_BOOTSTRAP.filter((name) => bootstrap.packages.has(name));
    expect(found.map((name) => `${name} (from ${bootstrap.packages.get(name)})`)).toEqual([]);
  });

  it('keeps the automaton and the nearness rules out of the bootstrap (loaded on need)', () => {
    const bootstrap = importGraph(PROJECT_ROOT, ['entrypoints/frame/index.ts']);
    expect(LOADED_ON_DEMAND.filter((file) => graph.files.includes(file))).toEqual(LOADED_ON_DEMAND);
    expect(LOADED_ON_DEMAND.filter((file) => bootstrap.files.includes(file))).toEqual([]);
  });
});
