import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedSearchIndex } from './cache';
import { searchIndexKey } from './search-documents';
import { SearchIndex } from './search-index';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { installPack } from '../store/install';
import { freshDatabases, parsedPack } from '../../tests/support/databases';

const now = () => 7;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cachedSearchIndex', () => {
  it('builds once, then revives the stored index', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const build = vi.spyOn(SearchIndex, 'build');
    const first = await cachedSearchIndex(packDb, now);
    const second = await cachedSearchIndex(packDb, now);
    expect(build).toHaveBeenCalledTimes(1);
    expect(second.search('acme')).toEqual(first.search('acme'));
    expect(second.search('acme').entities[0]?.id).toBe('acme');
    expect(await packDb.searchIndexes.toArray()).toEqual([
      {
        key: searchIndexKey([{ id: 'test-pack', version: '1.0.0' }]),
        json: expect.any(String),
        builtAt: 7,
      },
    ]);
  });

  it('rebuilds after an update and keeps only the newest entry', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    await cachedSearchIndex(packDb, now);
    const v2 = packWith((pack) => {
      pack.version = '2.0.0';
      pack.entities[0].aliases.push({ text: 'Acme Incorporated', lang: 'en' });
    });
    await installPack(packDb, parsedPack(v2), { origin: 'file', now });
    const updated = await cachedSearchIndex(packDb, now);
    expect(updated.search('incorporated').entities[0]?.id).toBe('acme');
    expect((await packDb.searchIndexes.toArray()).map((row) => row.key)).toEqual([
      searchIndexKey([{ id: 'test-pack', version: '2.0.0' }]),
    ]);
  });

  it('rebuilds when the stored entry cannot be read', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    await cachedSearchIndex(packDb, now);
    await packDb.searchIndexes.toCollection().modify({ json: '{"format":0}' });
    const build = vi.spyOn(SearchIndex, 'build');
    const index = await cachedSearchIndex(packDb, now);
    expect(build).toHaveBeenCalledTimes(1);
    expect(index.search('widget').entities[0]?.id).toBe('widget');
  });

  it('leaves disabled packs out', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    await packDb.packs.update('test-pack', { enabled: false });
    const index = await cachedSearchIndex(packDb, now);
    expect(index.documentCount).toBe(0);
    expect(index.search('acme').entities).toEqual([]);
  });
});
