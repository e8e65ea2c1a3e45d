import { describe, expect, it } from 'vitest';
import seedDocument from '../../seeds/bytedance-ai-2026.pack.json';
import type { FactPackInput } from '../pack/schema';
import { FACT_STATUSES } from '../pack/vocabulary';
import { packWith, validPack, type FixturePack } from '../../tests/support/pack-fixtures';
import { asOfSortKey, loadEntityCard } from './entity-card';
import { installPack } from './install';
import type { PackDatabase } from './pack-database';
import { freshDatabases, parsedPack } from '../../tests/support/databases';

const now = () => 1_700_000_000_000;
type FixtureFact = FixturePack['facts'][number];

async function installed(...packs: FactPackInput[]) {
  const { packDb } = freshDatabases();
  for (const pack of packs) await installPack(packDb, parsedPack(pack), { origin: 'file', now });
  return packDb;
}

/** A fact about Acme citing the source without text, so its quote is not checked. */
function acmeFact(id: string, asOf: string, extra: Partial<FixtureFact> = {}): FixtureFact {
  return {
    id,
    subjectIds: ['acme'],
    claim: `Claim ${id}.`,
    quote: `Quote ${id}.`,
    sourceId: 'src-blog',
    status: 'official',
    asOf,
    ...extra,
  };
}

const card = (packDb: PackDatabase, packId: string, entityId: string) =>
  loadEntityCard(packDb, { packId, entityId });

describe('loadEntityCard', () => {
  it.each([
    ['an unknown pack', 'other-pack', 'acme'],
    ['an unknown entity', 'test-pack', 'nobody'],
    ['an entity of another pack', 'second-pack', 'widget'],
  ])('answers null for %s', async (_label, packId, entityId) => {
    const second = packWith((pack) => {
      pack.id = 'second-pack';
      pack.entities.pop();
      pack.entities[0].related.splice(0);
      pack.propositions[0].entityIds = ['acme'];
      pack.facts[0].subjectIds = ['acme'];
    });
    const packDb = await installed(validPack(), second);
    expect(await card(packDb, packId, entityId)).toBeNull();
  });

  it('describes the pack and the entity', async () => {
    const packDb = await installed(validPack());
    expect(await card(packDb, 'test-pack', 'widget')).toMatchObject({
      pack: { id: 'test-pack', title: 'Test pack', version: '1.0.0' },
      entity: {
        id: 'widget',
        name: 'Widget',
        kind: 'model',
        summary: 'A model made by Acme.',
        aliases: ['Widget'],
      },
    });
  });

  it('lists alias texts once each, in the entity’s order', async () => {
    const packDb = await installed(
      packWith((pack) => {
        pack.entities[0].aliases.push(
          { text: 'ACME', lang: 'en', case: 'sensitive' },
          { text: 'アクメ', lang: 'ja' },
        );
      }),
    );
    // The validator refuses a repeated alias; rows written before it did must still read cleanly.
    const entity = await packDb.entities.get(['test-pack', 'acme']);
    const [first] = entity?.aliases ?? [];
    if (!entity || !first) throw new Error('fixture not installed');
    await packDb.entities.update(['test-pack', 'acme'], {
      aliases: [...entity.aliases, { ...first, lang: 'en-GB' }],
    });
    expect((await card(packDb, 'test-pack', 'acme'))?.entity.aliases).toEqual([
      'Acme Corp',
      'ACME',
      'アクメ',
    ]);
  });

  it('still answers for a disabled pack, which the popup can open', async () => {
    const packDb = await installed(validPack());
    await packDb.packs.update('test-pack', { enabled: false });
    expect((await card(packDb, 'test-pack', 'acme'))?.entity.name).toBe('Acme');
  });

  describe('propositions, listed by the entity or listing it', () => {
    const pack = packWith((p) => {
      p.propositions.push(
        { id: 'prop-z', title: 'Z', summary: 'Only Acme lists it.', entityIds: [] },
        { id: 'prop-b', title: 'B', summary: 'Only it lists Acme.', entityIds: ['acme'] },
        { id: 'prop-a', title: 'A', summary: 'Only it lists Acme.', entityIds: ['acme'] },
        { id: 'prop-other', title: 'O', summary: 'About Widget.', entityIds: ['widget'] },
      );
      p.entities[0].propositionIds = ['prop-z', 'prop-launch'];
    });

    it.each([
      // The entity's own order first, then the others by id (pack order is not stored).
      ['acme', ['prop-z', 'prop-launch', 'prop-a', 'prop-b']],
      ['widget', ['prop-launch', 'prop-other']],
    ])('%s → %j', async (entityId, expected) => {
      const packDb = await installed(pack);
      const result = await card(packDb, 'test-pack', entityId);
      expect(result?.propositions.map((proposition) => proposition.id)).toEqual(expected);
    });

    it('carries id, title and summary only', async () => {
      const packDb = await installed(validPack());
      expect((await card(packDb, 'test-pack', 'widget'))?.propositions).toEqual([
        { id: 'prop-launch', title: 'Widget launch', summary: 'Acme released its Widget model.' },
      ]);
    });
  });

  it.each([
    ['2026', '2026-01-01'],
    ['2026-03', '2026-03-01'],
    ['2026-03-15', '2026-03-15'],
  ])('compares asOf %s as %s', (asOf, key) => {
    expect(asOfSortKey(asOf)).toBe(key);
  });

  it('orders facts newest first, a bare period counting as its first day, ties in the author’s order', async () => {
    const packDb = await installed(
      packWith((pack) => {
        pack.facts.push(
          acmeFact('f-year', '2026'),
          acmeFact('f-feb', '2026-02-15'),
          acmeFact('f-jan2', '2026-01-02'),
          acmeFact('f-jan1', '2026-01-01'),
          acmeFact('f-march', '2026-03'),
          acmeFact('f-old', '2024-12-31'),
        );
      }),
    );
    const facts = (await card(packDb, 'test-pack', 'acme'))?.facts ?? [];
    expect(facts.map((fact) => [fact.id, fact.asOf])).toEqual([
      ['f-march', '2026-03'],
      ['f-feb', '2026-02-15'],
      ['f-jan2', '2026-01-02'],
      ['f-year', '2026'],
      ['f-jan1', '2026-01-01'],
      ['fact-launch', '2025-11'],
      ['f-old', '2024-12-31'],
    ]);
  });

  it('only lists facts with the entity among their subjects', async () => {
    const packDb = await installed(
      packWith((pack) => pack.facts.push(acmeFact('f-widget', '2026', { subjectIds: ['widget'] }))),
    );
    const ids = async (entityId: string) =>
      (await card(packDb, 'test-pack', entityId))?.facts.map((fact) => fact.id);
    expect(await ids('acme')).toEqual(['fact-launch']);
    expect(await ids('widget')).toEqual(['f-widget', 'fact-launch']);
  });

  describe('sources and quotes', () => {
    const pack = packWith((p) => {
      p.sources.push({
        id: 'src-data',
        title: 'Data',
        publisher: 'Data Co',
        kind: 'third-party-data',
      });
      p.facts.push(
        acmeFact('f-new', '2026-03'),
        acmeFact('f-mid', '2026-01', { sourceId: 'src-report', quotedFrom: 'src-data' }),
        acmeFact('f-older', '2025-12', { sourceId: 'src-data' }),
      );
    });

    it('lists each cited source once, in order of first citation', async () => {
      const packDb = await installed(pack);
      const result = await card(packDb, 'test-pack', 'acme');
      expect(result?.sources.map((source) => source.id)).toEqual([
        'src-blog',
        'src-report',
        'src-data',
      ]);
    });

    it('names the quoted source only on facts that have one', async () => {
      const packDb = await installed(pack);
      const facts = (await card(packDb, 'test-pack', 'acme'))?.facts ?? [];
      const byId = new Map(facts.map((fact) => [fact.id, fact]));
      expect(byId.get('f-mid')).toMatchObject({ sourceId: 'src-report', quotedFromId: 'src-data' });
      expect(byId.get('f-new')).not.toHaveProperty('quotedFromId');
    });

    it('carries the card fields of a source and never its text', async () => {
      const packDb = await installed(pack);
      const result = await card(packDb, 'test-pack', 'acme');
      const report = validPack().sources[0];
      expect(result?.sources.find((source) => source.id === 'src-report')).toEqual({
        id: 'src-report',
        title: 'Acme launches Widget',
        publisher: 'Example News',
        authors: ['Ann Author'],
        publishedAt: '2025-11',
        url: 'https://example.com/news/widget',
        kind: 'news-report',
      });
      expect(JSON.stringify(result)).not.toContain(report.text);
    });
  });

  it.each<[string, (pack: FixturePack) => void, string | undefined]>([
    ['its proposition', () => {}, 'Widget launch'],
    ['no proposition', (pack) => delete pack.facts[0].propositionId, undefined],
  ])('titles a fact with %s', async (_label, mutate, title) => {
    const packDb = await installed(packWith(mutate));
    const [fact] = (await card(packDb, 'test-pack', 'acme'))?.facts ?? [];
    expect(fact?.propositionTitle).toBe(title);
  });

  it('resolves related entities and skips ones that are gone', async () => {
    const packDb = await installed(
      packWith((pack) => {
        pack.entities.push({
          id: 'gadget',
          name: 'Gadget',
          kind: 'product',
          summary: 'Another thing Acme makes.',
          aliases: [{ text: 'Gadget', lang: 'en' }],
          propositionIds: [],
          related: [{ entityId: 'acme', relation: 'made by' }],
        });
        pack.entities[0].related.push({ entityId: 'gadget', relation: 'also makes' });
      }),
    );
    const related = async () => (await card(packDb, 'test-pack', 'acme'))?.related;
    expect(await related()).toEqual([
      { entityId: 'widget', name: 'Widget', kind: 'model', relation: 'makes' },
      { entityId: 'gadget', name: 'Gadget', kind: 'product', relation: 'also makes' },
    ]);
    // The validator keeps references resolvable; a card must not break if a row is missing.
    await packDb.entities.delete(['test-pack', 'widget']);
    expect(await related()).toEqual([
      { entityId: 'gadget', name: 'Gadget', kind: 'product', relation: 'also makes' },
    ]);
  });

  it('builds a realistic card from the bundled pack', async () => {
    const seed = parsedPack(seedDocument);
    const packDb = await installed(seed);
    const result = await card(packDb, seed.id, 'doubao');
    if (!result) throw new Error('no card for doubao');

    expect(result.entity).toMatchObject({ name: 'Doubao', aliases: ['Doubao', '豆包'] });
    expect(result.propositions.map((proposition) => proposition.id)).toContain(
      'doubao-office-commercialization',
    );
    expect(result.facts.length).toBeGreaterThan(0);
    for (const fact of result.facts) {
      expect(FACT_STATUSES).toContain(fact.status);
      expect(fact.asOf).toMatch(/^\d{4}(-\d\d){0,2}$/);
    }
    const keys = result.facts.map((fact) => asOfSortKey(fact.asOf));
    expect(keys).toEqual([...keys].sort().reverse());

    const cited = new Set(result.facts.flatMap((fact) => [fact.sourceId, fact.quotedFromId]));
    cited.delete(undefined);
    expect(new Set(result.sources.map((source) => source.id))).toEqual(cited);
    // The seed pack ships no URLs (it invents none); any that a pack has are http(s).
    for (const source of result.sources) {
      expect(source.url ?? 'https://').toMatch(/^https?:\/\//);
      expect(source).not.toHaveProperty('text');
    }
    expect(result.related.map((related) => related.name)).toContain('ByteDance');
  });
});

describe('loadEntityCard: the reader’s language (pack format 2, issue 15)', () => {
  /** The fixture in English and Chinese, but for Widget's summary and the fact's claim. */
  const bilingual = () =>
    packWith((pack) => {
      pack.format = 2;
      pack.title = { en: 'Test pack', 'zh-CN': '测试包' };
      pack.propositions[0].title = { en: 'Widget launch', 'zh-CN': 'Widget发布' };
      pack.entities[0].name = { en: 'Acme', 'zh-CN': '阿克米' };
      pack.entities[0].summary = { en: 'A company that makes widgets.', 'zh-CN': '一家公司。' };
      pack.entities[1].name = { en: 'Widget', 'zh-CN': '小部件' };
      pack.sources[1].language = 'en-GB';
      pack.facts.push(acmeFact('blog-fact', '2026', { claim: { en: 'Blog.', 'zh-CN': '博客。' } }));
    });
  const loaded = async (preferred: string[]) => {
    const packDb = await installed(bilingual());
    return loadEntityCard(packDb, { packId: 'test-pack', entityId: 'acme' }, preferred);
  };

  it('shows the reader’s language, marking each text that falls back to the pack’s', async () => {
    const result = await loaded(['zh-CN']);
    expect(result).toMatchObject({
      lang: 'zh-CN',
      pack: { title: '测试包' },
      entity: { name: '阿克米', summary: '一家公司。' },
      propositions: [{ title: 'Widget发布', summary: 'Acme released its Widget model.' }],
      related: [{ name: '小部件', relation: 'makes' }],
    });
    expect(result?.pack).not.toHaveProperty('titleLang');
    expect(result?.entity).not.toHaveProperty('nameLang');
    expect(result?.propositions[0]).toMatchObject({ summaryLang: 'en' });
    expect(result?.propositions[0]).not.toHaveProperty('titleLang');
    const [blog, launch] = result?.facts ?? [];
    // The claim given in Chinese is shown so; the one given only in English falls back.
    expect(blog).toMatchObject({ claim: '博客。', quoteLang: 'en-GB' });
    expect(blog).not.toHaveProperty('claimLang');
    expect(launch).toMatchObject({
      claim: 'Acme launched Widget in late 2025.',
      claimLang: 'en',
      propositionTitle: 'Widget发布',
    });
    // Quotes are never translated: the source's words, in the pack's language here.
    expect(launch).toMatchObject({
      quote: 'Acme launched the Widget model in November 2025',
      quoteLang: 'en',
    });
  });

  it.each([
    ['English', ['en-US'], 'en'],
    ['a language the pack lacks: the pack’s own', ['ja'], 'en'],
    ['no preference: the pack’s own', [], 'en'],
  ])('with %s, shows English and marks only a quote in another', async (_, preferred, lang) => {
    const result = await loaded(preferred);
    expect(result).toMatchObject({ lang, pack: { title: 'Test pack' }, entity: { name: 'Acme' } });
    const langKeys = JSON.stringify(result).match(/"\w+Lang":"[^"]*"/g);
    expect(langKeys).toEqual(['"quoteLang":"en-GB"']);
  });

  it('shows a format-1 pack as it always did, whatever the reader prefers', async () => {
    const packDb = await installed(validPack());
    const ref = { packId: 'test-pack', entityId: 'acme' };
    const chinese = await loadEntityCard(packDb, ref, ['zh-CN']);
    expect(chinese).toEqual(await loadEntityCard(packDb, ref));
    expect(chinese).toMatchObject({ lang: 'en', entity: { name: 'Acme' } });
    expect(JSON.stringify(chinese)).not.toMatch(/Lang"/);
  });
});
