// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainTimers } from '../async/timers';
import { fakeBrowser } from 'wxt/testing';
import { compileMatcher } from '../engine/matcher/compile';
import { Matcher } from '../engine/matcher/matcher';
import { scanRemotely } from '../engine/remote-scan';
import type { MessageType } from '../messaging/protocol';
import { PACKS_REVISION_KEY } from '../messaging/packs-revision';
import { wireRequest, type MessageEvents, type WireReply } from '../messaging/wire';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings/schema';
import { CARD_UI, type MountCard, type PageCardActions } from './card-ui';
import { startFrame, type ContentRequest, type FrameEnvironment } from './frame';
import { publishLazyExport } from './lazy-script';
import { LOCAL_MATCHER } from './local-matcher';
import { CARD_OPEN_MARK, CARD_PAINT_MEASURE } from './test-hooks';
import {
  installHighlightApi,
  paintedTexts,
  type FakeRegistry,
} from '../../tests/support/highlight-api';
import { dispatchTrusted } from '../../tests/support/trusted-event';
import { aliasOf } from '../../tests/support/page-aliases';

// Most of this file runs the test-hooks build (`__FACT_LENS_TEST_HOOKS__`), as the e2e tests
// and the benchmark do: it announces the first scan and writes user timing. What users run
// (`npm run build`) is tested at the end, with the modules loaded afresh without the flag.
vi.hoisted(() => {
  Reflect.set(globalThis, '__FACT_LENS_TEST_HOOKS__', true);
});

const compiled = compileMatcher(
  [aliasOf('Doubao', 'product'), aliasOf('ByteDance', 'company')],
  'v1',
);
const DOUBAO = 'p/doubao';
const HOST = 'news.example.com';

/** The background: answers each request as the real one would, through a JSON round trip. */
function fakeBackground(rule: { muted: string[] } = { muted: [] }) {
  const matcher = Matcher.fromCompiled(compiled);
  const answer = (type: MessageType, payload: unknown): unknown => {
    switch (type) {
      case 'matchTexts': {
        const scan = scanRemotely(matcher, (payload as { texts: string[] }).texts);
        const found = scan.results.some((result) => result.candidates.length > 0);
        return found ? { ...scan, muted: rule.muted } : scan;
      }
      case 'getMatcher':
        return compiled;
      case 'getSiteRule':
        return { host: HOST, mutedEntities: rule.muted, updatedAt: 1 };
      case 'setEntityMuted':
        return { host: HOST, mutedEntities: [DOUBAO], updatedAt: 2 };
      case 'getEntityCard':
        return null;
      case 'openSearch':
        return { opened: true };
      default:
        throw new Error(`the content script never sends ${type}`);
    }
  };
  const request = vi.fn(async (type: MessageType, payload?: unknown) =>
    JSON.parse(JSON.stringify({ ok: true, value: answer(type, payload) })),
  );
  const sent = (type: MessageType) => request.mock.calls.filter(([called]) => called === type);
  return { request, sent };
}

/** `runtime.onMessage` as the popup reaches it: `ask` sends one request and awaits the reply. */
function popupChannel() {
  type Listener = Parameters<MessageEvents<unknown>['addListener']>[0];
  const listeners = new Set<Listener>();
  const events: MessageEvents<unknown> = {
    addListener: (listener) => listeners.add(listener),
    removeListener: (listener) => listeners.delete(listener),
  };
  const ask = (type: string, data?: unknown) =>
    new Promise<WireReply | undefined>((resolve) => {
      let answered = false;
      for (const listener of listeners) {
        answered = listener(wireRequest(type, data), {}, resolve) || answered;
      }
      if (!answered) resolve(undefined);
    });
  return { events, listeners, ask };
}

let highlights: { registry: FakeRegistry; uninstall: () => void };
const stops: (() => void)[] = [];

beforeEach(() => {
  highlights = installHighlightApi();
  // jsdom has no layout: every range has one box, at the top of the viewport.
  Range.prototype.getClientRects = () => [new DOMRect(10, 10, 40, 16)] as unknown as DOMRectList;
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  highlights.uninstall();
  fakeBrowser.reset();
  // What the fake scripts published: the next test's frame loads them afresh.
  Reflect.deleteProperty(globalThis, CARD_UI.global);
  Reflect.deleteProperty(globalThis, LOCAL_MATCHER.global);
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function storeSettings(change: Partial<Settings>): Promise<void> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...change } });
}

/** Starts Fact Lens in this document, with the fakes; `overrides` replace parts of them. */
async function start(overrides: Partial<FrameEnvironment> = {}, begin = startFrame) {
  const background = fakeBackground();
  const popup = popupChannel();
  const mountCard = vi.fn<MountCard>(async () => {});
  const importScript = vi.fn(async (url: string) => {
    if (url.endsWith(CARD_UI.path)) publishLazyExport(CARD_UI, mountCard);
    if (url.endsWith(LOCAL_MATCHER.path)) {
      publishLazyExport(LOCAL_MATCHER, (matcher) => Matcher.fromCompiled(matcher));
    }
  });
  const userTiming = { mark: vi.fn(), measure: vi.fn() };
  const env: FrameEnvironment = {
    doc: document,
    url: `https://${HOST}/article`,
    isTopFrame: true,
    storage: fakeBrowser.storage,
    onMessage: popup.events,
    request: background.request as unknown as ContentRequest,
    scriptUrl: (path) => `chrome-extension://fact-lens${path}`,
    importScript,
    timers: plainTimers,
    userTiming: userTiming as unknown as FrameEnvironment['userTiming'],
    lifetime: { onEnd: () => () => {} },
    highlightCss: '::highlight(fact-lens-product) { color: red; }',
    ...overrides,
  };
  const stop = await begin(env);
  stops.push(stop);
  return { ...background, ...popup, mountCard, importScript, userTiming, stop, env };
}

const painted = () => paintedTexts(highlights.registry).sort();
const firstScanDone = () =>
  vi.waitFor(() => expect(highlights.registry.has('fact-lens-active')).toBe(true));

/** The reader presses Alt+Shift+N; `scripted`: a page's script dispatches it instead. */
function pressAltShiftN(scripted = false): void {
  const event = new KeyboardEvent('keydown', {
    code: 'KeyN',
    altKey: true,
    shiftKey: true,
    bubbles: true,
  });
  if (scripted) document.dispatchEvent(event);
  else dispatchTrusted(document, event);
}

describe('startFrame', () => {
  it('marks a small document with the background’s answers and tells the popup what is there', async () => {
    document.body.innerHTML = '<p>Doubao, made by ByteDance.</p><p>Doubao again.</p>';
    const { sent, ask, importScript } = await start();
    await firstScanDone();
    expect(painted()).toEqual(['ByteDance', 'Doubao', 'Doubao']);
    expect(sent('matchTexts')).toHaveLength(1);
    // A small document never receives the matcher, and no code loads before it is needed.
    expect(sent('getMatcher')).toEqual([]);
    expect(importScript).not.toHaveBeenCalled();

    expect(await ask('pageSite')).toEqual({ res: HOST });
    expect(await ask('pageEntities')).toEqual({
      res: [
        expect.objectContaining({ entityKey: DOUBAO, firstText: 'Doubao', count: 2 }),
        expect.objectContaining({ entityKey: 'p/bytedance', count: 1 }),
      ],
    });
  });

  it('sends nothing on a paused page, and marks it once unpaused', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    await storeSettings({ paused: true });
    const { request } = await start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(request).not.toHaveBeenCalled();
    expect(painted()).toEqual([]);

    await storeSettings({ paused: false });
    await firstScanDone();
    expect(painted()).toEqual(['Doubao']);
  });

  it('sends nothing on a site switched off', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    await storeSettings({ disabledSites: [HOST] });
    const { request } = await start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(request).not.toHaveBeenCalled();
  });

  it('never paints an entity muted on the site (the mutes come with the first answer)', async () => {
    document.body.innerHTML = '<p>Doubao, made by ByteDance.</p>';
    const background = fakeBackground({ muted: [DOUBAO] });
    await start({ request: background.request as unknown as ContentRequest });
    await firstScanDone();
    expect(painted()).toEqual(['ByteDance']);
    expect(background.sent('getSiteRule')).toEqual([]);
  });

  it('only the top frame answers the popup', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    const { listeners, ask } = await start({ isTopFrame: false });
    await firstScanDone();
    expect(listeners.size).toBe(0);
    expect(await ask('pageEntities')).toBeUndefined();
  });

  it('loads the card UI on the first intent only, and mounts it with the page’s actions', async () => {
    document.body.innerHTML = '<p>Doubao, made by ByteDance.</p>';
    const { importScript, mountCard, sent, userTiming, env } = await start();
    await firstScanDone();
    expect(importScript).not.toHaveBeenCalled();

    pressAltShiftN(); // the keyboard opens the first mention's card
    await vi.waitFor(() => expect(mountCard).toHaveBeenCalledTimes(1));
    expect(importScript).toHaveBeenCalledWith(`chrome-extension://fact-lens${CARD_UI.path}`);
    expect(userTiming.mark).toHaveBeenCalledWith(CARD_OPEN_MARK);
    pressAltShiftN();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(importScript).toHaveBeenCalledTimes(1);
    expect(mountCard).toHaveBeenCalledTimes(1);

    const [lifetime, controller, actions] = mountCard.mock.calls[0] as [
      FrameEnvironment['lifetime'],
      { state: { target: { ref: unknown } | null } },
      PageCardActions,
    ];
    expect(lifetime).toBe(env.lifetime);
    expect(controller.state.target?.ref).toEqual({ packId: 'p', entityId: 'bytedance' });
    expect(sent('getEntityCard').map(([, ref]) => ref)).toContainEqual({
      packId: 'p',
      entityId: 'doubao',
    });
    actions.painted?.();
    expect(userTiming.measure).toHaveBeenCalledWith(CARD_PAINT_MEASURE, CARD_OPEN_MARK);
    actions.openSearch?.('Doubao');
    expect(sent('openSearch').map(([, payload]) => payload)).toEqual([{ query: 'Doubao' }]);
    const undo = await actions.mute?.({ packId: 'p', entityId: 'doubao' }, 'Doubao');
    expect(typeof undo).toBe('function');
    expect(sent('setEntityMuted').map(([, payload]) => payload)).toEqual([
      { host: HOST, packId: 'p', entityId: 'doubao', muted: true },
    ]);
    // The rule the background answered applies to the page at once.
    await vi.waitFor(() => expect(painted()).toEqual(['ByteDance']));
  });

  it("opens no card for a page's scripted Alt+Shift+N, loads no card UI", async () => {
    document.body.innerHTML = '<p>Doubao, made by ByteDance.</p>';
    const { importScript, mountCard, sent } = await start();
    await firstScanDone();
    pressAltShiftN(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(importScript).not.toHaveBeenCalled();
    expect(mountCard).not.toHaveBeenCalled();
    expect(sent('getEntityCard')).toEqual([]);
    pressAltShiftN();
    await vi.waitFor(() => expect(mountCard).toHaveBeenCalledTimes(1));
  });

  it('offers no mute on a page without a site', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    const { mountCard } = await start({ url: 'about:blank' });
    await firstScanDone();
    pressAltShiftN();
    await vi.waitFor(() => expect(mountCard).toHaveBeenCalledTimes(1));
    const actions = mountCard.mock.calls[0]?.[2];
    expect(actions?.mute).toBeUndefined();
  });

  it('matches a large document here: decoder and matcher once, the site rule once, even after the packs change', async () => {
    document.body.innerHTML = `<p>Doubao and ByteDance. ${'Nothing to see here. '.repeat(13_000)}</p>`;
    const background = fakeBackground({ muted: ['p/bytedance'] });
    const { importScript } = await start({
      request: background.request as unknown as ContentRequest,
    });
    await firstScanDone();
    expect(painted()).toEqual(['Doubao']);
    expect(background.sent('matchTexts')).toEqual([]);
    expect(background.sent('getMatcher')).toHaveLength(1);
    expect(background.sent('getSiteRule')).toEqual([[`getSiteRule`, { host: HOST }]]);

    highlights.registry.delete('fact-lens-active');
    await fakeBrowser.storage.local.set({ [PACKS_REVISION_KEY]: 2 });
    await firstScanDone();
    expect(painted()).toEqual(['Doubao']);
    // The matcher is fetched again (the packs changed); its script and the rule are kept.
    expect(background.sent('getMatcher')).toHaveLength(2);
    expect(background.sent('getSiteRule')).toHaveLength(1);
    expect(importScript).toHaveBeenCalledTimes(1);
  });

  it('matches a small document afresh when the packs change', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    const { sent } = await start();
    await firstScanDone();
    highlights.registry.delete('fact-lens-active');
    await fakeBrowser.storage.local.set({ [PACKS_REVISION_KEY]: 2 });
    await firstScanDone();
    expect(sent('matchTexts')).toHaveLength(2);
    expect(painted()).toEqual(['Doubao']);
  });

  it('applies a density change to the marked page', async () => {
    document.body.innerHTML = '<p>Doubao</p><p>Doubao</p><p>ByteDance</p>';
    await start();
    await firstScanDone();
    expect(painted()).toEqual(['ByteDance', 'Doubao', 'Doubao']);
    await storeSettings({ density: 'first' });
    expect(painted()).toEqual(['ByteDance', 'Doubao']);
  });

  it('stops: highlights gone, no more listening to settings, packs or the popup', async () => {
    document.body.innerHTML = '<p>Doubao</p>';
    const { stop, request, listeners } = await start();
    await firstScanDone();
    stop();
    expect(painted()).toEqual([]);
    expect(highlights.registry.has('fact-lens-active')).toBe(false);
    expect(listeners.size).toBe(0);
    // (The fake has `hasListeners`; its type leaves it out.)
    const onChanged = fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean };
    expect(onChanged.hasListeners()).toBe(false);
    request.mockClear();
    await fakeBrowser.storage.local.set({ [PACKS_REVISION_KEY]: 3 });
    await storeSettings({ density: 'first' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(request).not.toHaveBeenCalled();
    expect(painted()).toEqual([]);
  });
});

describe('startFrame in what users run (`npm run build`, no test hooks)', () => {
  it('publishes nothing about the reader to the page: no user timing, no first-scan highlight', async () => {
    vi.resetModules();
    Reflect.set(globalThis, '__FACT_LENS_TEST_HOOKS__', false);
    try {
      const { startFrame: userBuild } = await import('./frame');
      document.body.innerHTML = '<p>Doubao, made by ByteDance.</p>';
      const { mountCard, userTiming } = await start({}, userBuild);
      await vi.waitFor(() => expect(painted()).toEqual(['ByteDance', 'Doubao']));
      pressAltShiftN(); // the reader opens a card
      await vi.waitFor(() => expect(mountCard).toHaveBeenCalledTimes(1));
      const actions = mountCard.mock.calls[0]?.[2];
      expect(actions?.painted).toBeUndefined();
      expect(userTiming.mark).not.toHaveBeenCalled();
      expect(userTiming.measure).not.toHaveBeenCalled();
      expect(highlights.registry.has('fact-lens-active')).toBe(false);
    } finally {
      Reflect.set(globalThis, '__FACT_LENS_TEST_HOOKS__', true);
    }
  });
});
