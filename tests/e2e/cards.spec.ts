import { DEFAULT_TIMING } from '../../lib/cards/hover-controller';
import { expect, test } from './fixtures';
import { cardOf, enterCardOf, hover, hoveredTextRange } from './cards';
import { highlightedTexts, hoveredText, markerActive, pointOfText } from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

test.describe('hover cards on the demo page', () => {
  test.beforeEach(async ({ page, server }) => {
    await page.goto(`${server}/index.html`);
    await expect.poll(() => markerActive(page)).toBe(true);
  });

  test('hovering Doubao shows its proposition, facts with status and date, and quotes', async ({
    page,
    pageErrors,
  }) => {
    const card = cardOf(page);
    await hover(page, '#lede', 'Doubao');
    await expect.poll(() => hoveredText(page)).toBe('Doubao');
    await expect(card).toBeVisible();
    await expect(card.locator('.fl-card-entity-name')).toHaveText('Doubao');
    await expect(card.locator('.fl-card-kind')).toHaveText('Product');
    const proposition = card.locator('.fl-card-proposition-toggle').first();
    await expect(proposition).toHaveText(/Make Doubao pay its way through office work/);
    // The proposition expands to its summary.
    await expect(card.locator('.fl-card-proposition-summary').first()).toBeHidden();
    await proposition.click();
    await expect(proposition).toHaveAttribute('aria-expanded', 'true');
    await expect(card.locator('.fl-card-proposition-summary').first()).toBeVisible();

    const firstFact = card.locator('.fl-card-fact').first();
    await expect(firstFact.locator('.fl-card-status')).toHaveText(/\S/);
    await expect(firstFact.locator('time')).toHaveText(/as of \S+/);
    const quote = firstFact.locator('.fl-card-quote');
    await expect(quote).toBeHidden();
    await firstFact.getByRole('button', { name: 'Quote' }).click();
    await expect(quote).toBeVisible();
    await expect(quote).toContainText('“');
    await expect(card.locator('.fl-card-source').first()).toContainText('36Kr');

    // The card never covers the term it is about.
    const term = await pointOfText(page, '#lede', 'Doubao');
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      const inside =
        term.x >= box.x &&
        term.x <= box.x + box.width &&
        term.y >= box.y &&
        term.y <= box.y + box.height;
      expect(inside).toBe(false);
    }
    expect(pageErrors).toEqual([]);
  });

  test('the card stays while the pointer moves into it and hides once it leaves', async ({
    page,
  }) => {
    const { card, box } = await enterCardOf(page, '#lede', 'Doubao');
    // Leaving the mention armed the card's hide timer (hideGraceMs) before the pointer reached
    // the card; a timer of the same length armed in the page now fires after it. Once it has,
    // the card would be gone had entering it not cancelled the hide.
    await page.evaluate(
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      DEFAULT_TIMING.hideGraceMs,
    );
    await expect(card).toBeVisible();
    // Away from both the card and the term.
    await page.mouse.move(box.x + box.width + 200, box.y + box.height + 200, { steps: 4 });
    await expect(card).toBeHidden();
  });

  test('"Search" opens the popup search for the entity, about this tab', async ({ page }) => {
    const { card } = await enterCardOf(page, '#lede', 'Doubao');
    const [search] = await Promise.all([
      page.context().waitForEvent('page'),
      card.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    await expect(search).toHaveURL(/\/popup\.html\?q=Doubao&tab=\d+$/);
    await expect(search.getByRole('option').first()).toContainText('Doubao');
  });

  test('Escape closes the card', async ({ page }) => {
    const card = cardOf(page);
    await hover(page, '#lede', 'Doubao');
    await expect(card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
  });

  test('a related-entity chip swaps the card and Back returns', async ({ page }) => {
    const { card } = await enterCardOf(page, '#lede', 'Doubao');
    await card.locator('.fl-card-chip', { hasText: 'Dola' }).click();
    await expect(card.locator('.fl-card-entity-name')).toHaveText('Dola');
    await card.getByRole('button', { name: '← Back' }).click();
    await expect(card.locator('.fl-card-entity-name')).toHaveText('Doubao');
  });

  test('the keyboard reaches the next mention, opens its card, and Tab stays inside', async ({
    page,
  }) => {
    const card = cardOf(page);
    const name = card.locator('.fl-card-entity-name');
    // Reading order on the demo page: ByteDance (headline), ByteDance (lede), Doubao, Dola.
    await page.keyboard.press('Alt+Shift+N');
    await expect(name).toHaveText('ByteDance');
    await expect.poll(() => hoveredText(page)).toBe('ByteDance');
    // Focus is in the card, so screen readers announce its name and summary.
    await expect(card).toBeFocused();
    await expect(card).toHaveAccessibleName('ByteDance');
    await page.keyboard.press('Tab');
    const focusedInCard = await card.evaluate((element) => {
      const active = (element.getRootNode() as ShadowRoot).activeElement;
      return active !== null && element.contains(active);
    });
    expect(focusedInCard).toBe(true);

    // Onwards in reading order, each press one mention further; back one with Alt+Shift+P.
    const visited = ['ByteDance'];
    for (let step = 0; step < 4; step++) {
      const before = await hoveredTextRange(page);
      await page.keyboard.press('Alt+Shift+N');
      await expect.poll(() => hoveredTextRange(page)).not.toEqual(before);
      visited.push((await name.textContent()) ?? '');
    }
    expect(visited.slice(0, 2)).toEqual(['ByteDance', 'ByteDance']);
    expect(visited).toContain('Doubao');
    await page.keyboard.press('Alt+Shift+P');
    await expect(name).toHaveText(visited[3] ?? '');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
  });

  test('works inside a cross-origin iframe', async ({ page, server }) => {
    const crossOrigin = server.replace('127.0.0.1', 'localhost');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'card-frame';
      frame.src = src;
      frame.style.cssText = 'width: 900px; height: 700px';
      document.querySelector('#lede')?.after(frame);
    }, `${crossOrigin}/card-plain.html`);
    const frameElement = page.locator('#card-frame');
    await frameElement.scrollIntoViewIfNeeded();
    const frame = page.frames().find((candidate) => candidate.url().startsWith(crossOrigin));
    if (!frame) throw new Error('no cross-origin frame');
    await expect.poll(() => markerActive(frame)).toBe(true);
    // The first scan can end before the frame's mention is painted (visible text is
    // confirmed per block), and one pointer move over unpainted text opens nothing.
    await expect.poll(() => highlightedTexts(frame)).toContain('Volcengine');
    const inFrame = await pointOfText(frame, '#volcengine', 'Volcengine');
    const box = await frameElement.boundingBox();
    if (!box) throw new Error('no frame box');
    const card = frame.locator('fact-lens-card [role="dialog"]');
    // Moved onto the name until its card shows: a move that lands while the frame is
    // still being laid out after scrolling is not a hover over painted text.
    await expect(async () => {
      await page.mouse.move(box.x + inFrame.x - 2, box.y + inFrame.y);
      await page.mouse.move(box.x + inFrame.x, box.y + inFrame.y);
      await expect(card.locator('.fl-card-entity-name')).toHaveText('Volcengine', {
        timeout: 1_500,
      });
    }).toPass();
    // Keys go to the focused document, so leaving with the pointer is what closes it here.
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 4 });
    await expect(card).toBeHidden();
  });
});
