import type { Frame, Page } from '@playwright/test';
import { cardOf, hover } from './cards';
import { expect, test } from './fixtures';
import { markerActive, paintedMentions } from './highlights';
import { cardUiLoads, scriptLoads } from './test-hooks';

/**
 * A page with 25 frames, most of them ads (tests/demo/frames.html, issue 13): every frame
 * marks its own document, and only the documents someone hovers load the card's UI.
 * The test-hooks build records each document that evaluates card-ui.js.
 */
test.use({ extensionBuild: 'test-hooks' });

/** What each frame document names, in document order, by file; the ads name nothing. */
const NAMED: Readonly<Record<string, string[]>> = {
  'video.html': ['Seedance 2.0'],
  'people.html': ['Wu Yonghui'],
  'zh.html': ['豆包'],
  'cloud.html': ['Volcengine'],
  'coding.html': ['Trae', 'ByteDance'],
};

const fileOf = (frame: Frame) => new URL(frame.url()).pathname.replace(/^\/frames\//, '');
const namedIn = (frame: Frame) => NAMED[fileOf(frame)] ?? [];

/** Opens frames.html and waits until the top document and all 25 frames finished their first scan. */
async function openFramesPage(page: Page, server: string): Promise<Frame[]> {
  await page.goto(`${server}/frames.html`);
  await expect.poll(() => markerActive(page)).toBe(true);
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  expect(frames).toHaveLength(25);
  for (const frame of frames) {
    await expect.poll(() => markerActive(frame), { message: frame.url() }).toBe(true);
  }
  return frames;
}

/** The frame showing `file`, from the page's origin or from the other loopback name. */
function frameOf(frames: Frame[], file: string, crossOrigin: boolean): Frame {
  const host = crossOrigin ? 'localhost' : '127.0.0.1';
  const frame = frames.find((f) => fileOf(f) === file && new URL(f.url()).hostname === host);
  if (!frame) throw new Error(`no ${crossOrigin ? 'cross' : 'same'}-origin frame of ${file}`);
  return frame;
}

test('every frame that names an entity is marked, and no other', async ({
  page,
  server,
  serviceWorker,
  pageErrors,
}) => {
  const frames = await openFramesPage(page, server);
  // The page is the fixture server's (127.0.0.1); its script loads five from localhost.
  expect(frames.filter((frame) => new URL(frame.url()).hostname === 'localhost')).toHaveLength(5);
  expect((await paintedMentions(page)).map((m) => m.text)).toEqual(['Doubao']);

  const marked: string[] = [];
  for (const frame of frames) {
    // The first scan is applied (openFramesPage waited for it): what is painted now is all.
    const texts = (await paintedMentions(frame)).map((m) => m.text);
    expect(texts, frame.url()).toEqual(namedIn(frame));
    if (texts.length > 0) marked.push(frame.url());
  }
  // Three same-origin frames and two cross-origin ones name something; the 20 ads nothing.
  expect(marked.map((url) => new URL(url).hostname).sort()).toEqual([
    '127.0.0.1',
    '127.0.0.1',
    '127.0.0.1',
    'localhost',
    'localhost',
  ]);
  // Only documents holding a gated alias or a context entity load the nearness rules: some
  // that name entities, never an ad.
  const withRules = Object.keys(await scriptLoads(serviceWorker, 'relevance'));
  expect(withRules.length).toBeGreaterThan(0);
  expect(marked).toEqual(expect.arrayContaining(withRules));
  expect(pageErrors).toEqual([]);
});

test('a document loads the nearness rules once it names a bystander, and only then', async ({
  page,
  server,
  serviceWorker,
}) => {
  // Volcengine, a subject of the pack, and nothing conditional: marked without the rules.
  await page.goto(`${server}/frames/cloud.html`);
  await expect.poll(() => markerActive(page)).toBe(true);
  expect((await paintedMentions(page)).map((m) => m.text)).toEqual(['Volcengine']);
  expect(await scriptLoads(serviceWorker, 'relevance')).toEqual({});
  // The demo page names Google, DeepMind and "Seed": its first scan waits for the rules.
  await page.goto(`${server}/index.html`);
  await expect.poll(() => markerActive(page)).toBe(true);
  expect(await scriptLoads(serviceWorker, 'relevance')).toEqual({ [`${server}/index.html`]: 1 });
  expect((await paintedMentions(page)).map((m) => m.text)).toContain('Genie 3');
});

test('cards open in a same-origin frame, a cross-origin frame and the top document, and only those documents load the card UI', async ({
  page,
  server,
  serviceWorker,
  pageErrors,
}) => {
  const frames = await openFramesPage(page, server);
  // Every document has started and scanned; none has been hovered, so none loaded it.
  expect(await cardUiLoads(serviceWorker)).toEqual({});

  const expected: Record<string, number> = {};
  const opens = async (target: Page | Frame, selector: string, text: string) => {
    await hover(target, selector, text);
    await expect(cardOf(target).locator('.fl-card-entity-name')).toHaveText(text);
    const url = target.url();
    expected[url] = 1;
    // The count is written by card-ui.js as it is evaluated, in this document only.
    await expect.poll(() => cardUiLoads(serviceWorker), { message: url }).toEqual(expected);
  };
  // Frames first: a frame's card stays inside its frame, the top document's could cover them.
  await opens(frameOf(frames, 'video.html', false), '#text', 'Seedance 2.0');
  await opens(frameOf(frames, 'cloud.html', true), '#text', 'Volcengine');
  await opens(page, '#lede', 'Doubao');

  // A second card in the same document reuses the loaded UI.
  const card = cardOf(page);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.mouse.move(5, 5);
  await hover(page, '#lede', 'Doubao');
  await expect(card.locator('.fl-card-entity-name')).toHaveText('Doubao');

  // By now a document that loaded card-ui.js without a hover (at start, say) would be
  // counted too: the 20 ads, the three other frames that name entities, or one of these twice.
  expect(await cardUiLoads(serviceWorker)).toEqual({
    [`${server}/frames.html`]: 1,
    [`${server}/frames/video.html`]: 1,
    [`${server.replace('127.0.0.1', 'localhost')}/frames/cloud.html`]: 1,
  });
  expect(pageErrors).toEqual([]);
});
