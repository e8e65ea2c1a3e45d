import { describe, expect, it, vi } from 'vitest';
import { packWith, validPack } from '../pack/test-fixtures';
import { dumpDatabase } from './dump';
import { installPack, packToRows, PackInstallError, removePack } from './install';
import { freshDatabases, parsedPack } from './test-databases';

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
    expect(await packDb.facts.where('subjectKeys').equals('test-pack/widget').count()).toBe(1);
    expect(await packDb.aliases.get(['test-pack', 'widget', 'Widget'])).toMatchObject({
      case: 'sensitive',
      context: ['Acme'],
      entityKind: 'model',
    });
  });

  it('replaces the previous version entirely, keeping no stale rows', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, v2, { origin: 'url', now });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
    expect(await packDb.facts.count()).toBe(0);
    expect(await packDb.aliases.count()).toBe(3);
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

  it('rolls everything back when a write fails mid-transaction', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const before = await dumpDatabase(packDb);
    const failure = new DOMException('disk full', 'QuotaExceededError');
    const spy = vi.spyOn(packDb.facts, 'bulkAdd').mockRejectedValueOnce(failure);
    await expect(installPack(packDb, v2, { origin: 'file', now })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await dumpDatabase(packDb)).toEqual(before);
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
    await userDb.settings.put({ key: 'hoverDelayMs', value: 250 });
    await userDb.siteRules.put({
      host: 'example.com',
      disabled: true,
      mutedEntities: [],
      updatedAt: 1,
    });
    const before = await dumpDatabase(userDb);
    await installPack(packDb, v1, { origin: 'file', now });
    await installPack(packDb, v2, { origin: 'file', now });
    await removePack(packDb, 'test-pack');
    expect(await dumpDatabase(userDb)).toEqual(before);
  });
});

describe('removePack', () => {
  it('removes the pack and every row it owned, and says whether it existed', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    expect(await removePack(packDb, 'test-pack')).toBe(true);
    expect(await removePack(packDb, 'test-pack')).toBe(false);
    const dump = await dumpDatabase(packDb);
    expect(Object.values(dump).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe('packToRows', () => {
  it('keys every row by its pack and drops the $schema hint', () => {
    const rows = packToRows({ ...v1, $schema: './fact-pack.schema.json' }, 'bundled', 5);
    expect(rows.pack).not.toHaveProperty('$schema');
    expect(rows.pack).not.toHaveProperty('entities');
    expect(rows.facts[0]?.subjectKeys).toEqual(['test-pack/acme', 'test-pack/widget']);
    expect(new Set(rows.entities.map((row) => row.packId))).toEqual(new Set(['test-pack']));
  });
});
