import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { sendRequest } from './extension';
import { expect, projectRoot, test } from './fixtures';
import { PackPublisher } from './pack-publisher';
import { harborPack, SYNC_PACK_ID } from './sync-packs';

/**
 * Hostile publishers (issue 14, points 1 and 3), with two local servers on two origins: the
 * pinned publisher of `harbor-notes`, and a rogue one that anyone could subscribe to.
 */

test.use({ grantedHosts: ['http://127.0.0.1/*'] });

const BUNDLED_ID = 'bytedance-ai-2026';
/** The version the extension bundles: whatever the seed file says. */
const BUNDLED_VERSION = (
  JSON.parse(readFileSync(path.join(projectRoot, 'seeds/bytedance-ai-2026.pack.json'), 'utf8')) as {
    version: string;
  }
).version;

let owner: PackPublisher;
let rogue: PackPublisher;
test.beforeEach(async () => {
  [owner, rogue] = await Promise.all([
    PackPublisher.start(projectRoot),
    PackPublisher.start(projectRoot),
  ]);
});
test.afterEach(async () => {
  await Promise.all([owner.stop(), rogue.stop()]);
});

function packItem(options: Page, packId: string) {
  return options.locator(`article[data-pack-id="${packId}"]`);
}

function subscriptionItem(options: Page, url: string) {
  return options.locator('article').filter({
    has: options.locator('h3', { hasText: url }),
  });
}

async function subscribe(options: Page, url: string, publicKey?: string) {
  await options.getByLabel('Pack or index URL').fill(url);
  if (publicKey) await options.getByLabel(/Publisher key/).fill(publicKey);
  await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
}

/** A request's value (the reply is `{ ok: true, value }`). */
async function requestValue<T>(options: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await sendRequest(options, type, data)) as { ok: boolean; value: T };
  expect(reply.ok).toBe(true);
  return reply.value;
}

async function installedVersions(options: Page): Promise<Record<string, string>> {
  const packs = await requestValue<{ id: string; version: string }[]>(options, 'listPacks');
  return Object.fromEntries(packs.map((pack) => [pack.id, pack.version]));
}

test("another subscription's higher versions of a pinned pack and of the bundled pack are refused; the owner's update still installs", async ({
  context,
  extensionId,
  pageErrors,
}) => {
  await owner.publish(projectRoot, [harborPack('1.0.0')]);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await subscribe(options, owner.indexUrl, owner.publicKey);
  await expect(options.getByText('Installed Harbor notes 1.0.0')).toBeVisible();
  const before = await installedVersions(options);
  expect(before).toEqual({ [BUNDLED_ID]: BUNDLED_VERSION, [SYNC_PACK_ID]: '1.0.0' });
  const exported = await requestValue(options, 'exportPack', { packId: SYNC_PACK_ID });

  // The rogue server offers 9.0.0 of both, unsigned, to a subscription without a key.
  await rogue.publish(projectRoot, [
    { ...harborPack('1.2.0'), version: '9.0.0' },
    { ...harborPack('1.2.0'), id: BUNDLED_ID, version: '9.0.0' },
  ]);
  await subscribe(options, rogue.indexUrl);
  await expect(
    options.getByRole('alert').filter({ hasText: 'Subscribed, but the first check failed' }),
  ).toBeVisible();
  await expect(subscriptionItem(options, rogue.indexUrl)).toContainText(
    `"${BUNDLED_ID}" is installed as the pack bundled with Fact Lens; ${rogue.indexUrl} may not replace it. Remove it first to install it from elsewhere.`,
  );
  const [report] = await requestValue<
    { packs: { packId: string; outcome: string; error?: { code: string; message: string } }[] }[]
  >(options, 'syncNow', { url: rogue.indexUrl });
  expect(report?.packs).toEqual([
    expect.objectContaining({
      packId: BUNDLED_ID,
      outcome: 'failed',
      error: expect.objectContaining({ code: 'owned-elsewhere' }),
    }),
    {
      packId: SYNC_PACK_ID,
      outcome: 'failed',
      error: {
        code: 'owned-elsewhere',
        message: expect.stringMatching(
          new RegExp(
            `^"${SYNC_PACK_ID}" is installed from ${owner.indexUrl} with the publisher key .+ pinned; ${rogue.indexUrl} may not replace it\\.`,
          ),
        ),
      },
    },
  ]);
  // Both installed packs are exactly as they were.
  expect(await installedVersions(options)).toEqual(before);
  expect(await requestValue(options, 'exportPack', { packId: SYNC_PACK_ID })).toEqual(exported);

  // The pinned publisher's next version still installs.
  await owner.publish(projectRoot, [harborPack('1.1.0')]);
  await packItem(options, SYNC_PACK_ID).getByRole('button', { name: 'Sync now' }).click();
  await expect(packItem(options, SYNC_PACK_ID).locator('.fl-pack-version')).toHaveText('v1.1.0');
  expect(await installedVersions(options)).toEqual({
    [BUNDLED_ID]: BUNDLED_VERSION,
    [SYNC_PACK_ID]: '1.1.0',
  });
  expect(pageErrors).toEqual([]);
});

test('an index older than the last one accepted is reported as a stale feed', async ({
  context,
  extensionId,
}) => {
  await owner.publish(projectRoot, [harborPack('1.0.0')]);
  const firstIndex = await readFile(owner.file('index.json'), 'utf8');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await subscribe(options, owner.indexUrl, owner.publicKey);
  await expect(options.getByText('Installed Harbor notes 1.0.0')).toBeVisible();

  // Generated later than the first: accepted.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await owner.publish(projectRoot, [harborPack('1.1.0')]);
  await packItem(options, SYNC_PACK_ID).getByRole('button', { name: 'Sync now' }).click();
  await expect(packItem(options, SYNC_PACK_ID).locator('.fl-pack-version')).toHaveText('v1.1.0');

  // The first index served again (a replayed or rolled-back feed): stale, nothing changes.
  await writeFile(owner.file('index.json'), firstIndex);
  await packItem(options, SYNC_PACK_ID).getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('alert').filter({ hasText: 'a stale feed' })).toBeVisible();
  await expect(subscriptionItem(options, owner.indexUrl)).toContainText(
    'older than the one already accepted',
  );
  await expect(packItem(options, SYNC_PACK_ID).locator('.fl-pack-version')).toHaveText('v1.1.0');
});
