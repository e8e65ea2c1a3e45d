import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../engine/matcher/compile';
import { RequestError, type Sender } from '../messaging/dispatch';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import { Matcher } from '../engine/matcher/matcher';
import { searchPagePath } from './handlers';
import { handlerSetup } from '../../tests/support/background-handlers';
import { updateSettings } from '../settings/store';

const fromPopup: Sender = { kind: 'extension-page' };
const fromContentScript: Sender = { kind: 'content-script', host: 'example.com' };

describe('openSearch', () => {
  it("opens the popup page searching the query, about the sender's tab", async () => {
    const { handlers, openTab } = handlerSetup();
    const fromTab: Sender = { kind: 'content-script', host: 'example.com', tabId: 7 };
    await handlers.openSearch({ query: 'Doubao & 豆包' }, fromTab);
    expect(openTab).toHaveBeenCalledWith('/popup.html?q=Doubao+%26+%E8%B1%86%E5%8C%85&tab=7');
  });

  it('opens at most one tab per second per tab, refusing the others', async () => {
    let clock = 10_000;
    const { handlers, openTab } = handlerSetup({ now: () => clock });
    const tab7: Sender = { kind: 'content-script', host: 'example.com', tabId: 7 };
    const tab8: Sender = { kind: 'content-script', host: 'example.com', tabId: 8 };
    await handlers.openSearch({ query: 'Doubao' }, tab7);
    for (let i = 0; i < 4; i++) {
      clock += 200;
      await expect(handlers.openSearch({ query: 'Doubao' }, tab7)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    // Another tab has its own allowance.
    await handlers.openSearch({ query: 'Doubao' }, tab8);
    expect(openTab).toHaveBeenCalledTimes(2);
    clock += 200; // a second after the first one
    await handlers.openSearch({ query: 'Doubao' }, tab7);
    expect(openTab).toHaveBeenCalledTimes(3);
  });

  it.each<[string, Sender, string]>([
    ['an extension page', { kind: 'extension-page' }, '/popup.html?q=seed'],
    ['a frame without a tab', { kind: 'content-script', host: null }, '/popup.html?q=seed'],
  ])('names no tab for %s', (_, sender, path) => {
    expect(searchPagePath('seed', sender)).toBe(path);
  });
});

describe('background handlers', () => {
  it('lists the seed pack on first read', async () => {
    const { handlers } = handlerSetup();
    const packs = await handlers.listPacks(undefined, fromPopup);
    expect(packs.map((pack) => pack.id)).toEqual(['seed-pack']);
  });

  it('answers a card for an entity of the seed pack, healing an empty database first', async () => {
    const { handlers } = handlerSetup();
    const card = await handlers.getEntityCard({ packId: 'seed-pack', entityId: 'acme' }, fromPopup);
    expect(card).toMatchObject({
      pack: { id: 'seed-pack' },
      entity: { id: 'acme', name: 'Acme' },
      facts: [{ id: 'fact-launch', propositionTitle: 'Widget launch' }],
      related: [{ entityId: 'widget', name: 'Widget' }],
    });
  });

  it.each([
    ['auto', ['zh-CN', 'en-US'], '阿克米'],
    ['auto', ['en-US', 'en'], 'Acme'],
    ['zh-CN', ['en-US', 'en'], '阿克米'],
    ['en', ['zh-CN'], 'Acme'],
  ] as const)(
    'answers a card in the language of the setting %s with the browser in %j',
    async (textLanguage, languages, name) => {
      const { handlers, storage } = handlerSetup({ browserLanguages: [...languages] });
      const bilingual = packWith((pack) => {
        pack.format = 2;
        pack.entities[0].name = { en: 'Acme', 'zh-CN': '阿克米' };
      });
      await handlers.installPack({ text: JSON.stringify(bilingual) }, fromPopup);
      await updateSettings(storage, (settings) => ({ ...settings, textLanguage }));
      const ref = { packId: 'test-pack', entityId: 'acme' };
      expect((await handlers.getEntityCard(ref, fromContentScript))?.entity.name).toBe(name);
    },
  );

  it.each([
    ['an unknown pack', { packId: 'no-pack', entityId: 'acme' }],
    ['an unknown entity', { packId: 'seed-pack', entityId: 'nobody' }],
  ])('answers null for %s', async (_label, ref) => {
    const { handlers } = handlerSetup();
    expect(await handlers.getEntityCard(ref, fromPopup)).toBeNull();
  });

  it('installs a valid pack from text', async () => {
    const { handlers } = handlerSetup();
    const row = await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    expect(row).toMatchObject({ id: 'test-pack', origin: 'file' });
    expect((await handlers.listPacks(undefined, fromPopup)).map((pack) => pack.id).sort()).toEqual([
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
    const { packDb, handlers } = handlerSetup();
    await handlers.listPacks(undefined, fromPopup);
    const before = await dumpDatabase(packDb);
    const attempt = handlers.installPack({ text: JSON.stringify(pack) }, fromPopup);
    await expect(attempt).rejects.toBeInstanceOf(RequestError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-pack',
      details: expect.arrayContaining([expect.stringContaining(path)]),
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });

  it('rejects text that is not JSON', async () => {
    const { handlers } = handlerSetup();
    await expect(handlers.installPack({ text: '{"format": 1,' }, fromPopup)).rejects.toMatchObject({
      code: 'invalid-pack',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('refuses a version that is not newer, with its own error code', async () => {
    const { handlers } = handlerSetup();
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    await expect(
      handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup),
    ).rejects.toMatchObject({
      code: 'not-newer',
    });
  });

  it('serves a matcher over the aliases of enabled packs only', async () => {
    const { handlers } = handlerSetup();
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    const texts = async () => {
      const matcher = Matcher.fromCompiled(await handlers.getMatcher(undefined, fromPopup));
      return Array.from({ length: matcher.aliasCount }, (_, index) => matcher.alias(index))
        .filter((alias) => alias.packId === 'test-pack')
        .map((alias) => alias.text);
    };
    expect(await texts()).toEqual(['Acme Corp', 'Widget']);
    await handlers.setPackEnabled({ packId: 'test-pack', enabled: false }, fromPopup);
    expect(await texts()).toEqual([]);
  });

  it('matches texts with the warm matcher exactly as a local scan does, naming the aliases found', async () => {
    const { handlers } = handlerSetup();
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    const texts = ['Acme Corp ships the Widget.', 'nothing here', ''];
    const scan = await handlers.matchTexts({ texts }, fromContentScript);
    const local = Matcher.fromCompiled(await handlers.getMatcher(undefined, fromPopup));
    expect(scan.key).toBe(local.key);
    expect(scan.results).toEqual(texts.map((text) => local.scan(text)));
    const found = scan.results.flatMap((result) => result.candidates.map((c) => c.alias));
    expect(Object.keys(scan.aliases).map(Number).sort()).toEqual([...new Set(found)].sort());
    for (const alias of found) {
      const { terms, ...who } = scan.aliases[alias] ?? { terms: null };
      expect(who).toEqual(local.alias(alias));
      expect(terms).toEqual(local.contextTermIdsOf(alias));
    }
  });

  it('sends the site mutes with matches that found something, and only then', async () => {
    const { handlers } = handlerSetup();
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    const widget = { packId: 'test-pack', entityId: 'widget' };
    await handlers.setEntityMuted(
      { host: 'example.com', ...widget, muted: true },
      fromContentScript,
    );
    const found = await handlers.matchTexts({ texts: ['the Widget'] }, fromContentScript);
    expect(found.muted).toEqual(['test-pack/widget']);
    const nothing = await handlers.matchTexts({ texts: ['nothing here'] }, fromContentScript);
    expect(nothing.muted).toBeUndefined();
  });

  it('compiles once for many frames asking at once, and again after the packs change', async () => {
    const compile = vi.fn(compileMatcher);
    const { handlers } = handlerSetup({ compile });
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    compile.mockClear();
    const asks = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? handlers.getMatcher(undefined, fromContentScript)
        : handlers.matchTexts({ texts: ['Widget'] }, fromContentScript),
    );
    await Promise.all(asks);
    expect(compile).toHaveBeenCalledTimes(1);
    await handlers.setPackEnabled({ packId: 'test-pack', enabled: false }, fromPopup);
    await handlers.matchTexts({ texts: ['Widget'] }, fromContentScript);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('removes a pack; removing the bundled pack too leaves nothing (the reader chose it)', async () => {
    const { handlers } = handlerSetup();
    await handlers.installPack({ text: JSON.stringify(validPack()) }, fromPopup);
    expect(await handlers.removePack({ packId: 'test-pack' }, fromPopup)).toMatchObject({
      removed: true,
      undo: { origin: 'file', enabled: true },
    });
    expect((await handlers.listPacks(undefined, fromPopup)).map((pack) => pack.id)).toEqual([
      'seed-pack',
    ]);
    await handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    expect(await handlers.listPacks(undefined, fromPopup)).toEqual([]);
  });
});

describe('site rule handlers', () => {
  const doubao = { packId: 'bytedance-ai-2026', entityId: 'doubao' };
  const onExample: Sender = { kind: 'content-script', host: 'example.com' };

  it('mutes and unmutes an entity on a site and answers the rule in force', async () => {
    const { handlers } = handlerSetup();
    const muted = await handlers.setEntityMuted(
      { host: 'example.com', ...doubao, muted: true },
      onExample,
    );
    expect(muted).toMatchObject({
      host: 'example.com',
      mutedEntities: ['bytedance-ai-2026/doubao'],
    });
    expect(await handlers.getSiteRule({ host: 'example.com' }, onExample)).toEqual(muted);
    const undone = await handlers.setEntityMuted(
      { host: 'example.com', ...doubao, muted: false },
      onExample,
    );
    // The whole reply, as it crosses the wire: a site rule is its host, mutes and time.
    expect(undone).toEqual({ host: 'example.com', mutedEntities: [], updatedAt: 0 });
  });

  it('uses a content script’s own site, whatever host the payload names', async () => {
    const { handlers, userDb } = handlerSetup();
    const rule = await handlers.setEntityMuted(
      { host: 'victim.test', ...doubao, muted: true },
      onExample,
    );
    expect(rule.host).toBe('example.com');
    expect(await userDb.siteRules.get('victim.test')).toBeUndefined();
    expect(await handlers.getSiteRule({ host: 'victim.test' }, onExample)).toMatchObject({
      host: 'example.com',
      mutedEntities: ['bytedance-ai-2026/doubao'],
    });
  });

  it('lets an extension page name any site', async () => {
    const { handlers } = handlerSetup();
    await handlers.setEntityMuted({ host: 'Example.com.', ...doubao, muted: true }, fromPopup);
    expect(await handlers.getSiteRule({ host: 'example.com' }, onExample)).toMatchObject({
      mutedEntities: ['bytedance-ai-2026/doubao'],
    });
  });

  it.each([
    [
      'a content script on a page with no host',
      { host: 'example.com' },
      { kind: 'content-script', host: null },
    ],
    ['an extension page naming an empty host', { host: '.' }, fromPopup],
  ] as const)('refuses %s as an invalid request', async (_label, payload, sender) => {
    const { handlers, userDb } = handlerSetup();
    await expect(
      handlers.setEntityMuted({ ...payload, ...doubao, muted: true }, sender),
    ).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(handlers.getSiteRule(payload, sender)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(await userDb.siteRules.count()).toBe(0);
  });

  it('muting changes nothing in the packs database', async () => {
    const { handlers, packDb } = handlerSetup();
    await handlers.listPacks(undefined, fromPopup);
    const before = await dumpDatabase(packDb);
    await handlers.setEntityMuted(
      { host: 'example.com', entityId: 'acme', packId: 'seed-pack', muted: true },
      onExample,
    );
    expect(await dumpDatabase(packDb)).toEqual(before);
  });
});
