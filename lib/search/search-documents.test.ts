import { describe, expect, it } from 'vitest';
import {
  loadSearchDocuments,
  searchDocuments,
  searchIndexKey,
  SEARCH_INDEX_VERSION,
} from './search-documents';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { installPack } from '../store/install';
import { freshDatabases, parsedPack } from '../../tests/support/databases';
import { packSearchRows } from '../../tests/support/search-corpus';

const now = () => 1;

describe('searchDocuments', () => {
  const documents = searchDocuments(packSearchRows([parsedPack(validPack())]));
  const byId = (id: string) => documents.find((document) => document.id === id);

  it('makes one document per entity, proposition, fact and source', () => {
    expect(documents.map((document) => `${document.kind}:${document.id}`)).toEqual([
      'entity:acme',
      'entity:widget',
      'proposition:prop-launch',
      'fact:fact-launch',
      'source:src-report',
      'source:src-blog',
    ]);
  });

  it('indexes an entity by name, aliases other than the name, and summary', () => {
    expect(byId('acme')).toEqual({
      kind: 'entity',
      packId: 'test-pack',
      id: 'acme',
      title: 'Acme',
      aliases: ['Acme Corp'],
      text: 'A company that makes widgets.',
      opens: { packId: 'test-pack', entityId: 'acme' },
      entityKind: 'company',
    });
    expect(byId('widget')?.aliases).toEqual([]);
  });

  it('opens a fact’s first subject, and nothing for propositions and sources', () => {
    expect(byId('fact-launch')).toMatchObject({
      title: 'Acme launched Widget in late 2025.',
      text: 'Acme launched the Widget model in November 2025',
      opens: { packId: 'test-pack', entityId: 'acme' },
    });
    expect(byId('prop-launch')?.opens).toBeNull();
    expect(byId('src-report')?.opens).toBeNull();
  });

  it('gives a source its publisher and authors, never its full text', () => {
    expect(byId('src-report')?.text).toBe('Example News · Ann Author');
    expect(byId('src-blog')?.text).toBe('Acme');
  });

  it('skips rows of packs it was not given', () => {
    const rows = packSearchRows([parsedPack(validPack())]);
    expect(searchDocuments({ ...rows, packs: [] })).toEqual([]);
  });
});

describe('searchIndexKey', () => {
  it('names the index version and every pack version, in a stable order', () => {
    const key = searchIndexKey([
      { id: 'b', version: '1.0.0' },
      { id: 'a', version: '2.1.0' },
    ]);
    expect(key).toBe(`search-${SEARCH_INDEX_VERSION}|a@2.1.0,b@1.0.0`);
  });
});

describe('loadSearchDocuments', () => {
  it('reads the enabled packs, and leaves disabled ones out', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const other = packWith((pack) => {
      pack.id = 'other-pack';
    });
    await installPack(packDb, parsedPack(other), { origin: 'file', now });
    await packDb.packs.update('other-pack', { enabled: false });

    const { key, documents } = await loadSearchDocuments(packDb);
    expect(key).toBe(searchIndexKey([{ id: 'test-pack', version: '1.0.0' }]));
    expect(new Set(documents.map((document) => document.packId))).toEqual(new Set(['test-pack']));
    expect(documents).toHaveLength(6);
  });
});
