import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { FactPack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { installedDocumentText } from './documents';
import { dumpDatabase } from './dump';
import { installPack, packToRows } from './install';
import { rollbackPack } from './manage';
import { PackDatabase } from './pack-database';
import { listPacks } from './queries';
import type { PackRow } from './rows';
import { listsById, packVersions } from './test-databases';
import { UserDatabase } from './user-database';

/**
 * A pack database as schema v4 left it, holding `pack` as that version's install wrote it
 * (`packToRows`; v5 added the documents and the row fields `lastChange`, `sourceUrl` and
 * `heldBelow`) and a cached matcher. Versions 1 to 4 exactly as released; never change this
 * copy. Answers its dump.
 */
async function v4Database(name: string, pack: FactPack) {
  const v4 = new Dexie(name);
  v4.version(1).stores({
    packs: 'id',
    sources: '[packId+id], packId',
    propositions: '[packId+id], packId',
    entities: '[packId+id], packId',
    aliases: '[packId+entityId+text], packId',
    facts: '[packId+id], packId, *subjectKeys',
  });
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
  const rows = packToRows(pack, 'file', 1_600_000_000_000);
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
    expect(current.verno).toBe(5);
    expect(await current.packs.get('old')).toMatchObject({ id: 'old', enabled: true });
    expect(await current.entities.get(['old', 'e1'])).toMatchObject({ name: 'E' });
    current.close();
  });

  it('a new database opens at the latest version with every table', async () => {
    const db = new PackDatabase(`test-fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'aliases',
      'entities',
      'facts',
      'matchers',
      'packDocuments',
      'packs',
      'propositions',
      'searchIndexes',
      'sources',
    ]);
  });

  it('v4 → v5 keeps every row; packs without a kept document list, export and update', async () => {
    const name = `test-migration-${crypto.randomUUID()}`;
    const { v1, v2 } = packVersions();
    const before = await v4Database(name, v1);

    const current = new PackDatabase(name);
    await current.open();
    expect(current.verno).toBe(5);
    const { packDocuments, ...after } = await dumpDatabase(current);
    expect(after).toEqual(before);
    expect(packDocuments).toEqual([]);

    expect(await listPacks(current)).toEqual([
      { ...(before.packs?.[0] as PackRow), previousVersion: null },
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
    const { packs: rolledBack, packDocuments: _kept, ...content } = await dumpDatabase(current);
    const { packs: original, ...originalContent } = before;
    expect(content).toEqual(originalContent);
    const { installedAt: _at, ...originalRow } = original?.[0] as PackRow;
    expect(rolledBack?.[0]).toMatchObject({ ...originalRow, heldBelow: '1.1.0' });
    current.close();
  });
});

describe('UserDatabase migrations', () => {
  it('v1 → v2 keeps settings, site rules and notes, and adds subscriptions', async () => {
    const name = `test-user-migration-${crypto.randomUUID()}`;
    // Version 1 exactly as it was released; never change this copy.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      settings: 'key',
      siteRules: 'host',
      notes: '++id, [packId+entityId]',
    });
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

    const current = new UserDatabase(name);
    await current.open();
    expect(current.verno).toBe(2);
    expect(await dumpDatabase(current)).toEqual({ ...before, subscriptions: [] });
    current.close();
  });
});
