/**
 * Relevance (issue 18): a pack marks what it is about, not every page that names a company it
 * mentions in passing. The precision set is pages that have nothing to do with the seed pack,
 * each with the marks it must have (none, unless a subject of the pack appears), written for
 * the test (tests/demo/precision/) or saved from the web (../shared/pages, read at run time).
 * The pages about the pack keep every mark they had: tests/e2e/recognition-golden.spec.ts
 * compares them with the recording made before context entities existed.
 */
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { isolate, readMentions, recordPage } from '../../scripts/recognition-golden';
import { enterCardOf } from './cards';
import { expect, sharedPagesDir, test } from './fixtures';
import { gotoMarked } from './highlights';

// Waits for `fact-lens-active` and reads the card's shadow root: test-hooks build only.
test.use({ extensionBuild: 'test-hooks' });

/** Each page of tests/demo/precision/ and what must be marked there, in document order. */
const WRITTEN: Record<string, string[]> = {
  'phone-review': [],
  'chip-article': [],
  'meta-earnings': [],
  'shopping-zh': [],
  // One subject in passing: it is marked, Google and OpenAI in other stories are not.
  'passing-subject': ['company|ByteDance'],
  // A subject and, in the same paragraph, two context entities; Google later, far away, is not.
  'near-subject': ['company|ByteDance', 'product|Doubao', 'company|Google', 'product|Gemini'],
  // "Seed" with its context term "doubao" far away stays unmarked.
  'seed-round': ['product|doubao'],
};

test.describe('the precision set', () => {
  for (const [name, expected] of Object.entries(WRITTEN)) {
    test(`precision/${name}`, async ({ page, server }) => {
      await isolate(page, [server]);
      expect(await recordPage(page, `${server}/precision/${name}.html`)).toEqual(expected);
    });
  }

  // Saved real pages about anything but ByteDance's AI: news, an encyclopedia, Chinese
  // portals. None names a subject of the seed pack, so nothing may be marked.
  const saved = sharedPagesDir
    ? readdirSync(sharedPagesDir).filter((file) => file.endsWith('.html'))
    : [];
  for (const file of saved) {
    test(`pages/${file}`, async ({ page, server }) => {
      test.setTimeout(60_000);
      await isolate(page, [server]);
      expect(await recordPage(page, `${server}/pages/${file}`, { timeout: 45_000 })).toEqual([]);
    });
  }
});

/** Chooses where context entities are marked, on the options page. */
async function chooseContextMarking(options: Page, label: RegExp): Promise<void> {
  await options
    .getByRole('group', { name: /mentions in passing/ })
    .getByLabel(label)
    .check();
}

test('the reader decides where context entities are marked, applied live to open tabs', async ({
  context,
  extensionId,
  page,
  server,
  pageErrors,
}) => {
  await gotoMarked(page, `${server}/precision/near-subject.html`);
  const near = WRITTEN['near-subject'] ?? [];
  await expect.poll(() => readMentions(page)).toEqual(near);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);

  await chooseContextMarking(options, /^Everywhere/);
  await expect.poll(() => readMentions(page)).toEqual([...near, 'company|Google']);
  await chooseContextMarking(options, /^Never/);
  await expect.poll(() => readMentions(page)).toEqual(['company|ByteDance', 'product|Doubao']);
  await chooseContextMarking(options, /^Near its subjects/);
  await expect.poll(() => readMentions(page)).toEqual(near);
  expect(pageErrors).toEqual([]);
});

test.describe('"Why is this marked?"', () => {
  const cases: [string, string, string, string, RegExp[]][] = [
    ['a subject', 'index', '#lede', 'Doubao', [/Matched “Doubao”/, /a subject of this pack/]],
    [
      'a gated alias',
      'index',
      '#world-models',
      'Genie 3',
      [/exactly these capitals/, /context terms: “Google” is in the same paragraph/],
    ],
    [
      'a context entity',
      'precision/near-subject',
      'p',
      'Google',
      [
        /only in passing; it is marked here because “ByteDance”, a subject of the pack, is in the same paragraph/,
      ],
    ],
  ];
  for (const [what, file, selector, text, lines] of cases) {
    test(`names alias, pack and rule for ${what}, and is accessible`, async ({ page, server }) => {
      await gotoMarked(page, `${server}/${file}.html`);
      const { card } = await enterCardOf(page, selector, text);
      const why = card.getByRole('button', { name: 'Why is this marked?' });
      await expect(why).toHaveAttribute('aria-expanded', 'false');
      // The keyboard opens it: focus the button and press Enter.
      await why.focus();
      await page.keyboard.press('Enter');
      await expect(why).toHaveAttribute('aria-expanded', 'true');
      const explanation = card.locator('.fl-card-why-lines');
      await expect(explanation).toContainText(`“${text}”`);
      await expect(explanation).toContainText('the pack “ByteDance AI in 2026”');
      for (const line of lines) await expect(explanation).toContainText(line);
      const results = await new AxeBuilder({ page }).include('fact-lens-card').analyze();
      const serious = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    });
  }
});
