import { describe, expect, it, vi } from 'vitest';
import { REMOTE_SCAN_MAX_CHARS } from '../engine/remote-scan';
import { compileMatcher } from '../engine/matcher/compile';
import {
  createDispatcher,
  isExtensionPage,
  RequestError,
  senderOf,
  type Handlers,
} from './dispatch';
import { MESSAGE_TYPES, MESSAGES, type MessageType } from './protocol';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const popup = { id: ID, url: `${ORIGIN}/popup.html` };
const contentScript = { id: ID, url: 'https://example.com/article' };
const otherExtension = { id: 'zzzz', url: 'chrome-extension://zzzz/page.html' };

async function notInThisTest(): Promise<never> {
  throw new Error('not in this test');
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    listPacks: vi.fn(async () => []),
    getMatcher: vi.fn(async () => compileMatcher([], '')),
    matchTexts: vi.fn(async () => ({ key: '', results: [], aliases: {}, terms: {} })),
    getEntityCard: vi.fn(async () => null),
    installPack: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    removePack: vi.fn(async () => ({ removed: true })),
    getSiteRule: vi.fn(async ({ host }) => ({
      host,
      mutedEntities: [],
      updatedAt: 0,
    })),
    setEntityMuted: vi.fn(async ({ host }) => ({
      host,
      mutedEntities: [],
      updatedAt: 0,
    })),
    openSearch: vi.fn(async () => ({ opened: true as const })),
    restorePack: vi.fn(notInThisTest),
    setPackEnabled: vi.fn(notInThisTest),
    rollbackPack: vi.fn(notInThisTest),
    exportPack: vi.fn(notInThisTest),
    restoreSeedPack: vi.fn(notInThisTest),
    exportSettings: vi.fn(notInThisTest),
    importSettings: vi.fn(notInThisTest),
    listSubscriptions: vi.fn(async () => []),
    addSubscription: vi.fn(notInThisTest),
    removeSubscription: vi.fn(async () => ({ removed: true })),
    syncNow: vi.fn(async () => []),
    ...overrides,
  };
}

const mute = { host: 'example.com', packId: 'a-pack', entityId: 'an-entity', muted: true };

/** A payload each request accepts, so only the sender decides the outcome. */
const VALID_PAYLOADS: Record<MessageType, unknown> = {
  listPacks: undefined,
  getMatcher: undefined,
  matchTexts: { texts: ['Doubao'] },
  getEntityCard: { packId: 'a-pack', entityId: 'an-entity' },
  installPack: { text: '{}' },
  removePack: { packId: 'a-pack' },
  getSiteRule: { host: 'example.com' },
  setEntityMuted: mute,
  openSearch: { query: 'Doubao' },
  restorePack: { text: '{}', origin: 'file', enabled: true },
  setPackEnabled: { packId: 'a-pack', enabled: false },
  rollbackPack: { packId: 'a-pack' },
  exportPack: { packId: 'a-pack' },
  restoreSeedPack: undefined,
  exportSettings: undefined,
  importSettings: { text: '{}' },
  listSubscriptions: undefined,
  addSubscription: { url: 'https://packs.example/index.json' },
  removeSubscription: { url: 'https://packs.example/index.json' },
  syncNow: {},
};

function dispatcher(h = handlers()) {
  return createDispatcher({ handlers: h, extensionId: ID, extensionOrigin: ORIGIN, log: () => {} });
}

describe('isExtensionPage', () => {
  it.each([
    ['our popup', popup, true],
    ['our page opened in a tab', { id: ID, url: `${ORIGIN}/options.html#packs` }, true],
    ['our content script on a page', contentScript, false],
    [
      'a page pretending with our id in its path',
      { id: ID, url: `https://evil.test/${ORIGIN}` },
      false,
    ],
    ['another extension', otherExtension, false],
    ['no url', { id: ID }, false],
    ['a malformed url', { id: ID, url: 'not a url' }, false],
  ])('%s → %s', (_label, sender, expected) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(expected);
  });
});

describe('senderOf', () => {
  it.each([
    ['our popup', popup, { kind: 'extension-page' }],
    ['our content script', contentScript, { kind: 'content-script', host: 'example.com' }],
    [
      'our content script in a frame',
      { id: ID, url: 'https://Ads.Example.net:8443/frame?x=1' },
      { kind: 'content-script', host: 'ads.example.net' },
    ],
    [
      'our content script on about:blank',
      { id: ID, url: 'about:blank' },
      { kind: 'content-script', host: null },
    ],
    ['our content script with no url', { id: ID }, { kind: 'content-script', host: null }],
    ['another extension', otherExtension, null],
    ['another extension claiming a web page', { id: 'zzzz', url: 'https://example.com/' }, null],
    ['no id at all', { url: 'https://example.com/' }, null],
  ])('%s', (_label, sender, expected) => {
    expect(senderOf(sender, ID, ORIGIN)).toEqual(expected);
  });
});

describe('dispatch', () => {
  it.each([
    ['listPacks', undefined, contentScript],
    ['getMatcher', undefined, contentScript],
    ['getEntityCard', { packId: 'a-pack', entityId: 'an-entity' }, contentScript],
    ['getEntityCard', { packId: 'a-pack', entityId: 'an-entity' }, popup],
    ['listPacks', undefined, popup],
    ['removePack', { packId: 'a-pack' }, popup],
    ['getSiteRule', { host: 'example.com' }, contentScript],
    ['getSiteRule', { host: 'example.com' }, popup],
    ['setEntityMuted', mute, contentScript],
    ['setEntityMuted', { ...mute, muted: false }, popup],
  ])('lets %s through from an allowed sender', async (type, data, sender) => {
    const reply = await dispatcher()(type, data, sender);
    expect(reply.ok).toBe(true);
  });

  it.each([
    ['installPack', { text: '{}' }, contentScript],
    ['removePack', { packId: 'a-pack' }, contentScript],
    ['removePack', { packId: 'a-pack' }, otherExtension],
  ])('refuses %s from a sender that may only read', async (type, data, sender) => {
    const h = handlers();
    const reply = await dispatcher(h)(type, data, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.removePack).not.toHaveBeenCalled();
    expect(h.installPack).not.toHaveBeenCalled();
  });

  it.each(MESSAGE_TYPES.filter((type) => MESSAGES[type].access === 'manage'))(
    'refuses %s (a pack-management request) from a content script',
    async (type) => {
      const h = handlers();
      const reply = await dispatcher(h)(type, VALID_PAYLOADS[type], contentScript);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(h[type]).not.toHaveBeenCalled();
    },
  );

  it.each(MESSAGE_TYPES)('refuses %s from another extension', async (type) => {
    const h = handlers();
    const reply = await dispatcher(h)(type, VALID_PAYLOADS[type], otherExtension);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h[type]).not.toHaveBeenCalled();
  });

  it('tells a handler which site a content script runs on', async () => {
    const h = handlers();
    await dispatcher(h)('setEntityMuted', { ...mute, host: 'victim.test' }, contentScript);
    expect(h.setEntityMuted).toHaveBeenCalledWith(
      { ...mute, host: 'victim.test' },
      { kind: 'content-script', host: 'example.com' },
    );
  });

  it('tells a handler a request came from an extension page', async () => {
    const h = handlers();
    await dispatcher(h)('getSiteRule', { host: 'example.com' }, popup);
    expect(h.getSiteRule).toHaveBeenCalledWith({ host: 'example.com' }, { kind: 'extension-page' });
  });

  it.each([
    ['unknown type', 'dropTables', undefined, 'unknown request'],
    ['payload where none is taken', 'listPacks', { evil: true }, 'invalid payload'],
    ['missing field', 'removePack', {}, 'invalid payload'],
    ['wrong type', 'removePack', { packId: 42 }, 'invalid payload'],
    ['id that is not a slug', 'removePack', { packId: '../x' }, 'invalid payload'],
    ['extra field', 'removePack', { packId: 'a', sneaky: 1 }, 'invalid payload'],
    ['inherited name', 'toString', undefined, 'unknown request'],
    ['card request without an entity', 'getEntityCard', { packId: 'a' }, 'invalid payload'],
    ['card request with no payload', 'getEntityCard', undefined, 'invalid payload'],
    [
      'card request with a non-slug id',
      'getEntityCard',
      { packId: 'a', entityId: 'A B' },
      'invalid payload',
    ],
    [
      'card request with an extra field',
      'getEntityCard',
      { packId: 'a', entityId: 'b', text: true },
      'invalid payload',
    ],
    ['a site rule request without a host', 'getSiteRule', {}, 'invalid payload'],
    ['an empty host', 'getSiteRule', { host: '' }, 'invalid payload'],
    ['a host with a space', 'getSiteRule', { host: 'exa mple.com' }, 'invalid payload'],
    ['a host with a slash', 'getSiteRule', { host: 'example.com/x' }, 'invalid payload'],
    ['a host too long', 'getSiteRule', { host: 'a'.repeat(254) }, 'invalid payload'],
    ['a mute without its flag', 'setEntityMuted', { ...mute, muted: undefined }, 'invalid payload'],
    ['a mute with a string flag', 'setEntityMuted', { ...mute, muted: 'yes' }, 'invalid payload'],
    [
      'a mute with a non-slug id',
      'setEntityMuted',
      { ...mute, entityId: '../x' },
      'invalid payload',
    ],
    ['a mute with an extra field', 'setEntityMuted', { ...mute, packs: true }, 'invalid payload'],
    ['texts that are not strings', 'matchTexts', { texts: [1] }, 'invalid payload'],
    [
      'more text than a small document has',
      'matchTexts',
      { texts: ['x'.repeat(REMOTE_SCAN_MAX_CHARS), 'y'] },
      'invalid payload',
    ],
  ])('rejects a request with %s', async (_label, type, data, message) => {
    const reply = await dispatcher()(type, data, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(reply.ok ? '' : reply.error.message).toContain(message);
  });

  it('never runs the card handler on a refused payload', async () => {
    const h = handlers();
    await dispatcher(h)('getEntityCard', { packId: 'a', entityId: 42 }, contentScript);
    expect(h.getEntityCard).not.toHaveBeenCalled();
  });

  it('hands a content script the card the handler answers', async () => {
    const h = handlers();
    const data = { packId: 'a-pack', entityId: 'an-entity' };
    expect(await dispatcher(h)('getEntityCard', data, contentScript)).toEqual({
      ok: true,
      value: null,
    });
    expect(h.getEntityCard).toHaveBeenCalledWith(data, {
      kind: 'content-script',
      host: 'example.com',
    });
  });

  it('names the failing field in the details', async () => {
    const reply = await dispatcher()('removePack', { packId: 42 }, popup);
    expect(reply.ok ? [] : reply.error.details).toEqual([expect.stringContaining('packId')]);
  });

  it('passes a handler’s RequestError through with its code and details', async () => {
    const h = handlers({
      removePack: async () => {
        throw new RequestError('not-found', 'no such pack', ['$.id']);
      },
    });
    expect(await dispatcher(h)('removePack', { packId: 'x' }, popup)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no such pack', details: ['$.id'] },
    });
  });

  it('turns an unexpected exception into an internal error reply', async () => {
    const h = handlers({
      listPacks: async () => {
        throw new Error('database closed');
      },
    });
    expect(await dispatcher(h)('listPacks', undefined, popup)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'database closed' },
    });
  });
});
