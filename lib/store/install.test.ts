import { describe, expect, it, vi } from 'vitest';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import {
  installPack,
  packToRows,
  PackInstallError,
  removePack,
  type InstallOptions,
} from './install';
import { rollbackPack } from './manage';
import type { PackDatabase } from './pack-database';
import {
  addUserData,
  freshDatabases,
  packVersions,
  parsedPack,
} from '../../tests/support/databases';

const now = () => 1_700_000_000_000;
const v1 = parsedPack(validPack());
const v2 = parsedPack(
  packWith((pack) => {
    pack.version = '1.1.0';
    pack.entities[1].aliases.push({ text: 'Widget Pro', lang: 'en' });
    pack.facts.pop();
  }),
);

describe('installPack', () => {
  it('writes every row of the pack and counts them', async () => {
    const { packDb } = freshDatabases();
    const row = await installPack(packDb, v1, { origin: 'file', now });
    expect(row.counts).toEqual({ sources: 2, propositions: 1, entities: 2, aliases: 2, facts: 1 });
    expect(row).toMatchObject({
      id: 'test-pack',
      version: '1.0.0',
      enabled: true,
      installedAt: now(),
    });
    expect(await packDb.entities.where('packId').equals('test-pack').count()).toBe(2);
    expect(await packDb.entities.get(['test-pack', 'widget'])).toMatchObject({
      aliases: [{ text: 'Widget', case: 'sensitive', context: ['Acme'] }],
      factOrdinals: [0],
    });
    expect(await packDb.factChunks.where('packId').equals('test-pack').count()).toBe(1);
  });

  it('replaces the previous version entirely, keeping no stale rows', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, v2, { origin: 'file', now });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
    expect(await packDb.factChunks.count()).toBe(0);
    const entities = await packDb.entities.toArray();
    expect(entities.flatMap((entity) => entity.aliases)).toHaveLength(3);
    expect(entities.map((entity) => entity.factOrdinals)).toEqual([[], []]);
  });

  it('leaves exactly the rows of the new version, whatever the old one had', async () => {
    const { packDb } = freshDatabases();
    const smaller = parsedPack(
      packWith((pack) => {
        pack.version = '2.0.0';
        pack.sources.pop();
        pack.entities.pop();
        pack.entities[0].related.splice(0);
        pack.propositions[0].entityIds = ['acme'];
        pack.facts[0].subjectIds = ['acme'];
      }),
    );
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, smaller, { origin: 'file', now });
    const { packDocuments: _kept, packs, ...content } = await dumpDatabase(packDb);
    const fresh = freshDatabases().packDb;
    await installPack(fresh, smaller, { origin: 'file', now });
    const { packDocuments: _fresh, packs: freshPacks, ...expected } = await dumpDatabase(fresh);
    expect(content).toEqual(expected);
    expect(packs?.length).toBe(freshPacks?.length);
  });

  it.each([
    ['the same version', v1],
    ['an older version', parsedPack(packWith((pack) => (pack.version = '0.9.0')))],
  ])('refuses %s and leaves the store unchanged', async (_label, candidate) => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    await expect(installPack(packDb, candidate, { origin: 'file', now })).rejects.toBeInstanceOf(
      PackInstallError,
    );
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('installs the same version when the user chose to', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v2, { origin: 'file', now });
    await installPack(packDb, v1, { origin: 'file', now, allowNotNewer: true });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
  });

  it.each<[string, (db: PackDatabase) => { mockRejectedValueOnce(error: unknown): unknown }]>([
    ['the facts', (db) => vi.spyOn(db.factChunks, 'bulkPut')],
    ['the pack row', (db) => vi.spyOn(db.packs, 'put')],
    ['the document', (db) => vi.spyOn(db.packDocuments, 'put')],
  ])('rolls everything back when writing %s fails', async (_label, spyOn) => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    expect(before.packDocuments).toHaveLength(1);
    spyOn(packDb).mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'));
    await expect(installPack(packDb, v2, { origin: 'file', now })).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it.each<[string, typeof v1 | null, string | null]>([
    ['an install over a version other than the one read', v1, '0.9.0'],
    ['a first install when a version was read', null, '1.0.0'],
    ['an update when nothing was read', v1, null],
  ])('refuses %s as changed, writing nothing', async (_label, installed, replacing) => {
    const { packDb } = freshDatabases();
    if (installed) await installPack(packDb, installed, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    const attempt = installPack(packDb, v2, { origin: 'file', now, replacing });
    await expect(attempt).rejects.toBeInstanceOf(PackInstallError);
    await expect(attempt).rejects.toMatchObject({ code: 'changed' });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('installs when the version read is still the one installed', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now, replacing: null });
    await installPack(packDb, v2, { origin: 'file', now, replacing: '1.0.0' });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
  });

  it('records where a synced pack came from, and clears a hold on the next install', async () => {
    const { packDb } = freshDatabases();
    const sourceUrl = 'https://packs.example/index.json';
    await installPack(packDb, v1, { origin: 'url', now, sourceUrl, heldBelow: '1.1.0' });
    expect(await packDb.packs.get('test-pack')).toMatchObject({ sourceUrl, heldBelow: '1.1.0' });
    await installPack(packDb, v2, { origin: 'url', now, sourceUrl });
    const row = await packDb.packs.get('test-pack');
    expect(row).not.toHaveProperty('heldBelow');
    expect(row).toMatchObject({ origin: 'url', sourceUrl });
  });

  it('installs on or off as asked, whatever the replaced version was', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now, enabled: false });
    expect((await packDb.packs.get('test-pack'))?.enabled).toBe(false);
    await installPack(packDb, v2, { origin: 'file', now, enabled: true });
    expect((await packDb.packs.get('test-pack'))?.enabled).toBe(true);
  });

  it('keeps a disabled pack disabled across an update', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    await packDb.packs.update('test-pack', { enabled: false });
    await installPack(packDb, v2, { origin: 'file', now });
    expect((await packDb.packs.get('test-pack'))?.enabled).toBe(false);
  });

  it('never touches user data', async () => {
    const { packDb, userDb } = freshDatabases();
    await addUserData(userDb);
    const before = await dumpDatabase(userDb);
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, v2, { origin: 'file', now });
    await removePack(packDb, 'test-pack');
    expect(await dumpDatabase(userDb)).toEqual(before);
  });
});

/**
 * One pack id, one owner: v1 installed by `owner`, then v2 (newer, so only the owner check
 * can refuse it) offered by `installer`. A refusal names both and leaves every row as it was.
 */
describe('who may replace an installed pack', () => {
  const A = 'https://a.example/index.json';
  const B = 'https://b.example/index.json';
  const KEY = 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
  const OTHER_KEY = 'ed25519:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';
  type Owner = Pick<InstallOptions, 'origin' | 'sourceUrl' | 'sourceKey'>;
  const bundled: Owner = { origin: 'bundled' };
  const file: Owner = { origin: 'file' };
  const subA: Owner = { origin: 'url', sourceUrl: A };
  const subB: Owner = { origin: 'url', sourceUrl: B };
  const pinnedA: Owner = { origin: 'url', sourceUrl: A, sourceKey: KEY };

  it.each<[string, Owner, Owner]>([
    ['the bundled pack by the bundled pack', bundled, bundled],
    ['a file import by a file import', file, file],
    ['a subscription pack by the same subscription', subA, subA],
    ['a pinned subscription pack by the same URL and key', pinnedA, pinnedA],
    ['an unpinned subscription pack by its URL now pinned', subA, pinnedA],
    ['a pack synced before sources were recorded, by a subscription', { origin: 'url' }, subB],
  ])('allows %s', async (_label, owner, installer) => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { ...owner, now });
    const row = await installPack(packDb, v2, { ...installer, now });
    expect(row).toMatchObject({ version: '1.1.0', ...installer });
  });

  it.each<[string, Owner, Owner, string]>([
    [
      'a subscription pack by another subscription',
      subA,
      subB,
      `"test-pack" is installed from ${A}; ${B} may not replace it. Remove it first to install it from elsewhere.`,
    ],
    [
      'a pinned subscription pack by an unpinned one',
      pinnedA,
      subB,
      `"test-pack" is installed from ${A} with the publisher key ed25519:AAAAAAAA… pinned; ${B} may not replace it.`,
    ],
    [
      'a pinned subscription pack by its URL without the key',
      pinnedA,
      subA,
      `${A} without that publisher key may not replace it.`,
    ],
    [
      'a pinned subscription pack by its URL with another key',
      pinnedA,
      { ...pinnedA, sourceKey: OTHER_KEY },
      `${A} with another publisher key may not replace it.`,
    ],
    [
      'the bundled pack by a subscription',
      bundled,
      subB,
      `"test-pack" is installed as the pack bundled with Fact Lens; ${B} may not replace it.`,
    ],
    [
      'the bundled pack by a file import',
      bundled,
      file,
      'bundled with Fact Lens; a file import may not replace it. Remove it first',
    ],
    ['a subscription pack by a file import', subA, file, `from ${A}; a file import may not`],
    ['a file import by a subscription', file, subA, `from a file; ${A} may not replace it`],
    ['a subscription pack by the bundled pack', subA, bundled, 'the bundled pack may not'],
  ])('refuses %s, naming both and writing nothing', async (_label, owner, installer, message) => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { ...owner, now });
    const before = await dumpDatabase(packDb);
    const attempt = installPack(packDb, v2, { ...installer, now, allowNotNewer: true });
    await expect(attempt).rejects.toMatchObject({
      name: 'PackInstallError',
      code: 'owner',
      message: expect.stringContaining(message),
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('keeps the owner across a rollback', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { ...pinnedA, now });
    await installPack(packDb, v2, { ...pinnedA, now });
    expect(await rollbackPack(packDb, 'test-pack', now)).toMatchObject(pinnedA);
    await expect(installPack(packDb, v2, { ...subA, now })).rejects.toMatchObject({
      code: 'owner',
    });
  });
});

describe('lastChange', () => {
  const versions = packVersions();

  it('summarises a first install as coming from nothing', async () => {
    const { packDb } = freshDatabases();
    const row = await installPack(packDb, versions.v1, { origin: 'file', now });
    // Two sources, a proposition, two entities and a fact, all added.
    expect(row.lastChange).toMatchObject({ from: null, to: '1.0.0', at: now(), total: 6 });
    // The versions are fields; the lines only say what changed.
    expect(row.lastChange?.lines[0]).toBe('Entities: 2 added (Acme; Widget), 0 removed, 0 changed');
  });

  it('names what an update added and changed', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, versions.v1, { origin: 'file', now });
    const row = await installPack(packDb, versions.v2, { origin: 'file', now: () => 9 });
    expect(row.lastChange).toMatchObject({ from: '1.0.0', to: '1.1.0', at: 9, total: 2 });
    expect(row.lastChange?.lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Orbit Gadget'),
        expect.stringContaining('Acme launched Widget in November 2025.'),
      ]),
    );
    expect(await packDb.packs.get('test-pack')).toEqual(row);
  });
});

describe('removePack', () => {
  it('removes the pack, its rows and its documents, answering what undo needs', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const text = JSON.stringify(v2, null, 2);
    const installed = await installPack(packDb, v2, { origin: 'file', now, text });
    expect(await packDb.packDocuments.count()).toBe(2);
    expect(await removePack(packDb, 'test-pack')).toEqual({ pack: installed, text });
    expect(await removePack(packDb, 'test-pack')).toBeNull();
    const dump = await dumpDatabase(packDb);
    expect(Object.values(dump).every((rows) => rows.length === 0)).toBe(true);
  });

  it('leaves every other pack exactly as it was', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack({ ...validPack(), id: 'other-pack' }), {
      origin: 'file',
      now,
    });
    const before = await dumpDatabase(packDb);
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, v2, { origin: 'file', now });
    await removePack(packDb, 'test-pack');
    expect(await dumpDatabase(packDb)).toEqual(before);
  });
});

describe('packToRows', () => {
  it('keys every row by its pack and drops the $schema hint', () => {
    const rows = packToRows({ ...v1, $schema: './fact-pack.schema.json' }, 'bundled', 5);
    expect(rows.pack).not.toHaveProperty('$schema');
    expect(rows.pack).not.toHaveProperty('entities');
    expect(rows.entities.map((row) => row.factOrdinals)).toEqual([[0], [0]]);
    expect(rows.factChunks).toEqual([
      { packId: 'test-pack', n: 0, json: JSON.stringify(v1.facts) },
    ]);
    expect(new Set(rows.entities.map((row) => row.packId))).toEqual(new Set(['test-pack']));
  });
});
