import type { Page } from '@playwright/test';
import { enterCardOf } from './cards';
import { expect, test } from './fixtures';
import { gotoMarked, highlightedTexts, highlightsWithin, markerActive } from './highlights';
import { storedMutes } from './stored-mutes';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

const DOUBAO_KEY = 'bytedance-ai-2026/doubao';

async function openDemo(page: Page, server: string): Promise<void> {
  await gotoMarked(page, `${server}/index.html`);
  await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
}

/** Hovers Doubao in the lede, moves into its card and clicks "Don’t highlight here". */
async function muteDoubao(page: Page) {
  const { card } = await enterCardOf(page, '#lede', 'Doubao');
  await card.getByRole('button', { name: 'Don’t highlight here' }).click();
  await expect(card.getByRole('status')).toContainText(
    'Doubao is no longer highlighted on this site.',
  );
  return card;
}

/** What is painted once the page settled: Doubao gone, the other entities still there. */
async function expectDoubaoMuted(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await highlightedTexts(page);
      return { doubao: texts.includes('Doubao'), byteDance: texts.includes('ByteDance') };
    })
    .toEqual({ doubao: false, byteDance: true });
}

test.describe('“Don’t highlight here” on the demo page', () => {
  test('mutes Doubao at once; Undo brings it back and the undo is stored', async ({
    page,
    server,
    serviceWorker,
    pageErrors,
  }) => {
    const host = new URL(server).hostname;
    await openDemo(page, server);
    const card = await muteDoubao(page);
    await expectDoubaoMuted(page);
    expect(await storedMutes(serviceWorker, host)).toEqual([DOUBAO_KEY]);

    await card.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
    expect(await storedMutes(serviceWorker, host)).toEqual([]);

    await page.reload();
    await expect.poll(() => markerActive(page)).toBe(true);
    await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
    expect(pageErrors).toEqual([]);
  });

  test('a muted entity stays unhighlighted on this site after a reload', async ({
    page,
    server,
    serviceWorker,
    pageErrors,
  }) => {
    await openDemo(page, server);
    await muteDoubao(page);
    await expectDoubaoMuted(page);
    expect(await storedMutes(serviceWorker, new URL(server).hostname)).toEqual([DOUBAO_KEY]);

    await page.reload();
    await expect.poll(() => markerActive(page)).toBe(true);
    await expectDoubaoMuted(page);
    // And it stays so: no later repaint brings it back. Rather than wait a while, make the
    // page match once more and wait for that: a paragraph appended now is matched after
    // everything the page queued since the reload (batches apply in the order they were
    // collected, lib/engine/page/README.md), so once its ByteDance is painted, any late
    // answer that could have painted Doubao again has been applied.
    await page.evaluate(() => {
      const late = document.createElement('p');
      late.id = 'late';
      late.textContent = 'Doubao, by ByteDance, once more.';
      document.body.append(late);
    });
    await expect.poll(() => highlightsWithin(page, '#late')).toEqual(['ByteDance']);
    expect(await highlightedTexts(page)).not.toContain('Doubao');
    expect(pageErrors).toEqual([]);
  });
});
