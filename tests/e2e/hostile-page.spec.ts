import { expect, test } from './fixtures';
import { gotoMarked, highlightedTexts, highlightsWithin } from './highlights';

/**
 * Issue 14, item 6: a page cannot learn which packs its reader has by hiding names and reading
 * `CSS.highlights` back (tests/demo/hidden-text.html). Only text a reader can see is marked;
 * hidden text is marked once it is shown. The test-hooks build, for its first-scan highlight.
 */
test.use({ extensionBuild: 'test-hooks' });

const HIDDEN = [
  '#display-none',
  '#hidden-attribute',
  '#zero-size',
  '#font-size-zero',
  '#aria-hidden',
  '#invisible',
  '#transparent',
  '#disclosure',
  '#tab',
];

test('names in hidden, zero-size and aria-hidden elements are never in CSS.highlights', async ({
  page,
  server,
  pageErrors,
}) => {
  await gotoMarked(page, `${server}/hidden-text.html`);
  expect(await highlightsWithin(page, '#control')).toEqual(['Doubao']);
  for (const selector of HIDDEN) {
    expect(await highlightsWithin(page, selector), selector).toEqual([]);
  }
  expect(await highlightedTexts(page)).toEqual(['Doubao']);

  // Shown by the reader: marked then.
  await page.locator('#disclosure summary').click();
  await expect.poll(() => highlightsWithin(page, '#disclosure')).toEqual(['Seedance']);
  await page.evaluate(() => document.getElementById('tab')?.classList.remove('closed'));
  await expect.poll(() => highlightsWithin(page, '#tab')).toEqual(['ByteDance']);
  // Hidden again: unmarked.
  await page.evaluate(() => document.getElementById('tab')?.classList.add('closed'));
  await expect.poll(() => highlightsWithin(page, '#tab')).toEqual([]);
  for (const selector of HIDDEN.filter((s) => s !== '#disclosure' && s !== '#tab')) {
    expect(await highlightsWithin(page, selector), selector).toEqual([]);
  }
  expect(pageErrors).toEqual([]);
});

test('a page cannot stop Fact Lens by announcing a newer copy of its content script', async ({
  page,
  server,
  extensionId,
  pageErrors,
}) => {
  await gotoMarked(page, `${server}/hidden-text.html`);
  expect(await highlightedTexts(page)).toEqual(['Doubao']);
  // What WXT's content-script context took for a newer copy of the script, which ended the
  // one running (lib/content/lifetime.ts): a CustomEvent and a message named after the
  // extension's id, which pages can learn.
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'page' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.postMessage({ type, ...detail }, '*');
  }, extensionId);
  await page.evaluate(() => {
    const late = document.createElement('p');
    late.textContent = 'Seedance arrived later.';
    document.body.append(late);
  });
  await expect.poll(() => highlightedTexts(page)).toEqual(['Doubao', 'Seedance']);
  expect(pageErrors).toEqual([]);
});
