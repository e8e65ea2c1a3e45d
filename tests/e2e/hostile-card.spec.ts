/**
 * A hostile page against what users run (`npm run build`, the default build of the fixture):
 * it cannot reach into the card (closed shadow root), its scripted events open no card, no
 * tab and save no mute, and nothing about the reader's hovers is published to it (no
 * user-timing entries, no `fact-lens-active`). The page's own script is tests/demo/hostile.html;
 * `page.evaluate` runs in the page's world, as its scripts do. The reader's own input
 * (`page.mouse`, trusted) still works. And the user build's files carry no test or
 * benchmark hook at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { hover } from './cards';
import { extensionBuilds, expect, test } from './fixtures';
import { highlightedTexts, hoveredText } from './highlights';
import { storedMutes } from './stored-mutes';

interface Probe {
  hostExists: boolean;
  shadowRoot: string;
  dialogs: number;
  ours: string[];
  activeHighlight: boolean;
}

declare global {
  interface Window {
    hostile: {
      probe(): Probe;
      pointAt(x: number, y: number): void;
      pressAltShiftN(): void;
      clickAt(x: number, y: number): void;
    };
  }
}

const probe = (page: Page) => page.evaluate(() => window.hostile.probe());
/**
 * A fixed wait, on purpose: this spec proves that nothing happens, on the build users run,
 * which has no test hook to say "the event was handled". 900 ms is three hover delays
 * (300 ms) plus the card's loading grace; where a later positive step can show the same
 * (the reader's own click opening exactly one tab), the spec checks that too.
 */
const settle = (page: Page) => page.waitForTimeout(900);

/**
 * The card as the browser sees it (DevTools pierces closed shadow roots; pages cannot):
 * whether it is open, and the middle of each of its buttons in viewport coordinates.
 */
async function cardThroughDevTools(
  cdp: CDPSession,
): Promise<{ open: boolean; buttons: Record<string, { x: number; y: number }> }> {
  interface DomNode {
    nodeId: number;
    nodeName: string;
    nodeValue?: string;
    attributes?: string[];
    children?: DomNode[];
    shadowRoots?: DomNode[];
  }
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const all: DomNode[] = [];
  const walk = (node: DomNode) => {
    all.push(node);
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
  };
  walk(root);
  const attribute = (node: DomNode, name: string) => {
    const at = node.attributes?.findIndex((value, index) => index % 2 === 0 && value === name);
    return at === undefined || at < 0 ? undefined : node.attributes?.[at + 1];
  };
  const text = (node: DomNode): string =>
    (node.nodeValue ?? '') + (node.children ?? []).map(text).join('');
  const dialog = all.find(
    (node) => attribute(node, 'role') === 'dialog' && attribute(node, 'class') === 'fl-card',
  );
  const buttons: Record<string, { x: number; y: number }> = {};
  if (dialog?.children) {
    const inside: DomNode[] = [];
    const collect = (node: DomNode) => {
      inside.push(node);
      node.children?.forEach(collect);
    };
    dialog.children.forEach(collect);
    for (const button of inside.filter((node) => node.nodeName === 'BUTTON')) {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
        model: { content: number[] };
      };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      buttons[text(button).trim()] = { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
    }
  }
  return {
    open: attribute(dialog ?? { nodeId: 0, nodeName: '' }, 'data-open') === 'true',
    buttons,
  };
}

test.describe('a hostile page, with what users run', () => {
  test("cannot open, read or click the card, and learns nothing of the reader's hovers", async ({
    page,
    context,
    server,
    serviceWorker,
    pageErrors,
  }) => {
    const host = new URL(server).hostname;
    await page.goto(`${server}/hostile.html`);
    await expect.poll(() => highlightedTexts(page)).toContain('Doubao');
    const doubao = await page.evaluate(() => {
      const lede = document.querySelector('#lede');
      const node = lede?.firstChild;
      const at = node?.nodeValue?.indexOf('Doubao') ?? -1;
      const range = document.createRange();
      range.setStart(node as Node, at);
      range.setEnd(node as Node, at + 'Doubao'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });

    // Scripted pointer moves over a mention and a scripted Alt+Shift+N: no card, not even
    // its UI loaded (nothing asked for one), no current mention.
    await page.evaluate(({ x, y }) => window.hostile.pointAt(x, y), doubao);
    await settle(page);
    await page.evaluate(() => window.hostile.pressAltShiftN());
    await settle(page);
    expect(await probe(page)).toEqual({
      hostExists: false,
      shadowRoot: 'no host',
      dialogs: 0,
      ours: [],
      activeHighlight: false,
    });
    expect(await hoveredText(page)).toBeNull();

    // The reader hovers: the card opens, in a root the page cannot see into.
    const cdp = await context.newCDPSession(page);
    await hover(page, '#lede', 'Doubao');
    await expect.poll(async () => (await cardThroughDevTools(cdp)).open).toBe(true);
    await expect
      .poll(async () => Object.keys((await cardThroughDevTools(cdp)).buttons))
      .toContain('Search');
    expect(await probe(page)).toEqual({
      hostExists: true,
      shadowRoot: 'null',
      dialogs: 0,
      ours: [],
      activeHighlight: false,
    });

    // Scripted clicks where the card's buttons are: no tab, no mute.
    const { buttons } = await cardThroughDevTools(cdp);
    const tabs = context.pages().length;
    const at = (name: string) => {
      const point = buttons[name];
      if (!point) throw new Error(`no "${name}" button in the card`);
      return point;
    };
    for (const name of ['Search', 'Don’t highlight here', 'Pin']) {
      for (let i = 0; i < 5; i++)
        await page.evaluate(({ x, y }) => window.hostile.clickAt(x, y), at(name));
    }
    // And scripted keys at the open card.
    await page.evaluate(() => window.hostile.pressAltShiftN());
    await settle(page);
    expect(context.pages()).toHaveLength(tabs);
    expect(await storedMutes(serviceWorker, host)).toEqual([]);
    expect(await highlightedTexts(page)).toContain('Doubao');

    // The reader's own click on Search still opens one tab.
    expect((await cardThroughDevTools(cdp)).open).toBe(true);
    const search = at('Search');
    await page.mouse.move(search.x, search.y, { steps: 8 });
    const opened = context.waitForEvent('page');
    await page.mouse.click(search.x, search.y);
    expect(new URL((await opened).url()).searchParams.get('q')).toBe('Doubao');
    expect(context.pages()).toHaveLength(tabs + 1);

    // Nothing about those hovers reached the page.
    const after = await probe(page);
    expect(after.ours).toEqual([]);
    expect(after.activeHighlight).toBe(false);
    expect(after.shadowRoot).toBe('null');
    expect(pageErrors).toEqual([]);
  });
});

test('the user build carries no test or benchmark hook (user timing, fact-lens-active)', () => {
  const filesOf = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(js|html|css|json)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
  const hooks = /fact-lens:card|fact-lens-active|test:matchPath|test:cardUiLoaded/g;
  const found = (dir: string) =>
    filesOf(dir).flatMap((file) =>
      [...new Set(readFileSync(file, 'utf8').match(hooks) ?? [])].map(
        (hook) => `${path.relative(dir, file)}: ${hook}`,
      ),
    );
  expect(found(extensionBuilds.production.dir)).toEqual([]);
  // The same search finds them where they belong: the test-hooks build.
  const inTestBuild = found(extensionBuilds['test-hooks'].dir).join('\n');
  for (const hook of ['fact-lens:card', 'fact-lens-active', 'test:matchPath'])
    expect(inTestBuild).toContain(hook);
});
