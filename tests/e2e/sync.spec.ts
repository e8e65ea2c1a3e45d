import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { sendRequest } from './extension';
import { expect, projectRoot, test } from './fixtures';
import { highlightsWithin } from './highlights';
import { PackPublisher } from './pack-publisher';
import { harborPack, SYNC_PACK_ID } from './sync-packs';

// The background may only fetch from origins the user granted; see `grantedHosts`.
test.use({ grantedHosts: ['http://127.0.0.1/*'] });

let publisher: PackPublisher;
test.beforeEach(async () => {
  publisher = await PackPublisher.start(projectRoot);
});
test.afterEach(async () => {
  await publisher.stop();
});

function packItem(options: Page) {
  return options.locator(`article[data-pack-id="${SYNC_PACK_ID}"]`);
}

async function subscribe(options: Page, extensionId: string) {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Pack or index URL').fill(publisher.indexUrl);
  await options.getByLabel(/Publisher key/).fill(publisher.publicKey);
  await options.getByRole('button', { name: 'Subscribe' }).click();
  await expect(options.getByText('Installed Harbor notes 1.0.0')).toBeVisible();
}

test('subscribe, update live, roll back, and refuse a tampered signed version', async ({
  context,
  page,
  extensionId,
  server,
  pageErrors,
}) => {
  await publisher.publish(projectRoot, [harborPack('1.0.0')]);
  const options = await context.newPage();
  await subscribe(options, extensionId);
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.0.0');

  // A reader's tab, open before the update and never reloaded.
  await page.goto(`${server}/sync.html`);
  await expect.poll(() => highlightsWithin(page, '#quill')).toEqual(['Zephyr Quill']);
  expect(await highlightsWithin(page, '#lantern')).toEqual([]);

  // v2: one fact changed, one entity added. "Sync now" shows what changed.
  await publisher.publish(projectRoot, [harborPack('1.1.0')]);
  await options.bringToFront();
  await packItem(options).getByRole('button', { name: 'Sync now' }).click();
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.1.0');
  const changes = options.getByRole('region', { name: `Changes in Harbor notes 1.1.0` });
  await expect(changes).toContainText('Lumen Harbor');
  await expect(changes).toContainText('sold out within four hours');

  // The open tab marks the new entity without a reload.
  await expect.poll(() => highlightsWithin(page, '#lantern')).toEqual(['Lumen Harbor']);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

  // Roll back to v1: the entity it lacks is no longer marked.
  await packItem(options).getByRole('button', { name: 'Roll back to 1.0.0' }).click();
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.0.0');
  await expect(packItem(options)).toContainText('Updates held: you rolled back from 1.1.0');
  await expect.poll(() => highlightsWithin(page, '#lantern')).toEqual([]);

  // v3, signed, then altered on the server (the index's digest altered to match, as an
  // attacker holding the server would): the pinned key refuses it, v1 stays.
  await publisher.publish(projectRoot, [harborPack('1.2.0')]);
  const packFile = publisher.file(`${SYNC_PACK_ID}-1.2.0.pack.json`);
  const tampered = (await readFile(packFile, 'utf8')).replace('Harbor Gazette', 'Harbour Gazette');
  await writeFile(packFile, tampered);
  const indexFile = publisher.file('index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
    packs: { sha256: string; size: number }[];
  };
  for (const entry of index.packs) {
    entry.sha256 = createHash('sha256').update(tampered).digest('hex');
    entry.size = Buffer.byteLength(tampered);
  }
  await writeFile(indexFile, JSON.stringify(index));
  await packItem(options).getByRole('button', { name: 'Sync now' }).click();
  await expect(
    options.getByRole('alert').filter({ hasText: 'pinned publisher key' }),
  ).toBeVisible();
  await expect(packItem(options)).toContainText('does not match the pinned publisher key');
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.0.0');
  expect(await highlightsWithin(page, '#quill')).toEqual(['Zephyr Quill']);
  expect(pageErrors).toEqual([]);
});

test('settings and site rules survive update, rollback and removal', async ({
  context,
  extensionId,
}) => {
  await publisher.publish(projectRoot, [harborPack('1.0.0')]);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The user's own data: a setting changed through the page, an entity muted on a site.
  await options.getByLabel('Only the first mention of each entity on a page').check();
  await sendRequest(options, 'setEntityMuted', {
    host: 'news.example',
    packId: 'bytedance-ai-2026',
    entityId: 'doubao',
    muted: true,
  });
  const userData = async () => ({
    settings: await options.evaluate(() => chrome.storage.local.get('settings')),
    rule: await sendRequest(options, 'getSiteRule', { host: 'news.example' }),
  });
  const before = await userData();
  expect(before.rule).toMatchObject({ value: { mutedEntities: ['bytedance-ai-2026/doubao'] } });

  await subscribe(options, extensionId);
  expect(await userData()).toEqual(before);

  await publisher.publish(projectRoot, [harborPack('1.1.0')]);
  await packItem(options).getByRole('button', { name: 'Sync now' }).click();
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.1.0');
  expect(await userData()).toEqual(before);

  await packItem(options).getByRole('button', { name: 'Roll back to 1.0.0' }).click();
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.0.0');
  expect(await userData()).toEqual(before);

  await packItem(options).getByRole('button', { name: 'Remove' }).click();
  await expect(packItem(options)).toHaveCount(0);
  expect(await userData()).toEqual(before);

  // Undo puts the pack back as it was.
  await options.getByRole('button', { name: 'Undo' }).click();
  await expect(packItem(options).locator('.fl-pack-version')).toHaveText('v1.0.0');
  expect(await userData()).toEqual(before);
});
