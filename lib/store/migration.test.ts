import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PackDatabase } from './pack-database';

describe('PackDatabase migrations', () => {
  it('v1 → v2 keeps every row and turns existing packs on', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    // Version 1 exactly as it was released; never change this copy.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      packs: 'id',
      sources: '[packId+id], packId',
      propositions: '[packId+id], packId',
      entities: '[packId+id], packId',
      aliases: '[packId+entityId+text], packId',
      facts: '[packId+id], packId, *subjectKeys',
    });
    await v1.table('packs').add({ id: 'old', version: '1.0.0', title: 'Old' });
    await v1.table('entities').add({ packId: 'old', id: 'e1', name: 'E' });
    v1.close();

    const current = new PackDatabase(name);
    await current.open();
    expect(current.verno).toBe(4);
    expect(await current.packs.get('old')).toMatchObject({ id: 'old', enabled: true });
    expect(await current.entities.get(['old', 'e1'])).toMatchObject({ name: 'E' });
    current.close();
  });

  it('a new database opens at the latest version with every table', async () => {
    const db = new PackDatabase(`test-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'aliases',
      'entities',
      'facts',
      'matchers',
      'packs',
      'propositions',
      'searchIndexes',
      'sources',
    ]);
  });
});
