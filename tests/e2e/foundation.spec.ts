import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sendRequest } from './extension';
import { expect, test } from './fixtures';
import { highlightedTexts, highlightsInside, markerActive } from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

const seedPack = JSON.parse(
  readFileSync(path.resolve('seeds/bytedance-ai-2026.pack.json'), 'utf8'),
) as { id: string; version: string; entities: unknown[]; facts: unknown[]; sources: unknown[] };

test('an extension page reads the seed pack back from IndexedDB', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const pack = page.locator(`[data-pack-id="${seedPack.id}"]`);
  await expect(pack).toBeVisible();
  await expect(pack).toContainText(`v${seedPack.version}`);
  await expect(pack.locator('[data-count="entities"] dd')).toHaveText(
    String(seedPack.entities.length),
  );
  await expect(pack.locator('[data-count="facts"] dd')).toHaveText(String(seedPack.facts.length));
  await expect(pack.locator('[data-count="sources"] dd')).toHaveText(
    String(seedPack.sources.length),
  );
});

test('a page mentioning Doubao and Wu Yonghui shows them marked, DOM untouched', async ({
  page,
  server,
  pageErrors,
}) => {
  await page.goto(`${server}/index.html`);
  await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
  const texts = await highlightedTexts(page);
  expect(texts).toContain('Wu Yonghui');
  expect(texts).toContain('豆包');
  // Ambiguous aliases stay quiet where their context is absent or they are lowercase.
  expect(texts).not.toContain('seed');
  expect(texts).not.toContain('Claude');
  // Nothing was wrapped: no element of ours in the page.
  expect(await page.locator('fact-lens-mark').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('form fields, editable and hidden regions are never marked', async ({ page, server }) => {
  await page.goto(`${server}/index.html`);
  await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
  expect(await highlightsInside(page, '#notes, #editor, #hidden-copy')).toBe(0);
});

test('a page without pack entities gets no highlights', async ({ page, server }) => {
  await page.goto(`${server}/unrelated.html`);
  // Wait until the first scan is done, so this cannot pass just because the content
  // script has not run yet.
  await expect.poll(() => markerActive(page)).toBe(true);
  expect(await highlightedTexts(page)).toEqual([]);
});

test('a malformed pack is refused with its JSON path and nothing changes', async ({
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator(`[data-pack-id="${seedPack.id}"]`)).toBeVisible();
  const before = await sendRequest(page, 'listPacks');

  const [firstSource, ...otherSources] = seedPack.sources as Record<string, unknown>[];
  const broken = {
    ...seedPack,
    version: '9.0.0',
    sources: [{ ...firstSource, url: 'javascript:alert(1)' }, ...otherSources],
  };
  const reply = (await sendRequest(page, 'installPack', { text: JSON.stringify(broken) })) as {
    ok: boolean;
    error: { code: string; details: string[] };
  };
  expect(reply.ok).toBe(false);
  expect(reply.error.code).toBe('invalid-pack');
  expect(reply.error.details).toContainEqual(expect.stringContaining('$.sources[0].url'));
  expect(await sendRequest(page, 'listPacks')).toEqual(before);
});
