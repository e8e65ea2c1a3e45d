import { describe, expect, it } from 'vitest';
import { freshDatabases, packVersions } from '../../tests/support/databases';
import { installPack, packToRows } from './install';
import { setPackEnabled } from './manage';
import { installedPack, installedPackOf, listPacks } from './queries';
import type { PackRow } from './rows';

const { v1, v2 } = packVersions();
const now = () => 1_000;

/** A pack row with every optional column set. */
function fullRow(): PackRow {
  return {
    ...packToRows(v1, 'url', 5).pack,
    sourceUrl: 'https://packs.example/index.json',
    lastChange: { from: null, to: '1.0.0', at: 5, total: 3, lines: ['+ entity Acme'] },
    heldBelow: '1.1.0',
  };
}

describe('installedPackOf', () => {
  it('hands out every column of a pack row, optional ones too', () => {
    const row = fullRow();
    expect(installedPackOf(row)).toStrictEqual(row);
  });

  it('leaves out optional columns a row does not have, rather than sending them as undefined', () => {
    const pack = installedPackOf(packToRows(v1, 'file', 5).pack);
    expect(Object.keys(pack)).not.toContain('sourceUrl');
    expect(Object.keys(pack)).not.toContain('heldBelow');
  });

  it('keeps a column the store adds for itself off what it hands out', () => {
    const row = { ...fullRow(), storeOnly: 'bookkeeping' };
    expect(installedPackOf(row)).not.toHaveProperty('storeOnly');
  });
});

describe('installed packs as the store answers them', () => {
  it('install, switch and read answer the row as stored', async () => {
    const { packDb } = freshDatabases();
    const installed = await installPack(packDb, v1, { origin: 'file', now });
    expect(await packDb.packs.get('test-pack')).toStrictEqual(installed);
    expect(await installedPack(packDb, 'test-pack')).toStrictEqual(installed);
    expect(await setPackEnabled(packDb, 'test-pack', false)).toStrictEqual({
      ...installed,
      enabled: false,
    });
    expect(await installedPack(packDb, 'other-pack')).toBeUndefined();
  });

  it('lists each pack with the version a rollback would install', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    const updated = await installPack(packDb, v2, { origin: 'file', now });
    expect(await listPacks(packDb)).toStrictEqual([{ ...updated, previousVersion: '1.0.0' }]);
  });
});
