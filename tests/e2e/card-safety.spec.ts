import { writeFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { packWith } from '../support/pack-fixtures';
import { cardOf, hover } from './cards';
import { sendRequest } from './extension';
import { seriousViolations } from './accessibility';
import { expect, test } from './fixtures';
import { highlightedTexts, markerActive } from './highlights';

// Waits for `fact-lens-active` (the first scan is done) or reads the card's shadow root:
// both exist only in the test-hooks build (tests/e2e/hostile-card.spec.ts checks the user build).
test.use({ extensionBuild: 'test-hooks' });

const HOSTILE = '<img src=x onerror="alert(1)">';

/** A valid pack whose every string is markup; its source links to https. */
const hostilePack = packWith((pack) => {
  pack.id = 'hostile';
  pack.title = `Hostile ${HOSTILE}`;
  pack.entities[0].name = `Acme ${HOSTILE}`;
  pack.entities[0].summary = `Makes widgets. ${HOSTILE}<script>alert(2)</script>`;
  pack.propositions[0].title = `Launch ${HOSTILE}`;
  pack.facts[0].claim = `Launched ${HOSTILE}`;
  pack.sources[0].title = `Report ${HOSTILE}`;
  pack.sources[0].publisher = `News ${HOSTILE}`;
});

async function installHostilePack(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = (await sendRequest(page, 'installPack', {
    text: JSON.stringify(hostilePack),
  })) as { ok: boolean };
  expect(reply.ok).toBe(true);
}

/**
 * Rewrites the pack's source link in IndexedDB behind the validator's back, as a tampered or
 * corrupted database would hold it: the card must not trust stored data either.
 */
function tamperSourceUrl(worker: Worker, url: string): Promise<void> {
  return worker.evaluate(
    (url) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fact-lens-packs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('sources', 'readwrite');
          const store = tx.objectStore('sources');
          const get = store.get(['hostile', 'src-report']);
          get.onsuccess = () => store.put({ ...get.result, url });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    url,
  );
}

/** The card's border radius in CSS pixels (`--fl-radius-lg` in components/styles/tokens.css). */
const CARD_RADIUS = 10;

function clearCorners(image: PNG, size: number): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const nearX = x < size || x >= image.width - size;
      const nearY = y < size || y >= image.height - size;
      if (nearX && nearY)
        image.data.fill(0, (y * image.width + x) * 4, (y * image.width + x) * 4 + 4);
    }
  }
}

/** Opens the first mention's card from the keyboard (a hostile page may cover the text). */
async function openFirstCard(page: Page) {
  await expect.poll(() => markerActive(page)).toBe(true);
  const card = cardOf(page);
  await page.keyboard.press('Alt+Shift+N');
  await expect(card).toBeVisible();
  return card;
}

test('pack strings render as text and a javascript: link is never rendered', async ({
  page,
  server,
  extensionId,
  serviceWorker,
  pageErrors,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await installHostilePack(page, extensionId);
  await page.goto(`${server}/card-plain.html`);
  await expect.poll(() => highlightedTexts(page)).toContain('Acme Corp');
  await hover(page, '#acme', 'Acme Corp');
  const card = cardOf(page);
  await expect(card.locator('.fl-card-entity-name')).toHaveText(`Acme ${HOSTILE}`);
  await expect(card.locator('.fl-card-summary')).toContainText('<script>alert(2)</script>');
  // With an https source the link is there, opening a new tab without an opener.
  const link = card.locator('.fl-card-source a');
  await expect(link).toHaveAttribute('href', 'https://example.com/news/widget');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('target', '_blank');
  expect(await card.locator('img, script').count()).toBe(0);

  await tamperSourceUrl(serviceWorker, 'javascript:alert(3)');
  await page.reload();
  await expect.poll(() => markerActive(page)).toBe(true);
  await hover(page, '#acme', 'Acme Corp');
  await expect(card.locator('.fl-card-entity-name')).toHaveText(`Acme ${HOSTILE}`);
  await expect(card.locator('.fl-card-source-title')).toHaveText(`Report ${HOSTILE}`);
  expect(await card.locator('a').count()).toBe(0);
  expect(await card.locator('img, script').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('hostile page CSS does not change how the card looks', async ({ page, server }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${server}/card-plain.html`);
  const plain = await (await openFirstCard(page)).screenshot({ animations: 'disabled' });
  await page.goto(`${server}/card-hostile.html`);
  const hostile = await (await openFirstCard(page)).screenshot({ animations: 'disabled' });

  const a = PNG.sync.read(plain);
  const b = PNG.sync.read(hostile);
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  // The rounded corners are see-through by design: what shows there is the page, not the card.
  for (const image of [a, b]) clearCorners(image, CARD_RADIUS);
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (differing > 0) {
    // Kept for review: the two cards and where they differ.
    writeFileSync(test.info().outputPath('card-plain.png'), plain);
    writeFileSync(test.info().outputPath('card-hostile.png'), hostile);
    writeFileSync(test.info().outputPath('card-diff.png'), PNG.sync.write(diff));
  }
  expect(differing).toBe(0);
});

test('the card has no serious accessibility violations, and is saved in light and dark', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server}/index.html`);
    await expect.poll(() => markerActive(page)).toBe(true);
    await hover(page, '#lede', 'Doubao');
    const card = cardOf(page);
    await expect(card.locator('.fl-card-entity-name')).toHaveText('Doubao');
    await card.locator('.fl-card-fact').first().getByRole('button', { name: 'Quote' }).click();
    await card.screenshot({
      path: test.info().outputPath(`card-${colorScheme}.png`),
      animations: 'disabled',
    });
    expect(await seriousViolations(page, 'fact-lens-card')).toEqual([]);
  }
});
