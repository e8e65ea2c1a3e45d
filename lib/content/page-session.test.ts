// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverCardController } from '../cards/hover-controller';
import { targetOfMention } from '../cards/mention-target';
import { compileMatcher } from '../engine/matcher/compile';
import { Matcher } from '../engine/matcher/matcher';
import { MAX_MENTIONS } from '../engine/page/mention-index';
import { localScanner } from '../engine/page/scanner';
import type { RunningMarker } from '../engine/page/start';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { PageSession } from './page-session';
import {
  installHighlightApi,
  paintedTexts,
  textOf,
  type FakeRegistry,
} from '../../tests/support/highlight-api';
import { dispatchTrusted } from '../../tests/support/trusted-event';
import { aliasOf } from '../../tests/support/page-aliases';

// The test-hooks build, which announces the first scan (`fact-lens-active`); frame.test.ts
// checks that what users run does not.
vi.hoisted(() => {
  Reflect.set(globalThis, '__FACT_LENS_TEST_HOOKS__', true);
});

const matcher = Matcher.fromCompiled(
  compileMatcher([aliasOf('Doubao', 'product'), aliasOf('ByteDance', 'company')], 'v1'),
);
const SITE = 'news.example.com';
const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

/** Timers the test fires by hand. */
function manualTimers() {
  let nextId = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  return {
    pending,
    set: (run: () => void, ms: number) => {
      const id = nextId++;
      pending.set(id, { run, ms });
      return id;
    },
    clear: (id: unknown) => void pending.delete(id as number),
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const { run } of due) run();
    },
  };
}

let highlights: { registry: FakeRegistry; uninstall: () => void };
let sessions: PageSession[] = [];

beforeEach(() => {
  highlights = installHighlightApi();
  Range.prototype.getClientRects = () => [new DOMRect(10, 10, 40, 16)] as unknown as DOMRectList;
  Element.prototype.scrollIntoView = vi.fn();
  window.matchMedia = vi.fn(() => ({ matches: false }) as MediaQueryList);
  document.body.innerHTML =
    '<p id="one">Doubao, made by ByteDance.</p><p id="two">Doubao again.</p>';
});

afterEach(() => {
  for (const session of sessions) session.stop();
  sessions = [];
  highlights.uninstall();
  vi.restoreAllMocks();
});

function session(options: { flashMs?: number } = {}) {
  const timers = manualTimers();
  const controller = new HoverCardController({ load: async () => null, timers });
  const createScanner = vi.fn(() => localScanner(matcher));
  const markers: RunningMarker[] = [];
  const pageSession = new PageSession({
    doc: document,
    createScanner,
    controller,
    site: SITE,
    timers,
    onMarker: (marker) => markers.push(marker),
    ...options,
  });
  sessions.push(pageSession);
  return { pageSession, controller, createScanner, markers, timers };
}

const painted = () => paintedTexts(highlights.registry).sort();
const current = () => paintedTexts(highlights.registry, 'fact-lens-hover');
const firstScanDone = () =>
  vi.waitFor(() => expect(highlights.registry.has('fact-lens-active')).toBe(true));

describe('PageSession', () => {
  it('starts marking when the settings let it run here, once however often they are applied', async () => {
    const { pageSession, createScanner, markers } = session();
    expect(pageSession.running).toBe(false);
    pageSession.apply(settings());
    pageSession.apply(settings());
    expect(pageSession.running).toBe(true);
    await firstScanDone();
    expect(painted()).toEqual(['ByteDance', 'Doubao', 'Doubao']);
    expect(createScanner).toHaveBeenCalledTimes(1);
    expect(markers).toHaveLength(1);
  });

  it('never starts while paused or on a site switched off (no scanner, no message)', () => {
    const { pageSession, createScanner } = session();
    pageSession.apply(settings({ paused: true }));
    pageSession.apply(settings({ disabledSites: ['other.example', SITE] }));
    expect(pageSession.running).toBe(false);
    expect(createScanner).not.toHaveBeenCalled();
  });

  it('applies the hover delay whether or not it marks', () => {
    const { pageSession, controller } = session();
    const setShowDelay = vi.spyOn(controller, 'setShowDelay');
    pageSession.apply(settings({ paused: true, hoverDelayMs: 900 }));
    pageSession.apply(settings({ hoverDelayMs: 150 }));
    expect(setShowDelay.mock.calls).toEqual([[900], [150]]);
  });

  it('stops when paused: highlights gone, card closed, keyboard let go', async () => {
    const { pageSession, controller } = session();
    pageSession.apply(settings());
    await firstScanDone();
    const openNow = vi.spyOn(controller, 'openNow');
    pageSession.reveal('p/doubao', 0);
    expect(current()).toEqual(['Doubao']);

    pageSession.apply(settings({ paused: true }));
    expect(pageSession.running).toBe(false);
    expect(painted()).toEqual([]);
    expect(highlights.registry.has('fact-lens-active')).toBe(false);
    expect(current()).toEqual([]);
    expect(controller.state.target).toBeNull();
    dispatchTrusted(
      document,
      new KeyboardEvent('keydown', { code: 'KeyN', altKey: true, shiftKey: true }),
    );
    expect(openNow).not.toHaveBeenCalled();
    expect(pageSession.entities()).toEqual([]);
    expect(pageSession.reveal('p/doubao', 0)).toBe(false);
  });

  it('closes an open card when switched off for the site', async () => {
    const { pageSession, controller, markers } = session();
    pageSession.apply(settings());
    await firstScanDone();
    const [mention] = markers[0]?.index.visibleInReadingOrder() ?? [];
    if (!mention) throw new Error('nothing marked');
    controller.openNow(targetOfMention(document, mention));
    expect(controller.state.target).not.toBeNull();
    pageSession.apply(settings({ disabledSites: [SITE] }));
    expect(controller.state.target).toBeNull();
    expect(painted()).toEqual([]);
  });

  it('applies a new density to the running marker without starting again', async () => {
    const { pageSession, createScanner } = session();
    pageSession.apply(settings());
    await firstScanDone();
    pageSession.apply(settings({ density: 'first' }));
    expect(painted()).toEqual(['ByteDance', 'Doubao']);
    pageSession.apply(settings({ density: 'all' }));
    expect(painted()).toEqual(['ByteDance', 'Doubao', 'Doubao']);
    expect(createScanner).toHaveBeenCalledTimes(1);
  });

  it('starts in the density the settings say', async () => {
    const { pageSession } = session();
    pageSession.apply(settings({ density: 'first' }));
    await firstScanDone();
    expect(painted()).toEqual(['ByteDance', 'Doubao']);
  });

  it('rematches with a new scanner and forgets cached cards; only forgets them while stopped', async () => {
    const { pageSession, controller, createScanner, markers } = session();
    const clearCache = vi.spyOn(controller, 'clearCache');
    pageSession.rematch();
    expect(clearCache).toHaveBeenCalledTimes(1);
    expect(createScanner).not.toHaveBeenCalled();

    pageSession.apply(settings({ density: 'first' }));
    await firstScanDone();
    highlights.registry.delete('fact-lens-active');
    pageSession.rematch();
    expect(clearCache).toHaveBeenCalledTimes(2);
    expect(createScanner).toHaveBeenCalledTimes(2);
    expect(markers).toHaveLength(2);
    await firstScanDone();
    // Marked afresh with the settings in force.
    expect(painted()).toEqual(['ByteDance', 'Doubao']);
  });

  it('tells the popup when the page names more than MAX_MENTIONS (issue 14)', async () => {
    const { pageSession } = session();
    pageSession.apply(settings());
    await firstScanDone();
    expect(pageSession.capped).toBe(false);
    pageSession.stop();
    document.body.innerHTML = `<p>${'Doubao '.repeat(MAX_MENTIONS + 1)}</p>`;
    pageSession.apply(settings());
    await firstScanDone();
    expect(pageSession.capped).toBe(true);
  });

  it('lists the entities on the page by first appearance, with their counts', async () => {
    const { pageSession } = session();
    expect(pageSession.entities()).toEqual([]);
    pageSession.apply(settings());
    await firstScanDone();
    expect(pageSession.entities()).toEqual([
      {
        entityKey: 'p/doubao',
        packId: 'p',
        entityId: 'doubao',
        kind: 'product',
        firstText: 'Doubao',
        count: 2,
      },
      {
        entityKey: 'p/bytedance',
        packId: 'p',
        entityId: 'bytedance',
        kind: 'company',
        firstText: 'ByteDance',
        count: 1,
      },
    ]);
  });

  it('reveals the n-th mention: scrolls its element into view and flashes it for a moment', async () => {
    const { pageSession, timers } = session({ flashMs: 700 });
    pageSession.apply(settings());
    await firstScanDone();
    const scrollIntoView = vi.mocked(Element.prototype.scrollIntoView);

    expect(pageSession.reveal('p/doubao', 1)).toBe(true);
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(document.getElementById('two'));
    expect(scrollIntoView).toHaveBeenLastCalledWith({ block: 'center', behavior: 'smooth' });
    const flashed = highlights.registry.get('fact-lens-hover');
    expect([...(flashed ?? [])].map(textOf)).toEqual(['Doubao']);
    expect([...timers.pending.values()].map(({ ms }) => ms)).toEqual([700]);

    // Wrapping around: the third mention of two is the first; the earlier flash is cancelled.
    expect(pageSession.reveal('p/doubao', 2)).toBe(true);
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(document.getElementById('one'));
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    expect(current()).toEqual([]);

    expect(pageSession.reveal('p/unknown', 0)).toBe(false);
  });

  it('scrolls at once under reduced motion, and keeps the flash while a card is open', async () => {
    window.matchMedia = vi.fn(
      (query: string) => ({ matches: query.includes('reduce') }) as MediaQueryList,
    );
    const { pageSession, controller, markers, timers } = session();
    pageSession.apply(settings());
    await firstScanDone();
    pageSession.reveal('p/bytedance', 0);
    expect(Element.prototype.scrollIntoView).toHaveBeenLastCalledWith({
      block: 'center',
      behavior: 'auto',
    });
    const mention = markers[0]?.index
      .visibleInReadingOrder()
      .find((m) => m.entityKey === 'p/bytedance');
    if (!mention) throw new Error('ByteDance not marked');
    controller.openNow(targetOfMention(document, mention));
    timers.fireAll();
    expect(current()).toEqual(['ByteDance']);
  });
});
