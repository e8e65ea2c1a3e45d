import { describe, expect, it } from 'vitest';
import { RequestError } from '../messaging/dispatch';
import { packWith, validPack } from '../pack/test-fixtures';
import { dumpDatabase } from '../store/dump';
import { ensureSeedPack } from '../store/seed';
import { freshDatabases, parsedPack } from '../store/test-databases';
import { ENGINE_FORMAT } from '../engine/engine-format';
import { Matcher } from '../engine/matcher/matcher';
import { compileMatcher } from '../engine/matcher/compile';
import { createHandlers } from './handlers';

const now = () => 7;
const seed = parsedPack(
  packWith((pack) => {
    pack.id = 'seed-pack';
  }),
);

function setup() {
  const { packDb } = freshDatabases();
  const handlers = createHandlers({
    packDb,
    now,
    ensureSeed: () => ensureSeedPack(packDb, seed, now),
    compileMatcher,
    engineFormat: ENGINE_FORMAT,
  });
  return { packDb, handlers };
}

describe('background handlers', () => {
  it('lists the seed pack on first read', async () => {
    const { handlers } = setup();
    const packs = await handlers.listPacks(undefined);
    expect(packs.map((pack) => pack.id)).toEqual(['seed-pack']);
  });

  it('answers a card for an entity of the seed pack, healing an empty database first', async () => {
    const { handlers } = setup();
    const card = await handlers.getEntityCard({ packId: 'seed-pack', entityId: 'acme' });
    expect(card).toMatchObject({
      pack: { id: 'seed-pack' },
      entity: { id: 'acme', name: 'Acme' },
      facts: [{ id: 'fact-launch', propositionTitle: 'Widget launch' }],
      related: [{ entityId: 'widget', name: 'Widget' }],
    });
  });

  it.each([
    ['an unknown pack', { packId: 'no-pack', entityId: 'acme' }],
    ['an unknown entity', { packId: 'seed-pack', entityId: 'nobody' }],
  ])('answers null for %s', async (_label, ref) => {
    const { handlers } = setup();
    expect(await handlers.getEntityCard(ref)).toBeNull();
  });

  it('installs a valid pack from text', async () => {
    const { handlers } = setup();
    const row = await handlers.installPack({ text: JSON.stringify(validPack()) });
    expect(row).toMatchObject({ id: 'test-pack', origin: 'file' });
    expect((await handlers.listPacks(undefined)).map((pack) => pack.id).sort()).toEqual([
      'seed-pack',
      'test-pack',
    ]);
  });

  it.each([
    ['wrong types', packWith((pack) => Object.assign(pack, { version: 3 })), '$.version'],
    [
      'a dangling reference',
      packWith((pack) => (pack.facts[0].sourceId = 'nowhere')),
      '$.facts[0].sourceId',
    ],
    [
      'a javascript: link',
      packWith((pack) => (pack.sources[1].url = 'javascript:alert(1)')),
      '$.sources[1].url',
    ],
    ['a duplicate id', packWith((pack) => (pack.entities[1].id = 'acme')), '$.entities[1].id'],
    [
      'an oversize string',
      packWith((pack) => (pack.facts[0].claim = 'x'.repeat(5_000))),
      '$.facts[0].claim',
    ],
  ])('rejects a pack with %s, naming the path, and changes nothing', async (_label, pack, path) => {
    const { packDb, handlers } = setup();
    await handlers.listPacks(undefined);
    const before = await dumpDatabase(packDb);
    const attempt = handlers.installPack({ text: JSON.stringify(pack) });
    await expect(attempt).rejects.toBeInstanceOf(RequestError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-pack',
      details: expect.arrayContaining([expect.stringContaining(path)]),
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('rejects text that is not JSON', async () => {
    const { handlers } = setup();
    await expect(handlers.installPack({ text: '{"format": 1,' })).rejects.toMatchObject({
      code: 'invalid-pack',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('refuses a version that is not newer, with its own error code', async () => {
    const { handlers } = setup();
    await handlers.installPack({ text: JSON.stringify(validPack()) });
    await expect(handlers.installPack({ text: JSON.stringify(validPack()) })).rejects.toMatchObject(
      {
        code: 'not-newer',
      },
    );
  });

  it('serves a matcher over the aliases of enabled packs only', async () => {
    const { packDb, handlers } = setup();
    await handlers.installPack({ text: JSON.stringify(validPack()) });
    const texts = async () => {
      const matcher = Matcher.fromCompiled(await handlers.getMatcher(undefined));
      return Array.from({ length: matcher.aliasCount }, (_, index) => matcher.alias(index))
        .filter((alias) => alias.packId === 'test-pack')
        .map((alias) => alias.text);
    };
    expect(await texts()).toEqual(['Acme Corp', 'Widget']);
    await packDb.packs.update('test-pack', { enabled: false });
    expect(await texts()).toEqual([]);
  });

  it('removes a pack; the seed comes back only when nothing is left', async () => {
    const { handlers } = setup();
    await handlers.installPack({ text: JSON.stringify(validPack()) });
    expect(await handlers.removePack({ packId: 'test-pack' })).toEqual({ removed: true });
    expect((await handlers.listPacks(undefined)).map((pack) => pack.id)).toEqual(['seed-pack']);
    await handlers.removePack({ packId: 'seed-pack' });
    expect((await handlers.listPacks(undefined)).map((pack) => pack.id)).toEqual(['seed-pack']);
  });
});
