import { describe, expect, it, vi } from 'vitest';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { installPack } from './install';
import { ensureSeedPack } from './seed';
import { freshDatabases, parsedPack } from '../../tests/support/databases';

const now = () => 42;
const seed = parsedPack(validPack());
const newerSeed = parsedPack(packWith((pack) => (pack.version = '2.0.0')));

describe('ensureSeedPack', () => {
  it('installs the bundled pack into an empty database', async () => {
    const { packDb } = freshDatabases();
    expect(await ensureSeedPack(packDb, seed, now)).toBe('installed');
    expect(await packDb.packs.get('test-pack')).toMatchObject({
      origin: 'bundled',
      version: '1.0.0',
    });
  });

  it('does nothing when the pack is present', async () => {
    const { packDb } = freshDatabases();
    await ensureSeedPack(packDb, seed, now);
    expect(await ensureSeedPack(packDb, seed, now)).toBe('present');
  });

  it('restores the pack after the database was wiped', async () => {
    const { packDb } = freshDatabases();
    await ensureSeedPack(packDb, seed, now);
    await packDb.delete();
    await packDb.open();
    expect(await ensureSeedPack(packDb, seed, now)).toBe('installed');
    expect(await packDb.entities.count()).toBe(2);
  });

  it('leaves an empty database empty while the reader has declined the bundled pack', async () => {
    const { packDb } = freshDatabases();
    const declined = vi.fn(async () => true);
    expect(await ensureSeedPack(packDb, seed, now, { declined })).toBe('declined');
    expect(await packDb.packs.count()).toBe(0);
    expect(declined).toHaveBeenCalledTimes(1);
    // The reader restored it: the choice is lifted, the pack heals again.
    expect(await ensureSeedPack(packDb, seed, now, { declined: async () => false })).toBe(
      'installed',
    );
  });

  it("asks about the reader's choice only when the database is empty", async () => {
    const { packDb } = freshDatabases();
    await ensureSeedPack(packDb, seed, now);
    const declined = vi.fn(async () => true);
    expect(await ensureSeedPack(packDb, newerSeed, now, { declined })).toBe('updated');
    expect(declined).not.toHaveBeenCalled();
  });

  it('two concurrent wake-ups install it once', async () => {
    const { packDb } = freshDatabases();
    const outcomes = await Promise.all([
      ensureSeedPack(packDb, seed, now),
      ensureSeedPack(packDb, seed, now),
    ]);
    expect(outcomes.sort()).toEqual(['installed', 'present']);
  });

  it('updates a bundled pack when the extension ships a newer one', async () => {
    const { packDb } = freshDatabases();
    await ensureSeedPack(packDb, seed, now);
    expect(await ensureSeedPack(packDb, newerSeed, now)).toBe('updated');
    expect((await packDb.packs.get('test-pack'))?.version).toBe('2.0.0');
  });

  it('leaves a same-id pack from another origin alone', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, seed, { origin: 'url', now });
    expect(await ensureSeedPack(packDb, newerSeed, now)).toBe('present');
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
  });
});
