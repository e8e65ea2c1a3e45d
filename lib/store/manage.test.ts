import { describe, expect, it, vi } from 'vitest';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import { installPack, PackInstallError, type InstallOptions } from './install';
import { PackManageError, rollbackPack, setPackEnabled } from './manage';
import type { PackDatabase } from './pack-database';
import { listPacks } from './queries';
import type { PackRow } from './rows';
import { freshDatabases, packVersions } from '../../tests/support/databases';

const now = () => 1_700_000_000_000;
const later = () => 1_700_000_100_000;
const { v1, v2 } = packVersions();

/** Installed v1, then v2: v1's document is kept for a rollback. */
async function updated(options: Partial<InstallOptions> = {}) {
  const { packDb } = freshDatabases();
  await installPack(packDb, v1, { origin: 'file', now, ...options });
  await installPack(packDb, v2, { origin: 'file', now, ...options });
  return packDb;
}

/** Every row but the documents, with the install bookkeeping that differs by history left out. */
async function contentOf(db: PackDatabase) {
  const { packs = [], packDocuments: _documents, ...rows } = await dumpDatabase(db);
  const strip = ({ installedAt: _at, lastChange: _change, heldBelow: _held, ...row }: PackRow) =>
    row;
  return { ...rows, packs: (packs as PackRow[]).map(strip) };
}

/** A database where only `installs` happened, in that order. */
async function freshlyInstalled(...installs: (typeof v1)[]) {
  const { packDb } = freshDatabases();
  for (const pack of installs) await installPack(packDb, pack, { origin: 'file', now });
  return packDb;
}

async function previousVersion(db: PackDatabase) {
  return (await listPacks(db))[0]?.previousVersion;
}

describe('setPackEnabled', () => {
  it('switches a pack off and on, and changes nothing else', async () => {
    const { packDb } = freshDatabases();
    const installed = await installPack(packDb, v1, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    expect(await setPackEnabled(packDb, 'test-pack', false)).toEqual({
      ...installed,
      enabled: false,
    });
    expect((await packDb.packs.get('test-pack'))?.enabled).toBe(false);
    expect(await setPackEnabled(packDb, 'test-pack', false)).toMatchObject({ enabled: false });
    expect(await setPackEnabled(packDb, 'test-pack', true)).toEqual(installed);
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('refuses a pack that is not installed, writing nothing', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    await expect(setPackEnabled(packDb, 'other-pack', false)).rejects.toMatchObject({
      name: 'PackManageError',
      code: 'not-found',
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });
});

describe('rollbackPack', () => {
  it('puts the earlier version back exactly and holds sync below the version left', async () => {
    const packDb = await updated();
    const row = await rollbackPack(packDb, 'test-pack', later);
    expect(row).toMatchObject({ version: '1.0.0', heldBelow: '1.1.0', installedAt: later() });
    expect(row.lastChange).toMatchObject({ from: '1.1.0', to: '1.0.0', at: later() });
    expect(await packDb.packs.get('test-pack')).toEqual(row);
    expect(await contentOf(packDb)).toEqual(await contentOf(await freshlyInstalled(v1)));
    expect(await previousVersion(packDb)).toBe('1.1.0');
  });

  it('rolled back twice, is forward again with the hold cleared', async () => {
    const packDb = await updated();
    await rollbackPack(packDb, 'test-pack', later);
    const row = await rollbackPack(packDb, 'test-pack', later);
    expect(row.version).toBe('1.1.0');
    expect(row).not.toHaveProperty('heldBelow');
    expect(await contentOf(packDb)).toEqual(await contentOf(await freshlyInstalled(v1, v2)));
    expect(await previousVersion(packDb)).toBe('1.0.0');
  });

  it('keeps where the pack came from and whether it is on', async () => {
    const sourceUrl = 'https://packs.example/test-pack.json';
    const packDb = await updated({ origin: 'url', sourceUrl });
    await setPackEnabled(packDb, 'test-pack', false);
    expect(await rollbackPack(packDb, 'test-pack', later)).toMatchObject({
      origin: 'url',
      sourceUrl,
      enabled: false,
    });
  });

  it('reinstalls the kept text byte for byte', async () => {
    const text = JSON.stringify(v1, null, 4);
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now, text });
    await installPack(packDb, v2, { origin: 'file', now });
    await rollbackPack(packDb, 'test-pack', later);
    expect((await packDb.packDocuments.get(['test-pack', '1.0.0']))?.text).toBe(text);
  });

  const editKept = (text: string) => async (db: PackDatabase) => {
    await db.packDocuments.update(['test-pack', '1.0.0'], { text });
  };
  it.each<[string, (db: PackDatabase) => Promise<unknown>, string, string]>([
    ['a pack that is not installed', async () => {}, 'other-pack', 'not-found'],
    [
      'a pack with no earlier version kept',
      (db) => db.packDocuments.delete(['test-pack', '1.0.0']),
      'test-pack',
      'no-previous',
    ],
    ['a kept document that is not JSON', editKept('{"format": 1,'), 'test-pack', 'invalid-pack'],
    [
      'a kept document that no longer validates',
      editKept(JSON.stringify(packWith((pack) => (pack.facts[0].sourceId = 'nowhere')))),
      'test-pack',
      'invalid-pack',
    ],
    [
      "a kept document holding another pack's id",
      editKept(JSON.stringify({ ...validPack(), id: 'other-pack' })),
      'test-pack',
      'invalid-pack',
    ],
    [
      'a kept document holding another version',
      editKept(JSON.stringify({ ...validPack(), version: '0.5.0' })),
      'test-pack',
      'invalid-pack',
    ],
  ])('refuses %s and changes nothing', async (_label, edit, packId, code) => {
    const packDb = await updated();
    await edit(packDb);
    const before = await dumpDatabase(packDb);
    const attempt = rollbackPack(packDb, packId, later);
    await expect(attempt).rejects.toBeInstanceOf(PackManageError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('refuses as a conflict when another install replaced the version it read', async () => {
    const packDb = await updated();
    const before = await dumpDatabase(packDb);
    // The rollback reads 1.0.0 as installed, as if 1.1.0 were installed just after that read.
    const stale = await packDb.packs.get('test-pack');
    const spy = vi.spyOn(packDb.packs, 'get');
    spy.mockResolvedValueOnce(stale && { ...stale, version: '1.0.0' });
    const attempt = rollbackPack(packDb, 'test-pack', later);
    await expect(attempt).rejects.toBeInstanceOf(PackInstallError);
    await expect(attempt).rejects.toMatchObject({ code: 'changed' });
    spy.mockRestore();
    expect(await dumpDatabase(packDb)).toEqual(before);
  });
});
