import { describe, expect, it } from 'vitest';
import { validatePackText } from '../../lib/pack/validate';
import { syntheticPack } from '../../tests/support/synthetic-pack';
import type { ProxiedRequest } from './counting-proxy';
import {
  MISSING_SOURCE_ID,
  budgetText,
  describeSyncRequests,
  figuresTable,
  installDocuments,
  summarizeRuns,
  syncsWereConditional,
} from './pack-sync-figures';

const small = syntheticPack(3, { entities: 40, facts: 120, sources: 8, propositions: 4 });

describe('installDocuments', () => {
  const documents = installDocuments(small);

  it('sends the pack as generated for the first install', () => {
    const validation = validatePackText(documents.install);
    expect(validation.ok).toBe(true);
    expect(JSON.parse(documents.install)).toEqual(small);
  });

  it('bumps the minor version for the update, nothing else', () => {
    expect(documents.updateVersion).toBe('1.1.0');
    const validation = validatePackText(documents.update);
    expect(validation.ok && validation.pack.version).toBe('1.1.0');
    expect(JSON.parse(documents.update)).toEqual({ ...small, version: '1.1.0' });
  });

  it('breaks exactly one reference, which only the reference check finds', () => {
    const validation = validatePackText(documents.broken);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.issues).toEqual([
      { path: ['facts', 0, 'sourceId'], message: expect.stringContaining(MISSING_SOURCE_ID) },
    ]);
    // Same size to within the id: the messaging and parsing work are those of the real pack.
    expect(Math.abs(documents.broken.length - documents.install.length)).toBeLessThan(40);
  });
});

describe('summarizeRuns', () => {
  it('gives the median, min and max', () => {
    expect(summarizeRuns([30, 10, 20, 40])).toEqual({ runs: 4, median: 25, min: 10, max: 40 });
  });

  it('has no figures without runs', () => {
    expect(summarizeRuns([])).toEqual({
      runs: 0,
      median: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
    });
  });
});

describe('budgetText', () => {
  it.each([
    [3000, '3 s'],
    [2500, '2.5 s'],
    [50, '50 ms'],
  ])('%d → %s', (budget, text) => {
    expect(budgetText(budget)).toBe(text);
  });
});

describe('figuresTable', () => {
  it('judges rows with a budget on their median and shows the others for scale', () => {
    const text = figuresTable([
      { label: 'install', samples: [2900, 3100, 2800], budgetMs: 3000 },
      { label: 'update', samples: [3200, 3100, 2800], budgetMs: 3000 },
      { label: 'messaging | only', samples: [120.4] },
      { label: 'not measured', samples: [], budgetMs: 3000 },
    ]);
    expect(text.split('\n')).toEqual([
      '| measured | runs | median ms | min ms | max ms | budget | verdict |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| install | 3 | 2900 | 2800 | 3100 | median < 3 s | ✅ |',
      '| update | 3 | 3100 | 2800 | 3200 | median < 3 s | ❌ |',
      '| messaging \\| only | 1 | 120 | 120 | 120 | — | — |',
      '| not measured | 0 | n/a | n/a | n/a | median < 3 s | — |',
    ]);
  });
});

const notModified = (etag = '"a-1"'): ProxiedRequest => ({
  method: 'GET',
  path: '/index.json',
  status: 304,
  ifNoneMatch: etag,
});

describe('describeSyncRequests', () => {
  it('says once what every sync did when they all did the same', () => {
    expect(describeSyncRequests([[notModified()], [notModified()], [notModified()]])).toBe(
      'Each of the 3 syncs made one request to the server: GET /index.json (If-None-Match) → 304.',
    );
    expect(describeSyncRequests([[notModified()]])).toBe(
      'The sync made one request to the server: GET /index.json (If-None-Match) → 304.',
    );
  });

  it('lists each sync when they differ', () => {
    const full = { method: 'GET', path: '/index.json', status: 200 };
    const pack = { method: 'GET', path: '/p-1.0.0.pack.json', status: 200 };
    expect(describeSyncRequests([[notModified()], [full, pack], []])).toBe(
      '⚠️ The syncs did not all make the same requests: ' +
        'sync 1: GET /index.json (If-None-Match) → 304; ' +
        'sync 2: GET /index.json → 200, GET /p-1.0.0.pack.json → 200; sync 3: none.',
    );
  });

  it('says when nothing was measured', () => {
    expect(describeSyncRequests([])).toBe('No sync was measured.');
  });
});

describe('syncsWereConditional', () => {
  it('holds when every sync was one conditional GET of the index answered 304', () => {
    expect(syncsWereConditional([[notModified()], [notModified()]], '/index.json')).toBe(true);
  });

  it.each([
    ['no syncs', []],
    ['two requests', [[notModified(), notModified()]]],
    ['a 200', [[{ ...notModified(), status: 200 }]]],
    ['no validator sent', [[{ method: 'GET', path: '/index.json', status: 304 }]]],
    ['another path', [[{ ...notModified(), path: '/other.json' }]]],
  ] as [string, ProxiedRequest[][]][])('fails with %s', (_name, perSync) => {
    expect(syncsWereConditional(perSync, '/index.json')).toBe(false);
  });
});
