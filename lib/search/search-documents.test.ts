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
      titleLang: 'en',
      aliases: ['Acme Corp'],
      text: 'A company that makes widgets.',
      translations: [],
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

describe('searchDocuments of a pack in two languages (format 2, issue 15)', () => {
  const bilingual = parsedPack(
    packWith((pack) => {
      pack.format = 2;
      pack.entities[0].name = { en: 'Acme', 'zh-CN': '阿克米' };
      pack.entities[0].summary = { en: 'A company that makes widgets.', 'zh-CN': '一家公司。' };
      pack.propositions[0].title = { en: 'Widget launch', 'zh-CN': 'Widget发布' };
      pack.facts[0].claim = { en: 'Acme launched Widget in late 2025.', 'zh-CN': '已发布。' };
    }),
  );
  const byId = (preferred: string[], id: string) =>
    searchDocuments(packSearchRows([bilingual]), preferred).find((document) => document.id === id);

  it.each([
    [['zh-CN'], '阿克米', '一家公司。', ['Acme', 'Acme Corp'], ['A company that makes widgets.']],
    [['en'], 'Acme', 'A company that makes widgets.', ['阿克米', 'Acme Corp'], ['一家公司。']],
    [[], 'Acme', 'A company that makes widgets.', ['阿克米', 'Acme Corp'], ['一家公司。']],
  ])(
    'shows an entity in %j; its other names are aliases, its other summary searched',
    (preferred, title, text, aliases, translations) => {
      expect(byId(preferred, 'acme')).toMatchObject({ title, text, aliases, translations });
    },
  );

  it('searches a claim and a proposition in every language, the quote as it is', () => {
    expect(byId(['zh-CN'], 'fact-launch')).toMatchObject({
      title: '已发布。',
      titleLang: 'zh-CN',
      text: 'Acme launched the Widget model in November 2025',
      translations: ['Acme launched Widget in late 2025.'],
    });
    expect(byId(['en'], 'prop-launch')).toMatchObject({
      title: 'Widget launch',
      titleLang: 'en',
      translations: ['Widget发布'],
    });
  });
});

describe('searchIndexKey', () => {
  it('names the index version and every pack version, in a stable order', () => {
    const key = searchIndexKey([
      { id: 'b', version: '1.0.0' },
      { id: 'a', version: '2.1.0' },
    ]);
    expect(key).toBe(`search-${SEARCH_INDEX_VERSION}||a@2.1.0,b@1.0.0`);
  });

  it('names the languages the titles are shown in', () => {
    const key = searchIndexKey([{ id: 'a', version: '1.0.0' }], ['zh-CN', 'en-US']);
    expect(key).toBe(`search-${SEARCH_INDEX_VERSION}|zh-CN,en-US|a@1.0.0`);
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
