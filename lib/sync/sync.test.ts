import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../distribution/digest';
import { packWith, type FixturePack } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import { packVersions } from '../../tests/support/databases';
import { installPack, removePack } from '../store/install';
import { ensureSeedPack } from '../store/seed';
import { rollbackPack } from '../store/manage';
import { addSubscription } from './subscriptions';
import { BACKOFF_BASE_MS, SYNC_INTERVAL_MS, SYNC_JITTER_MS } from './schedule';
import { syncDue, syncSubscription } from './sync';
import { BASE, generateKeyPair, INDEX_URL, syncSetup } from '../../tests/support/publisher';

const pinned = await generateKeyPair();
const impostor = await generateKeyPair();
const text = (pack: object) => JSON.stringify(pack, null, 2);
/** v2: one fact changed, one entity added ("Orbit Gadget"). */
const versions = packVersions();
const v1 = text(versions.v1);
const v2 = text(versions.v2);

/** Subscribed to the index, v1 published and installed. */
async function installedV1(publicKey?: string, privateKey?: string) {
  const setup = syncSetup();
  await setup.publisher.publish([{ text: v1 }], privateKey);
  await addSubscription(setup.userDb, { url: INDEX_URL, publicKey }, setup.env.now);
  const report = await syncSubscription(setup.env, INDEX_URL);
  expect(report.outcome).toBe('checked');
  return setup;
}

/** The subscription's sync bookkeeping removed, to compare what else a sync may touch. */
async function userDump(setup: ReturnType<typeof syncSetup>) {
  const dump = await dumpDatabase(setup.userDb);
  return {
    ...dump,
    subscriptions: (dump.subscriptions ?? []).map((row) => (row as { url: string }).url),
  };
}

describe('syncSubscription', () => {
  it('installs what a new subscription offers and records the success', async () => {
    const { packDb, userDb, clock } = await installedV1();
    expect(await packDb.packs.get('test-pack')).toMatchObject({
      version: '1.0.0',
      origin: 'url',
      sourceUrl: INDEX_URL,
    });
    const subscription = await userDb.subscriptions.get(INDEX_URL);
    expect(subscription).toMatchObject({
      lastSuccessAt: clock.now,
      failures: 0,
      packIds: ['test-pack'],
      etag: expect.any(String),
    });
    expect(subscription?.lastError).toBeUndefined();
    const wait = (subscription?.nextCheckAt ?? 0) - clock.now;
    expect(wait).toBeGreaterThanOrEqual(SYNC_INTERVAL_MS - SYNC_JITTER_MS);
    expect(wait).toBeLessThanOrEqual(SYNC_INTERVAL_MS + SYNC_JITTER_MS);
  });

  it('applies a newer version in place and keeps the change summary and the old version', async () => {
    const { env, packDb, publisher } = await installedV1();
    await publisher.publish([{ text: v2 }]);
    const report = await syncSubscription(env, INDEX_URL);
    expect(report.packs).toEqual([
      expect.objectContaining({ packId: 'test-pack', outcome: 'installed', version: '1.1.0' }),
    ]);
    const row = await packDb.packs.get('test-pack');
    expect(row?.lastChange).toMatchObject({ from: '1.0.0', to: '1.1.0' });
    expect(row?.lastChange?.lines.join('\n')).toContain('Orbit Gadget');
    expect(await packDb.entities.get(['test-pack', 'gadget'])).toBeDefined();
    expect(await packDb.packDocuments.get(['test-pack', '1.1.0'])).toMatchObject({ text: v2 });
    expect(await packDb.packDocuments.get(['test-pack', '1.0.0'])).toMatchObject({ text: v1 });
  });

  it('asks conditionally and changes nothing on 304 Not Modified', async () => {
    const setup = await installedV1();
    const { env, packDb, userDb, publisher, clock } = setup;
    const before = await dumpDatabase(packDb);
    const userBefore = await userDump(setup);
    clock.now += 1000;
    const report = await syncSubscription(env, INDEX_URL);
    expect(report).toMatchObject({ outcome: 'not-modified', packs: [] });
    expect(publisher.requests.at(-1)?.headers['if-none-match']).toMatch(/^"v\d+"$/);
    expect(publisher.requests.filter((request) => request.url.endsWith('.pack.json'))).toHaveLength(
      1,
    );
    expect(await dumpDatabase(packDb)).toEqual(before);
    expect(await userDump(setup)).toEqual(userBefore);
    expect(await userDb.subscriptions.get(INDEX_URL)).toMatchObject({ lastCheckedAt: clock.now });
  });

  it('downloads nothing but the index when the offered version is installed', async () => {
    const { env, publisher } = await installedV1();
    await publisher.publish([{ text: v1 }]); // same pack, new index ETag
    const report = await syncSubscription(env, INDEX_URL);
    expect(report.packs).toEqual([
      { packId: 'test-pack', outcome: 'up-to-date', version: '1.0.0' },
    ]);
    expect(publisher.requests.filter((request) => request.url.endsWith('.pack.json'))).toHaveLength(
      1,
    );
  });

  it('syncs a subscription to a single pack URL, with its ETag', async () => {
    const { env, packDb, userDb, publisher } = syncSetup();
    publisher.serve('solo.pack.json', v1);
    await addSubscription(userDb, { url: `${BASE}solo.pack.json` }, env.now);
    expect((await syncSubscription(env, `${BASE}solo.pack.json`)).packs[0]).toMatchObject({
      outcome: 'installed',
    });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
    expect((await syncSubscription(env, `${BASE}solo.pack.json`)).outcome).toBe('not-modified');
  });

  it('does not offer again a version the user rolled back from, but takes a newer one', async () => {
    const { env, packDb, publisher } = await installedV1();
    await publisher.publish([{ text: v2 }]);
    await syncSubscription(env, INDEX_URL);
    await rollbackPack(packDb, 'test-pack', env.now);
    await publisher.publish([{ text: v2 }]);
    expect((await syncSubscription(env, INDEX_URL)).packs[0]).toMatchObject({ outcome: 'held' });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
    await publisher.publish([{ text: text(packWith((pack) => (pack.version = '1.2.0'))) }]);
    expect((await syncSubscription(env, INDEX_URL)).packs[0]).toMatchObject({
      outcome: 'installed',
    });
    expect(await packDb.packs.get('test-pack')).toMatchObject({ version: '1.2.0' });
    expect((await packDb.packs.get('test-pack'))?.heldBelow).toBeUndefined();
  });

  it('leaves out a pack of the index that the user removed', async () => {
    const { env, packDb, userDb, publisher } = await installedV1();
    await removePack(packDb, 'test-pack');
    await userDb.subscriptions.update(INDEX_URL, { declinedPackIds: ['test-pack'] });
    await publisher.publish([{ text: v2 }]);
    expect((await syncSubscription(env, INDEX_URL)).packs).toEqual([
      { packId: 'test-pack', outcome: 'declined', version: '1.1.0' },
    ]);
    expect(await packDb.packs.count()).toBe(0);
  });

  it('installs a pack signed by the pinned key', async () => {
    const keys = await generateKeyPair();
    const { env, packDb, publisher } = await installedV1(keys.publicKey, keys.privateKey);
    await publisher.publish([{ text: v2 }], keys.privateKey);
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('checked');
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
  });
});

/**
 * Each way an update can fail. v1 is installed from the subscription; v2 is published with
 * the fault; the sync must leave every pack table and every user row as it was and record a
 * readable error.
 */
describe('a failed sync leaves everything as it was', () => {
  type Setup = Awaited<ReturnType<typeof installedV1>>;
  const packUrl = (url: string) => url.endsWith('.pack.json');

  const cases: [string, string, (setup: Setup) => Promise<void>, RegExp][] = [
    [
      'network error',
      'network',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.fail(packUrl, async () => {
          throw new TypeError('Failed to fetch');
        });
      },
      /could not download pack "test-pack".*Failed to fetch/,
    ],
    [
      'timeout',
      'timeout',
      async ({ publisher, timers }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.fail(
          packUrl,
          (init) =>
            new Promise((_, reject) => {
              init?.signal?.addEventListener('abort', () =>
                reject(new DOMException('aborted', 'AbortError')),
              );
              queueMicrotask(() => timers.fireAll());
            }),
        );
      },
      /did not arrive within 30 s/,
    ],
    [
      'HTTP 500',
      'http',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.fail(
          packUrl,
          async () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
        );
      },
      /answered 500 Internal Server Error/,
    ],
    [
      'oversize body (more bytes than the index lists)',
      'too-large',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.serve('test-pack-1.1.0.pack.json', `${v2}${' '.repeat(5000)}`, {
          claimedLength: 10,
        });
      },
      /larger than the \d+ bytes allowed/,
    ],
    [
      'truncated JSON',
      'not-json',
      async ({ publisher }) => {
        // Cut off in the middle, and listed in the index as it is, digest and all.
        const index = await publisher.publish([{ text: v2 }]);
        const truncated = new TextEncoder().encode(v2.slice(0, Math.floor(v2.length / 2)));
        publisher.serve('test-pack-1.1.0.pack.json', truncated);
        const [entry] = index.packs;
        if (!entry) throw new Error('nothing published');
        index.packs = [
          { ...entry, sha256: await sha256Hex(truncated), size: truncated.byteLength },
        ];
        publisher.serve('index.json', JSON.stringify(index));
      },
      /not valid JSON/,
    ],
    [
      'schema error',
      'invalid-pack',
      async ({ publisher }) => {
        const broken = JSON.parse(v2) as FixturePack;
        broken.facts[0].sourceId = 'no-such-source';
        await publisher.publish([{ text: JSON.stringify(broken) }]);
      },
      /\$\.facts\[0\]\.sourceId/,
    ],
    [
      'checksum mismatch',
      'checksum',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.serve('test-pack-1.1.0.pack.json', v2.replace('November', 'December'));
      },
      /does not match the index's SHA-256/,
    ],
    [
      'older version',
      'not-newer',
      async ({ publisher }) => {
        await publisher.publish([{ text: text(packWith((pack) => (pack.version = '0.9.0'))) }]);
      },
      /offers "test-pack" 0\.9\.0, older than the installed 1\.0\.0/,
    ],
    [
      'quota error thrown mid-transaction',
      'storage',
      async ({ publisher, packDb }) => {
        await publisher.publish([{ text: v2 }]);
        vi.spyOn(packDb.factChunks, 'bulkPut').mockRejectedValueOnce(
          new DOMException('disk full', 'QuotaExceededError'),
        );
      },
      /could not be saved \(QuotaExceededError: disk full\)/,
    ],
  ];

  it.each(cases)('%s', async (_label, code, arrange, message) => {
    const setup = await installedV1();
    const packsBefore = await dumpDatabase(setup.packDb);
    const userBefore = await userDump(setup);
    await arrange(setup);
    setup.clock.now += 60_000;
    const report = await syncSubscription(setup.env, INDEX_URL);
    expect(report.outcome).toBe('failed');
    expect(report.error?.code).toBe(code);
    expect(report.error?.message).toMatch(message);
    expect(await dumpDatabase(setup.packDb)).toEqual(packsBefore);
    expect(await userDump(setup)).toEqual(userBefore);
    expect(await setup.userDb.subscriptions.get(INDEX_URL)).toMatchObject({
      lastError: { code, message: expect.stringMatching(message), at: setup.clock.now },
      failures: 1,
      nextCheckAt: setup.clock.now + BACKOFF_BASE_MS,
    });
  });

  it.each<[string, string, (setup: Setup) => Promise<void>, RegExp]>([
    [
      'bad signature',
      'signature',
      async ({ publisher }) => void (await publisher.publish([{ text: v2 }], impostor.privateKey)),
      /does not match the pinned publisher key/,
    ],
    [
      'signed, then tampered with (digest updated in the index)',
      'signature',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }], pinned.privateKey);
        const tampered = v2.replace('November 2025.', 'December 2025.');
        const signature = publisher.files.get(`${BASE}test-pack-1.1.0.pack.json.sig`);
        await publisher.publish([{ text: tampered }]);
        if (signature) publisher.files.set(`${BASE}test-pack-1.1.0.pack.json.sig`, signature);
      },
      /does not match the pinned publisher key/,
    ],
    [
      'no signature at all',
      'unsigned',
      async ({ publisher }) => {
        await publisher.publish([{ text: v2 }]);
        publisher.files.delete(`${BASE}test-pack-1.1.0.pack.json.sig`);
      },
      /a publisher key is pinned but no signature could be read/,
    ],
  ])('%s, with the publisher key pinned', async (_label, code, arrange, message) => {
    const setup = await installedV1(pinned.publicKey, pinned.privateKey);
    const packsBefore = await dumpDatabase(setup.packDb);
    await arrange(setup);
    const report = await syncSubscription(setup.env, INDEX_URL);
    expect(report.error).toEqual({ code, message: expect.stringMatching(message) });
    expect(await dumpDatabase(setup.packDb)).toEqual(packsBefore);
  });
});

describe('backoff', () => {
  it('doubles the wait after each failure in a row and resets after a success', async () => {
    const { env, publisher, userDb, clock } = await installedV1();
    await publisher.publish([{ text: v2 }]);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      publisher.fail(
        () => true,
        async () => new Response('down', { status: 503 }),
      );
      await syncSubscription(env, INDEX_URL);
      const row = await userDb.subscriptions.get(INDEX_URL);
      waits.push((row?.nextCheckAt ?? 0) - clock.now);
      clock.now = row?.nextCheckAt ?? clock.now;
    }
    expect(waits).toEqual([BACKOFF_BASE_MS, 2 * BACKOFF_BASE_MS, 4 * BACKOFF_BASE_MS]);
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('checked');
    const row = await userDb.subscriptions.get(INDEX_URL);
    expect(row?.failures).toBe(0);
    expect(row?.lastError).toBeUndefined();
    expect((row?.nextCheckAt ?? 0) - clock.now).toBeGreaterThan(SYNC_INTERVAL_MS - SYNC_JITTER_MS);
  });

  it('retries a failed pack on the next check even though the index is unchanged', async () => {
    const { env, publisher, packDb } = await installedV1();
    await publisher.publish([{ text: v2 }]);
    publisher.fail(
      (url) => url.endsWith('.pack.json'),
      async () => new Response('', { status: 502 }),
    );
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('failed');
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('checked');
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
  });
});

describe('syncDue', () => {
  it('checks only the subscriptions whose time has come', async () => {
    const { env, userDb, publisher, clock } = await installedV1();
    publisher.serve('other.pack.json', text(packWith((pack) => (pack.id = 'other-pack'))));
    await addSubscription(userDb, { url: `${BASE}other.pack.json` }, env.now);
    const reports = await syncDue(env);
    expect(reports.map((report) => report.url)).toEqual([`${BASE}other.pack.json`]);
    clock.now += SYNC_INTERVAL_MS + SYNC_JITTER_MS;
    expect((await syncDue(env)).map((report) => report.url).sort()).toEqual(
      [INDEX_URL, `${BASE}other.pack.json`].sort(),
    );
  });

  it('records a missing host permission as a readable error without fetching', async () => {
    const { env, publisher } = await installedV1();
    const before = publisher.requests.length;
    const report = await syncSubscription({ ...env, mayFetch: async () => false }, INDEX_URL);
    expect(report.error).toMatchObject({
      code: 'permission',
      message: expect.stringContaining('https://packs.example'),
    });
    expect(publisher.requests.length).toBe(before);
  });

  it('refuses a pack the index lists on an origin the user did not grant', async () => {
    const { env, publisher, packDb } = await installedV1();
    const index = await publisher.publish([{ text: v2 }]);
    index.packs = index.packs.map((entry) => ({
      ...entry,
      url: `https://cdn.example/${entry.url}`,
    }));
    publisher.serve('index.json', JSON.stringify(index));
    const granted = async (url: string) => new URL(url).origin === 'https://packs.example';
    const report = await syncSubscription({ ...env, mayFetch: granted }, INDEX_URL);
    expect(report.error).toEqual({
      code: 'permission',
      message: expect.stringMatching(
        /lists "test-pack" at https:\/\/cdn\.example, which Fact Lens/,
      ),
    });
    expect(publisher.requests.some((request) => request.url.startsWith('https://cdn'))).toBe(false);
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
  });
});

describe('one pack id, one owner', () => {
  const OTHER_URL = `${BASE}other/index.json`;
  const v9 = text(packWith((pack) => (pack.version = '9.0.0')));
  const packDownloads = (setup: { publisher: { requests: { url: string }[] } }, dir: string) =>
    setup.publisher.requests.filter((request) => request.url.startsWith(`${BASE}${dir}test-pack-`));

  it("refuses another subscription's higher version of a pinned pack, and takes the pinned publisher's next update", async () => {
    const setup = await installedV1(pinned.publicKey, pinned.privateKey);
    const { env, packDb, userDb, publisher } = setup;
    await publisher.publish([{ text: v9 }], undefined, { dir: 'other/' });
    await addSubscription(userDb, { url: OTHER_URL }, env.now);
    const before = await dumpDatabase(packDb);
    const report = await syncSubscription(env, OTHER_URL);
    expect(report.outcome).toBe('failed');
    expect(report.error).toEqual({
      code: 'owned-elsewhere',
      message: expect.stringContaining(
        `"test-pack" is installed from ${INDEX_URL} with the publisher key`,
      ),
    });
    expect(report.error?.message).toContain(
      `; ${OTHER_URL} may not replace it. Remove it first to install it from elsewhere.`,
    );
    expect(await dumpDatabase(packDb)).toEqual(before);
    expect(packDownloads(setup, 'other/')).toHaveLength(0);
    expect(await userDb.subscriptions.get(OTHER_URL)).toMatchObject({
      lastError: { code: 'owned-elsewhere' },
      packIds: [],
    });

    await publisher.publish([{ text: v2 }], pinned.privateKey);
    expect((await syncSubscription(env, INDEX_URL)).packs).toEqual([
      expect.objectContaining({ packId: 'test-pack', outcome: 'installed', version: '1.1.0' }),
    ]);
    expect(await packDb.packs.get('test-pack')).toMatchObject({
      version: '1.1.0',
      sourceUrl: INDEX_URL,
      sourceKey: pinned.publicKey,
    });
  });

  it('refuses a subscription offering the same version of a pack it does not own', async () => {
    const setup = await installedV1();
    await setup.publisher.publish([{ text: v1 }], undefined, { dir: 'other/' });
    await addSubscription(setup.userDb, { url: OTHER_URL }, setup.env.now);
    const report = await syncSubscription(setup.env, OTHER_URL);
    expect(report.error?.code).toBe('owned-elsewhere');
    expect((await setup.userDb.subscriptions.get(OTHER_URL))?.packIds).toEqual([]);
  });

  it('refuses a higher version of the bundled pack from a subscription; newer bundled versions still come', async () => {
    const { env, packDb, userDb, publisher } = syncSetup();
    await ensureSeedPack(packDb, versions.v1, env.now);
    await publisher.publish([{ text: v9 }]);
    await addSubscription(userDb, { url: INDEX_URL }, env.now);
    const before = await dumpDatabase(packDb);
    const report = await syncSubscription(env, INDEX_URL);
    expect(report.error).toEqual({
      code: 'owned-elsewhere',
      message: `"test-pack" is installed as the pack bundled with Fact Lens; ${INDEX_URL} may not replace it. Remove it first to install it from elsewhere.`,
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
    expect(await ensureSeedPack(packDb, versions.v2, env.now)).toBe('updated');
    expect(await packDb.packs.get('test-pack')).toMatchObject({
      origin: 'bundled',
      version: '1.1.0',
    });
  });

  it('refuses a single pack URL offering a pack installed from a file', async () => {
    const { env, packDb, userDb, publisher } = syncSetup();
    await installPack(packDb, versions.v1, { origin: 'file', now: env.now });
    publisher.serve('solo.pack.json', v9);
    await addSubscription(userDb, { url: `${BASE}solo.pack.json` }, env.now);
    const before = await dumpDatabase(packDb);
    const report = await syncSubscription(env, `${BASE}solo.pack.json`);
    expect(report.error).toEqual({
      code: 'owned-elsewhere',
      message: expect.stringContaining(
        `"test-pack" is installed from a file; ${BASE}solo.pack.json`,
      ),
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
  });
});

describe('freshness', () => {
  it('reports an index older than the last one accepted as stale and keeps the installed packs', async () => {
    const setup = await installedV1();
    const { env, packDb, userDb, publisher, clock } = setup;
    expect((await userDb.subscriptions.get(INDEX_URL))?.indexGeneratedAt).toBe(
      '2026-12-01T00:00:00Z',
    );
    const successAt = clock.now;
    const before = await dumpDatabase(packDb);
    await publisher.publish([{ text: v2 }], undefined, { generatedAt: '2026-11-30T23:59:59Z' });
    clock.now += 60_000;
    const report = await syncSubscription(env, INDEX_URL);
    expect(report.error).toEqual({
      code: 'stale',
      message: expect.stringMatching(/generated at 2026-11-30T23:59:59Z, older than .*stale feed/),
    });
    expect(await dumpDatabase(packDb)).toEqual(before);
    expect(await userDb.subscriptions.get(INDEX_URL)).toMatchObject({
      lastError: { code: 'stale' },
      lastSuccessAt: successAt,
      indexGeneratedAt: '2026-12-01T00:00:00Z',
    });

    await publisher.publish([{ text: v2 }], undefined, { generatedAt: '2026-12-02T00:00:00Z' });
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('checked');
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
    expect((await userDb.subscriptions.get(INDEX_URL))?.indexGeneratedAt).toBe(
      '2026-12-02T00:00:00Z',
    );
  });

  it('takes an index generated at the same time again, and refuses one dated over a day ahead', async () => {
    const { env, packDb, publisher, clock } = await installedV1();
    await publisher.publish([{ text: v1 }]); // new ETag, same generatedAt
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('checked');
    const ahead = new Date(clock.now + 2 * 24 * 60 * 60 * 1000).toISOString();
    await publisher.publish([{ text: v2 }], undefined, { generatedAt: ahead });
    const report = await syncSubscription(env, INDEX_URL);
    expect(report.error).toMatchObject({ code: 'invalid-index' });
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.0.0');
  });
});

describe('one check per subscription at a time', () => {
  it('shares one check among browser start, the alarm and "Sync now" asking at once', async () => {
    const { env, packDb, userDb, publisher, clock } = await installedV1();
    await publisher.publish([{ text: v2 }]);
    clock.now += SYNC_INTERVAL_MS + SYNC_JITTER_MS;
    const requestsBefore = publisher.requests.length;
    const updates = vi.spyOn(userDb.subscriptions, 'update');
    const [startup, alarm, syncNow] = await Promise.all([
      syncDue(env),
      syncDue(env),
      syncSubscription(env, INDEX_URL),
    ]);
    const requests = publisher.requests.slice(requestsBefore).map((request) => request.url);
    expect(requests).toEqual([INDEX_URL, `${BASE}test-pack-1.1.0.pack.json`]);
    expect(startup).toEqual([syncNow]);
    expect(alarm).toEqual([syncNow]);
    expect(syncNow.packs).toEqual([
      expect.objectContaining({ packId: 'test-pack', outcome: 'installed', version: '1.1.0' }),
    ]);
    expect(updates).toHaveBeenCalledTimes(1);
    const row = await userDb.subscriptions.get(INDEX_URL);
    expect(row).toMatchObject({ failures: 0, lastSuccessAt: clock.now });
    expect(row?.lastError).toBeUndefined();
    expect((await packDb.packs.get('test-pack'))?.version).toBe('1.1.0');
    // Once it is over, the next check is a check of its own.
    expect((await syncSubscription(env, INDEX_URL)).outcome).toBe('not-modified');
  });
});
