import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { highlightsWithin } from './highlights';
import { harborPack, SYNC_PACK_ID } from './sync-packs';

const SEED_ID = 'bytedance-ai-2026';

function packItem(options: Page, packId: string) {
  return options.locator(`article[data-pack-id="${packId}"]`);
}

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(packItem(page, SEED_ID)).toBeVisible();
}

test('import a pack file, switch it off and on in an open tab, export it byte for byte', async ({
  context,
  page,
  extensionId,
  server,
}) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const file = `${JSON.stringify(harborPack('1.0.0'), null, 2)}\n`;
  await options.getByLabel('Import a pack file').setInputFiles({
    name: 'harbor-notes.pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await expect(options.getByText('Installed Harbor notes 1.0.0')).toBeVisible();
  await expect(packItem(options, SYNC_PACK_ID)).toContainText('Imported from a file');

  await page.goto(`${server}/sync.html`);
  await expect.poll(() => highlightsWithin(page, '#quill')).toEqual(['Zephyr Quill']);
  const highlightSwitch = packItem(options, SYNC_PACK_ID).getByLabel(
    'Highlight Harbor notes on pages',
  );
  // The switch shows what the background stored, so it turns once the reply is in.
  await highlightSwitch.click();
  await expect(highlightSwitch).not.toBeChecked();
  await expect.poll(() => highlightsWithin(page, '#quill')).toEqual([]);
  await highlightSwitch.click();
  await expect(highlightSwitch).toBeChecked();
  await expect.poll(() => highlightsWithin(page, '#quill')).toEqual(['Zephyr Quill']);

  const download = options.waitForEvent('download');
  await packItem(options, SYNC_PACK_ID).getByRole('button', { name: 'Export' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('harbor-notes-1.0.0.pack.json');
  expect(await readFile(await saved.path(), 'utf8')).toBe(file);

  // The same version again is refused, and can be forced.
  await options.getByLabel('Import a pack file').setInputFiles({
    name: 'again.pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await expect(options.getByText(/not newer than the installed 1\.0\.0/)).toBeVisible();
  await options.getByRole('button', { name: 'Install anyway' }).click();
  await expect(options.getByText('Installed Harbor notes 1.0.0')).toBeVisible();
});

test('a malformed pack file is refused whole, with its JSON path, and nothing changes', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId);
  const pack = harborPack('1.0.0');
  const broken = { ...pack, facts: pack.facts.map((fact) => ({ ...fact, sourceId: 'nowhere' })) };
  await page.getByLabel('Import a pack file').setInputFiles({
    name: 'broken.pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByText('$.facts[0].sourceId', { exact: false }).first()).toBeVisible();
  await expect(packItem(page, SYNC_PACK_ID)).toHaveCount(0);
  await expect(page.locator('article[data-pack-id]')).toHaveCount(1);
});

test('the bundled pack can be removed, brought back with Undo, and restored later', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId);
  // Another pack stays installed, so the background does not heal an empty store by itself.
  await page.getByLabel('Import a pack file').setInputFiles({
    name: 'harbor-notes.pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(harborPack('1.0.0'))),
  });
  await expect(packItem(page, SYNC_PACK_ID)).toBeVisible();
  const seed = packItem(page, SEED_ID);
  await seed.getByRole('button', { name: 'Remove' }).click();
  await expect(seed).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(seed).toContainText('Bundled with Fact Lens');

  await seed.getByRole('button', { name: 'Remove' }).click();
  await expect(seed).toHaveCount(0);
  await page.reload();
  await expect(seed).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore the bundled pack' }).click();
  await expect(seed).toContainText('Bundled with Fact Lens');
  await expect(page.getByRole('button', { name: 'Restore the bundled pack' })).toHaveCount(0);
});
