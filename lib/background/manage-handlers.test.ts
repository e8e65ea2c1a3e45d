import { describe, expect, it, vi } from 'vitest';
import { generateKeyPair } from '../distribution/signature';
import { RequestError, type Sender } from '../messaging/dispatch';
import { MESSAGES, type RestorePackRequest } from '../messaging/protocol';
import { packWith } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import { installPack } from '../store/install';
import type { InstalledPack } from '../domain/pack';
import type { Subscription } from '../domain/subscription';
import { addUserData, packVersions } from '../../tests/support/databases';
import { handlerSetup } from '../../tests/support/background-handlers';
import { SEED_REMOVED_KEY } from './seed-choice';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings/schema';

const fromPopup: Sender = { kind: 'extension-page' };
const { v1, v2 } = packVersions();
/** Pack texts as a user's file would have them: indented, with a final newline. */
const fileText = (pack: object) => `${JSON.stringify(pack, null, 2)}\n`;
const SUBSCRIPTION = 'https://packs.example/fact-lens/index.json';
const { publicKey } = await generateKeyPair();

type Setup = ReturnType<typeof handlerSetup>;

/** Both databases, to prove a refusal wrote nothing anywhere. */
async function dumpBoth({ packDb, userDb }: Setup) {
  return { packs: await dumpDatabase(packDb), user: await dumpDatabase(userDb) };
}

async function installFromFile({ handlers }: Setup, pack: object = v1) {
  return handlers.installPack({ text: fileText(pack), allowNotNewer: true }, fromPopup);
}

/** v1 as sync installs it, with the subscription that delivered it (and `packIds`). */
async function installFromSubscription(setup: Setup, packIds: string[]) {
  await setup.handlers.listPacks(undefined, fromPopup);
  await installPack(setup.packDb, v1, {
    origin: 'url',
    sourceUrl: SUBSCRIPTION,
    text: fileText(v1),
    now: () => 7,
  });
  const subscription: Subscription = {
    url: SUBSCRIPTION,
    publicKey,
    addedAt: 1,
    packIds,
    etag: '"v1"',
    failures: 0,
    nextCheckAt: 2,
  };
  await setup.userDb.subscriptions.add(subscription);
}

async function packIds({ handlers }: Setup) {
  return (await handlers.listPacks(undefined, fromPopup)).map((pack) => pack.id).sort();
}

describe('removePack and its undo', () => {
  it.each<[string, (setup: Setup) => Promise<unknown>, boolean]>([
    ['a pack from a file', (setup) => installFromFile(setup), false],
    [
      'a switched-off pack',
      async (setup) => {
        await installFromFile(setup);
        await setup.handlers.setPackEnabled({ packId: 'test-pack', enabled: false }, fromPopup);
      },
      false,
    ],
    [
      'a synced pack and the subscription that delivered only it',
      (setup) => installFromSubscription(setup, ['test-pack']),
      true,
    ],
    [
      'a synced pack whose subscription delivers other packs too',
      (setup) => installFromSubscription(setup, ['other-pack', 'test-pack']),
      false,
    ],
  ])('removes and restores %s', async (_label, install, takesSubscription) => {
    const setup = handlerSetup();
    const { handlers, packDb, userDb, packsChanged } = setup;
    await install(setup);
    const installed = await packDb.packs.get('test-pack');
    const exported = await handlers.exportPack({ packId: 'test-pack' }, fromPopup);
    const subscriptionsBefore = await userDb.subscriptions.toArray();
    packsChanged.mockClear();

    const removed = await handlers.removePack({ packId: 'test-pack' }, fromPopup);
    expect(removed).toMatchObject({ removed: true });
    expect(packsChanged).toHaveBeenCalledTimes(1);
    expect(await packDb.packs.get('test-pack')).toBeUndefined();
    expect(await packDb.packDocuments.where('packId').equals('test-pack').count()).toBe(0);
    expect(await userDb.subscriptions.toArray()).toEqual(
      takesSubscription
        ? []
        : subscriptionsBefore.map((row) =>
            // A subscription that delivers other packs stays, leaving this one out.
            row.packIds.length > 1 ? { ...row, declinedPackIds: ['test-pack'] } : row,
          ),
    );
    const undo = removed.undo as RestorePackRequest;
    // The undo goes back over the wire: the protocol must accept what removal answered.
    expect(MESSAGES.restorePack.payload.safeParse(undo).success).toBe(true);

    // Open tabs are told once the pack is back as it was (a disabled pack never on).
    const seenByTabs: (InstalledPack | undefined)[] = [];
    packsChanged.mockImplementation(async () => {
      seenByTabs.push(await packDb.packs.get('test-pack'));
    });
    const restored = await handlers.restorePack(undo, fromPopup);
    const { lastChange: _change, ...before } = installed as InstalledPack;
    expect(restored).toMatchObject(before);
    expect(await packDb.packs.get('test-pack')).toEqual(restored);
    expect(seenByTabs).toEqual([restored]);
    expect(await handlers.exportPack({ packId: 'test-pack' }, fromPopup)).toEqual(exported);

    const subscriptions = await userDb.subscriptions.toArray();
    if (takesSubscription) {
      expect(undo.subscription).toEqual({ url: SUBSCRIPTION, publicKey });
      expect(subscriptions).toEqual([
        expect.objectContaining({ url: SUBSCRIPTION, publicKey, packIds: ['test-pack'] }),
      ]);
    } else {
      expect(undo.subscription).toBeUndefined();
      expect(subscriptions).toEqual(subscriptionsBefore);
    }
  });

  it('answers removed: false for a pack that is not installed, telling no tab', async () => {
    const setup = handlerSetup();
    await setup.handlers.listPacks(undefined, fromPopup);
    const before = await dumpBoth(setup);
    expect(await setup.handlers.removePack({ packId: 'other-pack' }, fromPopup)).toEqual({
      removed: false,
    });
    expect(await dumpBoth(setup)).toEqual(before);
    expect(setup.packsChanged).not.toHaveBeenCalled();
  });
});

describe('exportPack', () => {
  it('answers the installed document as received, named by id and version', async () => {
    const setup = handlerSetup();
    await installFromFile(setup, v1);
    expect(await setup.handlers.exportPack({ packId: 'test-pack' }, fromPopup)).toEqual({
      fileName: 'test-pack-1.0.0.pack.json',
      text: fileText(v1),
    });
    await installFromFile(setup, v2);
    expect(await setup.handlers.exportPack({ packId: 'test-pack' }, fromPopup)).toEqual({
      fileName: 'test-pack-1.1.0.pack.json',
      text: fileText(v2),
    });
  });
});

describe('installPack from a file', () => {
  it.each<[string, (setup: Setup) => Promise<unknown>, object, string]>([
    [
      'a pack a subscription installed',
      (setup) => installFromSubscription(setup, ['test-pack']),
      v2,
      `"test-pack" is installed from ${SUBSCRIPTION}; a file import may not replace it. Remove it first to install it from elsewhere.`,
    ],
    [
      'the bundled pack',
      ({ handlers }) => handlers.listPacks(undefined, fromPopup),
      packWith((pack) => {
        pack.id = 'seed-pack';
        pack.version = '99.0.0';
      }),
      '"seed-pack" is installed as the pack bundled with Fact Lens; a file import may not replace it.',
    ],
  ])('refuses to replace %s, changing nothing', async (_label, arrange, pack, message) => {
    const setup = handlerSetup();
    await arrange(setup);
    const before = await dumpBoth(setup);
    const attempt = installFromFile(setup, pack);
    await expect(attempt).rejects.toBeInstanceOf(RequestError);
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(message),
    });
    expect(await dumpBoth(setup)).toEqual(before);
  });
});

describe('restoreSeedPack', () => {
  it('puts the bundled pack back after the user removed it', async () => {
    const setup = handlerSetup();
    await installFromFile(setup);
    await setup.handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    // Another pack is left, so the seed does not heal by itself.
    expect(await packIds(setup)).toEqual(['test-pack']);
    setup.packsChanged.mockClear();
    expect(await setup.handlers.restoreSeedPack(undefined, fromPopup)).toMatchObject({
      id: 'seed-pack',
      origin: 'bundled',
      enabled: true,
    });
    expect(setup.packsChanged).toHaveBeenCalledTimes(1);
    expect(await packIds(setup)).toEqual(['seed-pack', 'test-pack']);
  });
});

describe('exportSettings and importSettings', () => {
  const settingsFile = {
    format: 'fact-lens-settings',
    version: 1,
    settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 800 },
    subscriptions: [{ url: SUBSCRIPTION, publicKey }],
    siteRules: [{ host: 'example.com', mutedEntities: ['seed-pack/a'] }],
  };

  it('imports a valid file and syncs the subscriptions it added', async () => {
    const setup = handlerSetup();
    const imported = await setup.handlers.importSettings(
      { text: JSON.stringify(settingsFile) },
      fromPopup,
    );
    expect(imported).toEqual({ subscriptionsAdded: [SUBSCRIPTION], siteRules: 1 });
    expect(await setup.storage.get(SETTINGS_KEY)).toEqual({
      [SETTINGS_KEY]: settingsFile.settings,
    });
    // Synced at once (the test network answers 404, so the check is recorded as failed).
    expect((await setup.userDb.subscriptions.get(SUBSCRIPTION))?.lastCheckedAt).toBeDefined();
    const exported = await setup.handlers.exportSettings(undefined, fromPopup);
    expect(JSON.parse(exported.text)).toEqual(settingsFile);
  });

  it('refuses a malformed file whole, writing nothing', async () => {
    const setup = handlerSetup();
    const before = await dumpBoth(setup);
    const broken = { ...settingsFile, siteRules: [{ host: 'example.com', mutedEntities: 'all' }] };
    await expect(
      setup.handlers.importSettings({ text: JSON.stringify(broken) }, fromPopup),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('siteRules.0'),
    });
    expect(await dumpBoth(setup)).toEqual(before);
    expect(await setup.storage.get(SETTINGS_KEY)).toEqual({});
  });
});

describe('removing the bundled pack sticks', () => {
  it('an empty database stays empty on the next wake after the reader removed the only pack', async () => {
    const setup = handlerSetup();
    await setup.ensureSeed();
    expect(await packIds(setup)).toEqual(['seed-pack']);
    await setup.handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    expect(await setup.storage.get(SEED_REMOVED_KEY)).toEqual({ [SEED_REMOVED_KEY]: true });
    // The next wake, and every read, runs ensureSeed first.
    expect(await setup.ensureSeed()).toBe('declined');
    expect(await setup.handlers.listPacks(undefined, fromPopup)).toEqual([]);
    expect(await packIds(setup)).toEqual([]);
  });

  it('"Restore the bundled pack" lifts the choice', async () => {
    const setup = handlerSetup();
    await setup.ensureSeed();
    await setup.handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    await setup.handlers.restoreSeedPack(undefined, fromPopup);
    expect(await setup.storage.get(SEED_REMOVED_KEY)).toEqual({ [SEED_REMOVED_KEY]: false });
    await setup.handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    await setup.handlers.installPack({ text: fileText(v1), allowNotNewer: true }, fromPopup);
    expect(await packIds(setup)).toEqual(['test-pack']);
  });

  it('undoing the removal lifts it too', async () => {
    const setup = handlerSetup();
    await setup.ensureSeed();
    const { undo } = await setup.handlers.removePack({ packId: 'seed-pack' }, fromPopup);
    if (!undo) throw new Error('removal answered no undo');
    await setup.handlers.restorePack(undo, fromPopup);
    expect(await setup.storage.get(SEED_REMOVED_KEY)).toEqual({ [SEED_REMOVED_KEY]: false });
  });

  it('removing another pack records nothing', async () => {
    const setup = handlerSetup();
    await installFromFile(setup);
    await setup.handlers.removePack({ packId: 'test-pack' }, fromPopup);
    expect(await setup.storage.get(SEED_REMOVED_KEY)).toEqual({});
    expect(await packIds(setup)).toEqual(['seed-pack']);
  });
});

describe('packsChanged', () => {
  it.each<[string, (setup: Setup) => Promise<unknown>, (setup: Setup) => Promise<unknown>]>([
    ['a first install', async () => {}, (setup) => installFromFile(setup)],
    ['an update', (setup) => installFromFile(setup, v1), (setup) => installFromFile(setup, v2)],
    [
      'a removal',
      (setup) => installFromFile(setup),
      ({ handlers }) => handlers.removePack({ packId: 'test-pack' }, fromPopup),
    ],
    [
      'switching a pack off',
      (setup) => installFromFile(setup),
      ({ handlers }) => handlers.setPackEnabled({ packId: 'test-pack', enabled: false }, fromPopup),
    ],
    [
      'a rollback',
      async (setup) => {
        await installFromFile(setup, v1);
        await installFromFile(setup, v2);
      },
      ({ handlers }) => handlers.rollbackPack({ packId: 'test-pack' }, fromPopup),
    ],
    [
      'a restore',
      async ({ handlers }) => handlers.listPacks(undefined, fromPopup),
      ({ handlers }) =>
        handlers.restorePack({ text: fileText(v1), origin: 'file', enabled: false }, fromPopup),
    ],
    [
      'restoring the bundled pack',
      async ({ handlers }) => handlers.listPacks(undefined, fromPopup),
      ({ handlers }) => handlers.restoreSeedPack(undefined, fromPopup),
    ],
  ])('is called once, after the change is in place, for %s', async (_label, prepare, act) => {
    const setup = handlerSetup();
    await prepare(setup);
    const seenByTabs: unknown[] = [];
    setup.packsChanged.mockClear();
    setup.packsChanged.mockImplementation(async () => {
      seenByTabs.push(await dumpDatabase(setup.packDb));
    });
    await act(setup);
    expect(setup.packsChanged).toHaveBeenCalledTimes(1);
    expect(seenByTabs).toEqual([await dumpDatabase(setup.packDb)]);
  });
});

describe('refusals', () => {
  const installed = async (setup: Setup) => {
    await installFromFile(setup, v1);
    await installFromFile(setup, v2);
  };
  const breakKept = (text: string) => async (setup: Setup) => {
    await installed(setup);
    await setup.packDb.packDocuments.update(['test-pack', '1.0.0'], { text });
  };
  const stale = async (setup: Setup) => {
    await installed(setup);
    // The rollback reads 1.0.0 as installed, as if 1.1.0 were installed just after that read.
    const row = await setup.packDb.packs.get('test-pack');
    vi.spyOn(setup.packDb.packs, 'get').mockResolvedValueOnce(row && { ...row, version: '1.0.0' });
  };
  const rollback = ({ handlers }: Setup) =>
    handlers.rollbackPack({ packId: 'test-pack' }, fromPopup);

  it.each<[string, (setup: Setup) => Promise<unknown>, (setup: Setup) => Promise<unknown>, string]>(
    [
      [
        'an invalid pack, into an empty database',
        async () => {},
        ({ handlers }) =>
          handlers.installPack({ text: fileText(packWith((p) => (p.version = 'v1'))) }, fromPopup),
        'invalid-pack',
      ],
      [
        'a version that is not newer',
        installed,
        ({ handlers }) => handlers.installPack({ text: fileText(v1) }, fromPopup),
        'not-newer',
      ],
      [
        'restoring text that is not a pack',
        installed,
        ({ handlers }) =>
          handlers.restorePack({ text: '[]', origin: 'file', enabled: true }, fromPopup),
        'invalid-pack',
      ],
      [
        'switching an unknown pack',
        installed,
        ({ handlers }) =>
          handlers.setPackEnabled({ packId: 'other-pack', enabled: false }, fromPopup),
        'not-found',
      ],
      [
        'rolling back an unknown pack',
        installed,
        ({ handlers }) => handlers.rollbackPack({ packId: 'other-pack' }, fromPopup),
        'not-found',
      ],
      [
        'rolling back with no earlier version',
        (setup) => installFromFile(setup),
        rollback,
        'invalid-request',
      ],
      [
        'rolling back to a kept document that no longer validates',
        breakKept('{}'),
        rollback,
        'invalid-pack',
      ],
      ['rolling back over an install it did not see', stale, rollback, 'conflict'],
      [
        'exporting an unknown pack',
        installed,
        ({ handlers }) => handlers.exportPack({ packId: 'other-pack' }, fromPopup),
        'not-found',
      ],
    ],
  )('refuses %s, writing nothing and telling no tab', async (_label, prepare, act, code) => {
    const setup = handlerSetup();
    await prepare(setup);
    setup.packsChanged.mockClear();
    const before = await dumpBoth(setup);
    const attempt = act(setup);
    await expect(attempt).rejects.toBeInstanceOf(RequestError);
    await expect(attempt).rejects.toMatchObject({ code });
    vi.restoreAllMocks();
    expect(await dumpBoth(setup)).toEqual(before);
    expect(setup.packsChanged).not.toHaveBeenCalled();
  });

  it('lists every problem of an invalid pack by its JSON path', async () => {
    const { handlers } = handlerSetup();
    const broken = packWith((pack) => {
      Object.assign(pack, { version: 3 });
      pack.sources[1].url = 'javascript:alert(1)';
    });
    await expect(handlers.installPack({ text: fileText(broken) }, fromPopup)).rejects.toMatchObject(
      {
        code: 'invalid-pack',
        details: expect.arrayContaining([
          expect.stringMatching(/^\$\.version: /),
          expect.stringMatching(/^\$\.sources\[1\]\.url: /),
        ]),
      },
    );
  });
});

describe('user data is sacred', () => {
  it('no install, update, switch, rollback, export, restore or removal changes it', async () => {
    const setup = handlerSetup();
    const { handlers, userDb } = setup;
    await addUserData(userDb);
    const before = await dumpDatabase(userDb);
    const steps: [string, () => Promise<unknown>][] = [
      ['install', () => installFromFile(setup, v1)],
      ['update', () => installFromFile(setup, v2)],
      [
        'switch off',
        () => handlers.setPackEnabled({ packId: 'test-pack', enabled: false }, fromPopup),
      ],
      ['roll back', () => handlers.rollbackPack({ packId: 'test-pack' }, fromPopup)],
      ['export', () => handlers.exportPack({ packId: 'test-pack' }, fromPopup)],
      [
        'remove and undo',
        async () => {
          const { undo } = await handlers.removePack({ packId: 'test-pack' }, fromPopup);
          if (undo) await handlers.restorePack(undo, fromPopup);
        },
      ],
      ['remove', () => handlers.removePack({ packId: 'test-pack' }, fromPopup)],
      ['restore the bundled pack', () => handlers.restoreSeedPack(undefined, fromPopup)],
    ];
    for (const [step, run] of steps) {
      await run();
      expect({ step, dump: await dumpDatabase(userDb) }).toEqual({ step, dump: before });
    }
    expect(await packIds(setup)).toEqual(['seed-pack']);
  });
});

describe('removeSubscription', () => {
  it('gives back the host permission once no subscription on that origin is left', async () => {
    const setup = handlerSetup();
    const { handlers, userDb, releaseHost } = setup;
    for (const url of [
      SUBSCRIPTION,
      'https://packs.example/other.json',
      'https://b.example/i.json',
    ]) {
      await userDb.subscriptions.add({ url, addedAt: 1, packIds: [], failures: 0, nextCheckAt: 2 });
    }
    expect(await handlers.removeSubscription({ url: SUBSCRIPTION }, fromPopup)).toEqual({
      removed: true,
    });
    expect(releaseHost).not.toHaveBeenCalled();
    await handlers.removeSubscription({ url: 'https://packs.example/other.json' }, fromPopup);
    expect(releaseHost).toHaveBeenCalledWith('https://packs.example/other.json');
    expect(
      await handlers.removeSubscription({ url: 'https://c.example/x.json' }, fromPopup),
    ).toEqual({
      removed: false,
    });
    expect(releaseHost).toHaveBeenCalledTimes(1);
    expect((await userDb.subscriptions.toArray()).map((row) => row.url)).toEqual([
      'https://b.example/i.json',
    ]);
  });
});
