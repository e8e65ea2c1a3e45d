import { readdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { expect, sharedPagesDir, test } from './fixtures';
import {
  highlightedTexts,
  highlightsInShadowOf,
  highlightsInside,
  highlightsWithin,
  hoveredText,
  markerActive,
  pointOfText,
} from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

/** A mention appended after load must be painted within this time. */
const DYNAMIC_DEADLINE_MS = 1_000;

test.describe('recognition on the demo page', () => {
  test.beforeEach(async ({ page, server }) => {
    // Keep the body as the page built it, before any extension code could run.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { bodyBefore: string }).bodyBefore = document.body.innerHTML;
      });
    });
    await page.goto(`${server}/index.html`);
    await expect.poll(() => markerActive(page)).toBe(true);
  });

  test('marks seed entities through CSS.highlights and leaves the DOM untouched', async ({
    page,
  }) => {
    const texts = await highlightedTexts(page);
    for (const name of ['Doubao', 'Seedance 2.0', 'Genie 3', 'Zhou Chang', 'Volcengine', '豆包']) {
      expect(texts).toContain(name);
    }
    // Leftmost-longest: the longer alias wins where both start.
    expect(texts).toContain('Doubao Professional Edition');
    const after = await page.evaluate(() => document.body.innerHTML);
    const before = await page.evaluate(
      () => (window as unknown as { bodyBefore: string }).bodyBefore,
    );
    expect(after).toBe(before);
  });

  test('a name split by inline markup is one mention', async ({ page }) => {
    expect(await highlightsWithin(page, '#split-name')).toEqual(['Wu Yonghui']);
  });

  test('the pointer over a mention is hit-tested to that mention', async ({ page }) => {
    const { x, y } = await pointOfText(page, '#lede', 'Doubao');
    await page.mouse.move(x, y);
    await expect.poll(() => hoveredText(page)).toBe('Doubao');
    // Same line, plain text beside the mention: no longer over it.
    const beside = await pointOfText(page, '#lede', 'priorities');
    await page.mouse.move(beside.x, beside.y);
    await expect.poll(() => hoveredText(page)).toBeNull();
    // A mention split by inline markup is hit on either part.
    const split = await pointOfText(page, '#split-name', 'Yonghui');
    await page.mouse.move(split.x, split.y);
    await expect.poll(() => hoveredText(page)).toBe('Wu Yonghui');
  });

  test('text appended after load is marked within a second', async ({ page }) => {
    await page.evaluate(() => {
      const item = document.createElement('p');
      item.id = 'appended';
      item.textContent = 'Late news: Dola keeps growing abroad, says ByteDance.';
      document.querySelector('#article')?.append(item);
    });
    await expect
      .poll(() => highlightsInside(page, '#appended'), { timeout: DYNAMIC_DEADLINE_MS })
      .toBe(2);
  });

  test('an edited text node is re-matched and removed text loses its marks', async ({ page }) => {
    await page.evaluate(() => {
      const lede = document.querySelector('#lede');
      if (lede) lede.textContent = 'Now only Trae is named here, a ByteDance tool.';
    });
    await expect
      .poll(() => highlightsInside(page, '#lede'), { timeout: DYNAMIC_DEADLINE_MS })
      .toBe(2);
    await page.evaluate(() => document.querySelector('#video')?.remove());
    await expect
      .poll(async () => (await highlightedTexts(page)).includes('Vivix AI'), {
        timeout: DYNAMIC_DEADLINE_MS,
      })
      .toBe(false);
  });

  test('text in a new open shadow root is marked', async ({ page }) => {
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'shadow-host';
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside a widget: Seedance 2.0</p>';
      document.body.append(host);
    });
    await expect
      .poll(() => highlightsInShadowOf(page, '#shadow-host'), { timeout: DYNAMIC_DEADLINE_MS })
      .toEqual(['Seedance 2.0']);
  });

  test('iframes added after load are marked, same-origin and cross-origin', async ({
    page,
    server,
  }) => {
    const crossOrigin = server.replace('127.0.0.1', 'localhost');
    await page.evaluate(
      ([same, cross]) => {
        for (const [id, src] of [
          ['same-frame', `${same}/unrelated.html?frame`],
          ['cross-frame', `${cross}/index.html?frame`],
        ] as const) {
          const frame = document.createElement('iframe');
          frame.id = id;
          frame.src = src;
          document.body.append(frame);
        }
        const inline = document.createElement('iframe');
        inline.id = 'srcdoc-frame';
        inline.srcdoc = '<p>ByteDance and Doubao, in a srcdoc frame.</p>';
        document.body.append(inline);
      },
      [server, crossOrigin] as const,
    );
    const cross = page.frameLocator('#cross-frame');
    await expect(cross.locator('h1')).toBeVisible();
    const crossFrame = page.frames().find((frame) => frame.url().startsWith(crossOrigin));
    expect(crossFrame, 'cross-origin frame').toBeDefined();
    if (crossFrame) await expect.poll(() => highlightedTexts(crossFrame)).toContain('Doubao');
    const srcdoc = page.frames().find((frame) => frame.url() === 'about:srcdoc');
    expect(srcdoc, 'srcdoc frame').toBeDefined();
    if (srcdoc) await expect.poll(() => highlightedTexts(srcdoc)).toContain('Doubao');
  });

  test('text typed into a textarea or contenteditable is never marked', async ({ page }) => {
    await page.locator('#notes').fill('Doubao Seedance 2.0 Wu Yonghui');
    await page.locator('#editor').click();
    await page.keyboard.type(' Doubao and Seedance 2.0 and ByteDance');
    // A marked change elsewhere proves the observer has processed the typing too.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'probe';
      probe.textContent = 'Doubao';
      document.body.append(probe);
    });
    await expect.poll(() => highlightsInside(page, '#probe')).toBe(1);
    expect(await highlightsInside(page, '#notes, #editor')).toBe(0);
  });
});

const sharedPages = sharedPagesDir
  ? readdirSync(sharedPagesDir).filter((name) => name.endsWith('.html'))
  : [];

/**
 * Loads a saved page with only the document itself: its scripts, styles and images were
 * not saved, and a script answered with an HTML 404 would throw on its own.
 */
async function loadSavedPage(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The saved pages' own subresources point at the live web: refused. Our extension's
  // files (the card's stylesheet, fetched by the content script) are let through.
  await page.route('**/*', (route) =>
    route.request().resourceType() === 'document' ||
    route.request().url().startsWith('chrome-extension://')
      ? route.continue()
      : route.abort(),
  );
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return errors;
}

test.describe('saved real-world pages', () => {
  test.skip(sharedPages.length === 0, 'no ../shared/pages beside the project');

  // The same pages in a browser without Fact Lens: their inline scripts may throw on
  // their own (they ran on another site), and those errors are not ours.
  let plain: Browser;
  test.beforeAll(async ({ chromiumPath }) => {
    plain = await chromium.launch({
      executablePath: chromiumPath,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  });
  test.afterAll(async () => plain.close());

  for (const name of sharedPages) {
    test(`${name} loads with Fact Lens without an uncaught error`, async ({ page, server }) => {
      const ours: string[] = [];
      page.on('console', (message) => {
        const from = message.location().url;
        if (message.type() === 'error' && from.startsWith('chrome-extension://')) {
          ours.push(message.text());
        }
      });
      const url = `${server}/pages/${name}`;
      const withExtension = await loadSavedPage(page, url);
      await expect.poll(() => markerActive(page), { timeout: 15_000 }).toBe(true);

      const control = await plain.newPage();
      const withoutExtension = await loadSavedPage(control, url);
      // Both pages have run their inline scripts and load handlers (their subresources are
      // refused, so this is quick); errors thrown later (timers) come when they come in
      // either browser, so wait until both pages threw the same, not for a fixed time.
      await Promise.all([page.waitForLoadState('load'), control.waitForLoadState('load')]);
      await expect(() => {
        expect([...withExtension].sort()).toEqual([...withoutExtension].sort());
      }).toPass({ timeout: 5_000 });
      await control.close();

      expect(ours).toEqual([]);
    });
  }
});
