import type { Page, Worker } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { gotoMarked, highlightedTexts, hoveredText } from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

/** The id of the tab that is active now (ask before opening the popup in a tab of its own). */
function activeTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

async function openPopup(page: Page, extensionId: string, tabId?: number): Promise<Page> {
  const popup = await page.context().newPage();
  await popup.goto(
    `chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`,
  );
  return popup;
}

const searchBox = (popup: Page) =>
  popup.getByRole('combobox', { name: /Search every installed pack/ });
const firstResult = (popup: Page, group: string) =>
  popup.getByRole('group', { name: group }).getByRole('option').first();

test.describe('popup search', () => {
  test('finds entities by name, typo, Chinese and facts by a word', async ({
    page,
    extensionId,
  }) => {
    const popup = await openPopup(page, extensionId);
    const box = searchBox(popup);
    await expect(box).toBeFocused();

    // The pack has both Seedance (the model family) and Seedance 2.0: the exact name comes
    // first, the current model right after it; naming the version puts it first.
    await box.fill('seedance');
    const entities = popup.getByRole('group', { name: 'Entities' }).getByRole('option');
    await expect(entities.nth(0).locator('.fl-popup-result-title')).toHaveText(
      /^Seedance\s*Model$/,
    );
    await expect(entities.nth(1)).toContainText('Seedance 2.0');
    await box.fill('seedance 2');
    await expect(firstResult(popup, 'Entities')).toContainText('Seedance 2.0');
    await box.fill('豆包');
    await expect(firstResult(popup, 'Entities')).toContainText('Doubao');
    await box.fill('dau');
    await expect(firstResult(popup, 'Facts')).toContainText(/DAU/i);
    await box.fill('wu yonhui');
    await expect(firstResult(popup, 'Entities')).toContainText('Wu Yonghui');
    await box.fill('zzqqxx');
    await expect(popup.getByRole('status')).toContainText('Nothing matches');
  });

  test('arrow keys and Enter open an entity, Back returns', async ({ page, extensionId }) => {
    const popup = await openPopup(page, extensionId);
    const box = searchBox(popup);
    await box.fill('doubao');
    await expect(firstResult(popup, 'Entities')).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowDown');
    const second = popup.getByRole('option').nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect(popup.locator('.fl-card-entity-name')).toHaveText('Doubao');
    await expect(popup.locator('.fl-card-fact').first()).toBeVisible();
    await popup.getByRole('button', { name: /Back to results/ }).click();
    await expect(searchBox(popup)).toHaveValue('doubao');
  });
});

test.describe('popup and the current tab', () => {
  test.beforeEach(async ({ page, server }) => {
    await gotoMarked(page, `${server}/index.html`);
  });

  test('"On this page" lists what is marked, and a click scrolls the page to it', async ({
    page,
    extensionId,
    serviceWorker,
  }) => {
    const texts = await highlightedTexts(page);
    const tabId = await activeTabId(serviceWorker);
    const popup = await openPopup(page, extensionId, tabId);

    const items = popup.locator('.fl-popup-on-page-item');
    await expect(items.first()).toContainText('ByteDance');
    const genie = items.filter({ hasText: 'Genie 3' });
    const genieCount = texts.filter((text) => /^(Google )?Genie 3$/.test(text)).length;
    await expect(genie.locator('.fl-popup-on-page-count')).toHaveText(String(genieCount));

    const before = await page.evaluate(() => scrollY);
    await items.filter({ hasText: /^Seedance 2\.0/ }).click();
    await expect.poll(() => hoveredText(page)).toBe('Seedance 2.0');
    await expect.poll(() => page.evaluate(() => scrollY)).not.toBe(before);
  });

  test('switching the site off and on, and pausing, apply to the open tab without a reload', async ({
    page,
    extensionId,
    serviceWorker,
  }) => {
    const marked = (await highlightedTexts(page)).length;
    expect(marked).toBeGreaterThan(5);
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );
    const popup = await openPopup(page, extensionId, await activeTabId(serviceWorker));

    const siteSwitch = popup.getByRole('checkbox', { name: 'Off on 127.0.0.1' });
    await siteSwitch.check();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await siteSwitch.uncheck();
    await expect.poll(async () => (await highlightedTexts(page)).length).toBe(marked);

    const pause = popup.getByRole('checkbox', { name: 'Pause everywhere' });
    await pause.check();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await pause.uncheck();
    await expect.poll(async () => (await highlightedTexts(page)).length).toBe(marked);
    // Same document all along: nothing was reloaded.
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
  });
});

test('popup and options pages have no serious accessibility violations', async ({
  page,
  extensionId,
}) => {
  for (const path of ['popup.html', 'options.html']) {
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await expect(page.locator('main')).toBeVisible();
    // Checked once everything is in: each part shows one of these while it waits for its
    // data (settings, packs, the search index, the tab), and they only ever go away.
    await expect(
      page.getByText(/^(Loading…|Preparing search…|Looking at this page…)$/),
    ).toHaveCount(0);
    expect((await seriousViolations(page)).map((line) => `${path} ${line}`)).toEqual([]);
  }
});
