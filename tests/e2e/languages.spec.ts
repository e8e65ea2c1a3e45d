import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { enterCardOf } from './cards';
import { expect, test } from './fixtures';
import { markerActive } from './highlights';

/**
 * The UI in the browser's language (public/_locales): Chromium started in Simplified
 * Chinese shows the popup, the options page and the card in Chinese, with `lang` saying so;
 * in English, as the other specs expect. Pack text follows too where the pack gives it in
 * that language (the seed pack is in English and Chinese: "Doubao", "豆包"), and the options
 * page can choose its language against the browser's; quotes stay in their source's words.
 */

// The card's shadow root is open to Playwright only in the test-hooks build.
test.use({ extensionBuild: 'test-hooks' });

interface Language {
  uiLanguage: string;
  /** The `lang` attribute the pages and the card carry. */
  lang: string;
  /** What each part shows while it waits for its data; checks run once it is gone. */
  waiting: RegExp;
  popup: { searchLabel: string; pause: string; onThisPage: string };
  options: { heading: string; title: string; packs: string; density: string };
  card: { copy: string; facts: string; kind: string; asOf: RegExp };
  /** Doubao's card's pack text: its name, the start of its summary and a claim's words. */
  pack: { name: string; summary: RegExp; claim: RegExp };
  /**
   * The popup's first entity for "谷歌" and for "world model", shown in this language: its
   * title, then its kind's label.
   */
  search: { google: string; worldModel: string };
}

/** The quotes of the seed pack are English (its source's words): tagged so in a Chinese card. */
const QUOTE_LANG: Record<string, string | null> = { 'zh-CN': 'en', en: null };

const LANGUAGES: Language[] = [
  {
    uiLanguage: 'zh-CN',
    lang: 'zh-CN',
    waiting: /^(正在加载…|正在准备搜索…|正在查看此页面…)$/,
    popup: { searchLabel: '搜索所有已安装的事实包', pause: '全局暂停', onThisPage: '本页提及' },
    options: {
      heading: 'Fact Lens 设置',
      title: 'Fact Lens 设置',
      packs: '事实包',
      density: '每一次提及',
    },
    card: { copy: '复制引用', facts: '事实', kind: '产品', asOf: /^截至 \d{4}年\d{1,2}月/ },
    pack: { name: '豆包', summary: /^字节跳动的AI助手App/, claim: /豆包/ },
    search: { google: '谷歌公司', worldModel: '世界模型概念' },
  },
  {
    uiLanguage: 'en',
    lang: 'en',
    waiting: /^(Loading…|Preparing search…|Looking at this page…)$/,
    popup: {
      searchLabel: 'Search every installed pack',
      pause: 'Pause everywhere',
      onThisPage: 'On this page',
    },
    options: {
      heading: 'Fact Lens settings',
      title: 'Fact Lens settings',
      packs: 'Fact packs',
      density: 'Every mention',
    },
    card: { copy: 'Copy citation', facts: 'Facts', kind: 'Product', asOf: /^as of [A-Z][a-z]{2} / },
    pack: { name: 'Doubao', summary: /^ByteDance’s AI assistant app/, claim: /Doubao/ },
    search: { google: 'GoogleCompany', worldModel: 'World modelConcept' },
  },
];

async function settled(page: Page, waiting: RegExp): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByText(waiting)).toHaveCount(0);
}

for (const language of LANGUAGES) {
  test.describe(`with Chromium in ${language.uiLanguage}`, () => {
    test.use({ uiLanguage: language.uiLanguage });

    test('the popup and the options page speak it, and axe finds nothing serious', async ({
      page,
      extensionId,
    }) => {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await settled(page, language.waiting);
      await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
      await expect(page.getByRole('combobox', { name: language.popup.searchLabel })).toBeFocused();
      await expect(page.getByText(language.popup.pause)).toBeVisible();
      await expect(page.getByRole('heading', { name: language.popup.onThisPage })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // Search finds every language of the pack and shows this one.
      const search = page.getByRole('combobox', { name: language.popup.searchLabel });
      const firstEntity = page.getByRole('option').first();
      for (const [query, title] of [
        ['谷歌', language.search.google],
        ['world model', language.search.worldModel],
      ] as const) {
        await search.fill(query);
        await expect(firstEntity.locator('.fl-popup-result-title')).toHaveText(title);
      }

      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await settled(page, language.waiting);
      await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
      await expect(page).toHaveTitle(language.options.title);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.options.heading);
      await expect(
        page.getByRole('heading', { name: language.options.packs, exact: true }),
      ).toBeVisible();
      await expect(page.getByRole('radio', { name: language.options.density })).toBeChecked();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the card speaks it, and axe finds nothing serious', async ({ page, server }) => {
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(`${server}/index.html`);
      await expect.poll(() => markerActive(page)).toBe(true);
      const { card } = await enterCardOf(page, '#lede', 'Doubao', language.pack.name);
      await expect(card).toHaveAttribute('lang', language.lang);
      await expect(card.getByRole('button', { name: language.card.copy })).toBeVisible();
      await expect(card.locator('.fl-card-kind')).toHaveText(language.card.kind);
      await expect(
        card.getByRole('heading', { name: language.card.facts, exact: true }),
      ).toBeVisible();
      await expect(card.locator('.fl-card-fact time').first()).toHaveText(language.card.asOf);
      // The pack's words in the same language, inheriting the card's `lang`.
      await expect(card.locator('.fl-card-entity-name')).toHaveText(language.pack.name);
      await expect(card.locator('.fl-card-summary')).toHaveText(language.pack.summary);
      await expect(card.locator('.fl-card-claim').first()).toHaveText(language.pack.claim);
      for (const selector of ['.fl-card-entity-name', '.fl-card-summary', '.fl-card-claim']) {
        await expect(card.locator(selector).first()).not.toHaveAttribute('lang');
      }
      const quote = card.locator('.fl-card-quote p').first();
      const quoteLang = QUOTE_LANG[language.uiLanguage];
      if (quoteLang) await expect(quote).toHaveAttribute('lang', quoteLang);
      else await expect(quote).not.toHaveAttribute('lang');
      expect(await seriousViolations(page, 'fact-lens-card')).toEqual([]);
      // For the README: docs/card-zh.png is this, in zh-CN, copied from the test output (CJK
      // glyphs need fonts-noto-cjk).
      await card.screenshot({
        path: test.info().outputPath(`card-${language.uiLanguage}.png`),
        animations: 'disabled',
      });
    });
  });
}

test.describe('with Chromium in en, pack texts set to 中文 on the options page', () => {
  test.use({ uiLanguage: 'en' });

  test('the card shows the pack in Chinese, tagged zh-CN inside an English card', async ({
    page,
    extensionId,
    server,
  }) => {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('radio', { name: '中文' }).check();
    await expect(page.getByRole('radio', { name: '中文' })).toBeChecked();
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${server}/index.html`);
    await expect.poll(() => markerActive(page)).toBe(true);
    const { card } = await enterCardOf(page, '#lede', 'Doubao', '豆包');
    // The card's own words stay in the browser's language; the pack's are Chinese, so tagged.
    await expect(card).toHaveAttribute('lang', 'en');
    await expect(card.getByRole('button', { name: 'Copy citation' })).toBeVisible();
    await expect(card.locator('.fl-card-entity-name')).toHaveText('豆包');
    await expect(card.locator('.fl-card-entity-name')).toHaveAttribute('lang', 'zh-CN');
    await expect(card.locator('.fl-card-summary')).toHaveText(/^字节跳动的AI助手App/);
    await expect(card.locator('.fl-card-summary')).toHaveAttribute('lang', 'zh-CN');
    // Quotes are the source's English words, in an English card: nothing to tag.
    await expect(card.locator('.fl-card-quote p').first()).not.toHaveAttribute('lang');
    expect(await seriousViolations(page, 'fact-lens-card')).toEqual([]);
  });
});
