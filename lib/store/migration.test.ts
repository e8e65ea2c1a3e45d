import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { FactPack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { installedDocumentText } from './kept-documents';
import { dumpDatabase } from '../../tests/support/database-dump';
import { readAllFacts } from './fact-chunks';
import { installPack, packToRows } from './install';
import { rollbackPack } from './manage';
import { PackDatabase } from './pack-database';
import { listPacks } from './queries';
import { loadEntityCard } from './entity-card';
import type { PackRow } from './rows';
import { listsById, packVersions } from '../../tests/support/databases';
import { setEntityMuted, siteRuleFor } from './site-rules';
import { UserDatabase } from './user-database';

/** The pack database's version 1 exactly as it was released; never change this copy. */
const RELEASED_V1_STORES = {
  packs: 'id',
  sources: '[packId+id], packId',
  propositions: '[packId+id], packId',
  entities: '[packId+id], packId',
  aliases: '[packId+entityId+text], packId',
  facts: '[packId+id], packId, *subjectKeys',
};

/**
 * The rows schema v4's install wrote for `pack`: today's pack, source and proposition rows,
 * entities without `factOrdinals`, one alias row per alias and one fact row per fact (with
 * `subjectKeys`). Kept here as released; never change this copy.
 */
function v4Rows(pack: FactPack) {
  const { factChunks: _chunks, entities, ...rows } = packToRows(pack, 'file', 1_600_000_000_000);
  const { lastChange: _change, languages: _languages, ...packRow } = rows.pack;
  return {
    ...rows,
    pack: packRow,
    entities: entities.map(({ factOrdinals: _ordinals, ...entity }) => entity),
    aliases: pack.entities.flatMap((entity) =>
      entity.aliases.map((alias) => ({
        ...alias,
        packId: pack.id,
        entityId: entity.id,
        entityKind: entity.kind,
      })),
    ),
    facts: pack.facts.map((fact) => ({
      ...fact,
      packId: pack.id,
      subjectKeys: fact.subjectIds.map((id) => `${pack.id}/${id}`),
    })),
  };
}

/**
 * A pack database as schema v4 left it, holding `pack` as that version's install wrote it
 * and a cached matcher. Versions 1 to 4 exactly as released; never change this copy.
 * Answers its dump.
 */
async function v4Database(name: string, pack: FactPack) {
  const v4 = new Dexie(name);
  v4.version(1).stores(RELEASED_V1_STORES);
  v4.version(2)
    .stores({})
    .upgrade((tx) =>
      tx
        .table<PackRow>('packs')
        .toCollection()
        .modify((row) => {
          row.enabled ??= true;
        }),
    );
  v4.version(3).stores({ matchers: 'key' });
  v4.version(4).stores({ searchIndexes: 'key' });
  const rows = v4Rows(pack);
  await v4.transaction('rw', v4.tables, async () => {
    await v4.table('packs').add(rows.pack);
    await v4.table('sources').bulkAdd(rows.sources);
    await v4.table('propositions').bulkAdd(rows.propositions);
    await v4.table('entities').bulkAdd(rows.entities);
    await v4.table('aliases').bulkAdd(rows.aliases);
    await v4.table('facts').bulkAdd(rows.facts);
    await v4.table('matchers').add({ key: 'cached', compiled: {}, builtAt: 1 });
  });
  const dump = await dumpDatabase(v4);
  v4.close();
  return dump;
}

/** Pack rows as v8 leaves rows of earlier versions: with their one language listed. */
function withLanguages(packs: unknown[] | undefined) {
  return (packs as PackRow[]).map((row) => ({ ...row, languages: [row.language] }));
}

/**
 * A pack database as schema v7 (the last released) left it, holding `pack` as v7's install
 * wrote it (pack rows without `languages`) and its kept document. The stores of versions 1 to
 * 7 exactly as released (a new database is created at v7 directly, so no upgrade runs); never
 * change this copy. Answers its dump.
 */
async function v7Database(name: string, pack: FactPack) {
  const v7 = new Dexie(name);
  v7.version(1).stores(RELEASED_V1_STORES);
  v7.version(2).stores({});
  v7.version(3).stores({ matchers: 'key' });
  v7.version(4).stores({ searchIndexes: 'key' });
  v7.version(5).stores({ packDocuments: '[packId+version], packId' });
  v7.version(6).stores({ factChunks: '[packId+n], packId' });
  v7.version(7).stores({ facts: null, aliases: null });
  const {
    pack: packRow,
    sources,
    propositions,
    entities,
    factChunks,
  } = packToRows(pack, 'file', 1_700_000_000_000);
  const { languages: _languages, ...v7PackRow } = packRow;
  await v7.transaction('rw', v7.tables, async () => {
    await v7.table('packs').add(v7PackRow);
    await v7.table('sources').bulkAdd(sources);
    await v7.table('propositions').bulkAdd(propositions);
    await v7.table('entities').bulkAdd(entities);
    await v7.table('factChunks').bulkAdd(factChunks);
    await v7
      .table('packDocuments')
      .add({ packId: pack.id, version: pack.version, text: JSON.stringify(pack), storedAt: 1 });
  });
  const dump = await dumpDatabase(v7);
  v7.close();
  return dump;
}

describe('PackDatabase migrations', () => {
  it("v7 → v8 lists each pack's one language and keeps every row; cards and updates work", async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const { v1, v2 } = packVersions();
    const before = await v7Database(name, v1);

    const current = new PackDatabase(name);
    await current.open();
    expect(current.verno).toBe(8);
    expect(await dumpDatabase(current)).toEqual({
      ...before,
      packs: withLanguages(before.packs),
    });
    expect((await listPacks(current))[0]?.languages).toEqual(['en']);
    // A card reads the old rows as a freshly installed format-1 pack's.
    const fresh = new PackDatabase(`test-fresh-${crypto.randomUUID()}`);
    await installPack(fresh, v1, { origin: 'file', now: () => 1 });
    const ref = { packId: v1.id, entityId: 'acme' };
    expect(await loadEntityCard(current, ref)).toEqual(await loadEntityCard(fresh, ref));
    fresh.close();
    // A format-2 update replaces it, listing both languages.
    const localized = { ...v2, format: 2 as const, title: { en: 'Test pack', 'zh-CN': '测试包' } };
    const updated = await installPack(current, localized, { origin: 'file', now: () => 5 });
    expect(updated.languages).toEqual(['en', 'zh-CN']);
    current.close();
  });

  it('v1 → v2 keeps every row and turns existing packs on', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(RELEASED_V1_STORES);
    await v1.table('packs').add({ id: 'old', version: '1.0.0', title: 'Old' });
    await v1.table('entities').add({ packId: 'old', id: 'e1', name: 'E' });
    v1.close();

    const current = new PackDatabase(name);
    await current.open();
    expect(current.verno).toBe(8);
    expect(await current.packs.get('old')).toMatchObject({ id: 'old', enabled: true });
    expect(await current.entities.get(['old', 'e1'])).toMatchObject({ name: 'E' });
    current.close();
  });

  it('a new database opens at the latest version with every table', async () => {
    const db = new PackDatabase(`test-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(8);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'entities',
      'factChunks',
      'matchers',
      'packDocuments',
      'packs',
      'propositions',
      'searchIndexes',
      'sources',
    ]);
  });

  it('v4 → v8 keeps every fact in chunks; packs without a kept document list, export and update', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const { v1, v2 } = packVersions();
    const before = await v4Database(name, v1);

    const current = new PackDatabase(name);
    await current.open();
    expect(current.verno).toBe(8);
    const { packDocuments, factChunks, entities, ...after } = await dumpDatabase(current);
    const { facts: oldFacts, aliases: _aliases, entities: oldEntities, ...unchanged } = before;
    // v8 lists each pack's languages: a pack from then is format 1, all in its language.
    expect(after).toEqual({ ...unchanged, packs: withLanguages(unchanged.packs) });
    expect(packDocuments).toEqual([]);
    // Facts moved into chunks (in id order: the v4 rows no longer knew the author's), and
    // each entity lists where its facts are.
    expect(factChunks).toHaveLength(1);
    const facts = await current.transaction('r', current.factChunks, () =>
      readAllFacts(current, ['test-pack']),
    );
    expect(facts).toEqual(
      (oldFacts as { subjectKeys: string[] }[]).map(({ subjectKeys: _keys, ...fact }) => fact),
    );
    expect(entities).toEqual(
      (oldEntities as { id: string }[]).map((entity) => ({
        ...entity,
        factOrdinals: v1.facts.flatMap((fact, ordinal) =>
          fact.subjectIds.includes(entity.id) ? [ordinal] : [],
        ),
      })),
    );
    const upgraded = {
      sources: after.sources,
      propositions: after.propositions,
      entities,
      factChunks,
    };

    expect(await listPacks(current)).toEqual([
      { ...(before.packs?.[0] as PackRow), languages: ['en'], previousVersion: null },
    ]);
    const row = await current.packs.get('test-pack');
    if (!row) throw new Error('the pack did not survive the upgrade');
    const exported = validatePack(JSON.parse(await installedDocumentText(current, row)));
    expect(exported.ok).toBe(true);
    if (exported.ok) expect(listsById(exported.pack)).toEqual(listsById(v1));

    // Its first update keeps the rebuilt document, so the update can be rolled back.
    const updated = await installPack(current, v2, { origin: 'file', now: () => 5 });
    expect(updated.lastChange).toMatchObject({ from: '1.0.0', to: '1.1.0', total: 2 });
    expect((await listPacks(current))[0]?.previousVersion).toBe('1.0.0');
    await rollbackPack(current, 'test-pack', () => 6);
    const {
      packs: rolledBack,
      sources,
      propositions,
      entities: rolledEntities,
      factChunks: chunks,
    } = await dumpDatabase(current);
    expect({ sources, propositions, entities: rolledEntities, factChunks: chunks }).toEqual(
      upgraded,
    );
    const { packs: original } = before;
    const { installedAt: _at, ...originalRow } = original?.[0] as PackRow;
    expect(rolledBack?.[0]).toMatchObject({ ...originalRow, heldBelow: '1.1.0' });
    current.close();
  });
});

/** The user database's versions 1 and 2 exactly as they were released; never change this copy. */
function releasedUserDatabase(name: string, version: 1 | 2): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    settings: 'key',
    siteRules: 'host',
    notes: '++id, [packId+entityId]',
  });
  if (version >= 2) db.version(2).stores({ subscriptions: 'url' });
  return db;
}

const SUBSCRIPTION_ROW = {
  url: 'https://packs.example/index.json',
  addedAt: 1,
  packIds: ['test-pack'],
  etag: '"v1"',
  lastError: { code: 'network', message: 'offline', at: 2 },
  failures: 1,
  nextCheckAt: 3,
};

describe('UserDatabase migrations', () => {
  it('v1 → v2 keeps settings, site rules and notes, and adds subscriptions', async () => {
    const name = `test-user-migration-${crypto.randomUUID()}`;
    const v1 = releasedUserDatabase(name, 1);
    await v1.table('settings').add({ key: 'hoverDelayMs', value: 250 });
    await v1.table('siteRules').add({
      host: 'example.com',
      disabled: false,
      mutedEntities: ['test-pack/acme'],
      updatedAt: 3,
    });
    await v1.table('notes').add({ packId: 'test-pack', entityId: 'acme', text: 'n', createdAt: 4 });
    const before = await dumpDatabase(v1);
    v1.close();

    const v2 = releasedUserDatabase(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await dumpDatabase(v2)).toEqual({ ...before, subscriptions: [] });
    v2.close();
  });

  it('v2 → v3 drops the settings and notes tables and `disabled`, keeping every mute and subscription', async () => {
    const name = `test-user-migration-${crypto.randomUUID()}`;
    const v2 = releasedUserDatabase(name, 2);
    await v2.table('settings').bulkAdd([
      { key: 'hoverDelayMs', value: 250 },
      { key: 'highlightStyle', value: { underline: true } },
    ]);
    await v2.table('notes').add({ packId: 'test-pack', entityId: 'acme', text: 'n', createdAt: 4 });
    await v2.table('siteRules').bulkAdd([
      { host: 'a.example', disabled: false, mutedEntities: ['test-pack/acme'], updatedAt: 5 },
      { host: 'b.example', disabled: true, mutedEntities: ['p/x', 'test-pack/acme'], updatedAt: 6 },
      // Rules that muted nothing said only `disabled`, which nothing ever read.
      { host: 'c.example', disabled: true, mutedEntities: [], updatedAt: 7 },
      { host: 'd.example', disabled: false, mutedEntities: [], updatedAt: 8 },
    ]);
    await v2.table('subscriptions').add(SUBSCRIPTION_ROW);
    v2.close();

    const current = new UserDatabase(name);
    await current.open();
    expect(current.verno).toBe(3);
    expect(await dumpDatabase(current)).toEqual({
      siteRules: [
        { host: 'a.example', mutedEntities: ['test-pack/acme'], updatedAt: 5 },
        { host: 'b.example', mutedEntities: ['p/x', 'test-pack/acme'], updatedAt: 6 },
      ],
      subscriptions: [SUBSCRIPTION_ROW],
    });
    // Site rules read and change as ever after the upgrade.
    expect(await siteRuleFor(current, 'b.example')).toEqual({
      host: 'b.example',
      mutedEntities: ['p/x', 'test-pack/acme'],
      updatedAt: 6,
    });
    await setEntityMuted(current, 'a.example', 'test-pack/acme', false, () => 9);
    expect(await current.siteRules.count()).toBe(1);
    current.close();

    // Opened as it is on disk, with no schema of ours: the dropped tables are gone from it.
    const reopened = new Dexie(name);
    await reopened.open();
    expect(reopened.tables.map((table) => table.name).sort()).toEqual([
      'siteRules',
      'subscriptions',
    ]);
    reopened.close();
  });

  it('a new database opens at the latest version with only site rules and subscriptions', async () => {
    const db = new UserDatabase(`test-user-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['siteRules', 'subscriptions']);
    db.close();
  });
});
