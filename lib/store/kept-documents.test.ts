import { describe, expect, it } from 'vitest';
import type { FactPack } from '../pack/schema';
import { validPack } from '../../tests/support/pack-fixtures';
import { validatePack } from '../pack/validate';
import { installedDocumentText, parseKeptPack, rowsToPack } from './kept-documents';
import { installPack, type InstallOptions } from './install';
import type { PackDatabase } from './pack-database';
import { listPacks } from './queries';
import { freshDatabases, listsById, packVersions, parsedPack } from '../../tests/support/databases';

const now = () => 1_700_000_000_000;
const { v1, v2, v3 } = packVersions();
const older = parsedPack({ ...validPack(), version: '0.9.0' });

async function keptVersions(db: PackDatabase): Promise<string[]> {
  const keys = await db.packDocuments.where('packId').equals('test-pack').primaryKeys();
  return keys.map(([, version]) => version).sort();
}

async function previousVersion(db: PackDatabase): Promise<string | null | undefined> {
  return (await listPacks(db)).find((pack) => pack.id === 'test-pack')?.previousVersion;
}

describe('kept documents', () => {
  const again: Partial<InstallOptions> = { allowNotNewer: true };
  it.each<[string, [FactPack, Partial<InstallOptions>?][], string[], string | null]>([
    ['a first install', [[v1]], ['1.0.0'], null],
    ['an update', [[v1], [v2]], ['1.0.0', '1.1.0'], '1.0.0'],
    ['a second update, dropping the oldest', [[v1], [v2], [v3]], ['1.1.0', '1.2.0'], '1.1.0'],
    ['the same version again', [[v1], [v2], [v2, again]], ['1.0.0', '1.1.0'], '1.0.0'],
    ['an older version by choice', [[v1], [v2], [older, again]], ['0.9.0', '1.1.0'], '1.1.0'],
  ])(
    'after %s: the installed version and at most one earlier',
    async (_label, installs, kept, previous) => {
      const { packDb } = freshDatabases();
      for (const [pack, options] of installs) {
        await installPack(packDb, pack, { origin: 'file', now, ...options });
      }
      expect(await keptVersions(packDb)).toEqual(kept);
      expect(await previousVersion(packDb)).toBe(previous);
    },
  );

  it('stores the text it is given byte for byte', async () => {
    const { packDb } = freshDatabases();
    const text = `${JSON.stringify({ ...validPack(), title: 'Test pack — “quoted” 豆包' }, null, 2)}\n`;
    const pack = parsedPack(JSON.parse(text));
    await installPack(packDb, pack, { origin: 'file', now, text });
    expect((await packDb.packDocuments.get(['test-pack', '1.0.0']))?.text).toBe(text);
    const row = await packDb.packs.get('test-pack');
    expect(row && (await installedDocumentText(packDb, row))).toBe(text);
  });

  it('stores the serialised pack when given no text', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, v1, { origin: 'file', now });
    expect(await packDb.packDocuments.get(['test-pack', '1.0.0'])).toEqual({
      packId: 'test-pack',
      version: '1.0.0',
      text: JSON.stringify(v1),
      storedAt: now(),
    });
  });
});

describe('a pack without a kept document (installed before schema v5)', () => {
  async function installedWithoutDocument() {
    const { packDb } = freshDatabases();
    await installPack(packDb, v2, { origin: 'file', now, text: JSON.stringify(v2, null, 2) });
    await packDb.packDocuments.delete(['test-pack', '1.1.0']);
    const row = await packDb.packs.get('test-pack');
    if (!row) throw new Error('not installed');
    return { packDb, row };
  }

  it('answers a document rebuilt from its rows: valid, with the same content by id', async () => {
    const { packDb, row } = await installedWithoutDocument();
    const validation = validatePack(JSON.parse(await installedDocumentText(packDb, row)));
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(listsById(validation.pack)).toEqual(listsById(v2));
    expect(await rowsToPack(packDb, row)).toEqual(validation.pack);
  });

  it('keeps the rebuilt document on its next update, so that update can be rolled back', async () => {
    const { packDb, row } = await installedWithoutDocument();
    const rebuilt = await installedDocumentText(packDb, row);
    await installPack(packDb, v3, { origin: 'file', now });
    expect(await keptVersions(packDb)).toEqual(['1.1.0', '1.2.0']);
    expect((await packDb.packDocuments.get(['test-pack', '1.1.0']))?.text).toBe(rebuilt);
    expect(await previousVersion(packDb)).toBe('1.1.0');
  });

  it('is compared from its rows when the next update summarises its changes', async () => {
    const { packDb } = await installedWithoutDocument();
    const row = await installPack(packDb, v3, { origin: 'file', now });
    expect(row.lastChange).toMatchObject({ from: '1.1.0', to: '1.2.0', total: 1 });
  });
});

describe('parseKeptPack', () => {
  it.each([
    ['text that is not JSON', '{"id":'],
    ['a JSON value that is not an object', '[]'],
    ['an object without the lists', '{"id":"test-pack"}'],
    ['a list that is not an array', JSON.stringify({ ...validPack(), facts: {} })],
  ])('answers null for %s', (_label, text) => {
    expect(parseKeptPack(text)).toBeNull();
  });

  it('parses a kept document', () => {
    expect(parseKeptPack(JSON.stringify(v1))).toEqual(v1);
  });

  it('fills in what the author left out, so old and new versions compare like for like', () => {
    const { propositions: _left, ...withoutPropositions } = validPack();
    const raw = {
      ...withoutPropositions,
      facts: [{ ...validPack().facts[0], propositionId: undefined }],
    };
    expect(parseKeptPack(JSON.stringify(raw))).toMatchObject({ propositions: [] });
  });
});
