// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  installHighlightApi,
  paintedTexts,
  type FakeRegistry,
} from '../../../tests/support/highlight-api';
import { aliasOf, matcherOf } from '../../../tests/support/marked-page';
import { localScanner, type TextScanner } from './scanner';
import { ACTIVE_HIGHLIGHT, HOVER_HIGHLIGHT, startMarking, type RunningMarker } from './start';
import { MARK_TAG } from './wrap-painter';

const matcher = matcherOf([aliasOf('Doubao'), aliasOf('ByteDance', 'company')]);
const PAGE = '<p>Doubao by ByteDance.</p><p>Doubao again, ByteDance again.</p>';

const running: RunningMarker[] = [];
function start(...[doc, scanner, options]: Parameters<typeof startMarking>): RunningMarker {
  // As the test-hooks build does: the first scan is announced.
  const marker = startMarking(doc, scanner, { firstScanHighlight: ACTIVE_HIGHLIGHT, ...options });
  running.push(marker);
  return marker;
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  for (const marker of running.splice(0)) marker.stop();
  vi.restoreAllMocks();
});

/** Wrapped mentions in document order. */
const wrapped = () => [...document.querySelectorAll(MARK_TAG)].map((mark) => mark.textContent);

describe('startMarking without the Highlight API (the wrapping fallback)', () => {
  it('wraps every mention once the scan is in, leaving the text as it was', async () => {
    const marker = start(document, localScanner(matcher));
    await marker.settled();
    expect(wrapped()).toEqual(['Doubao', 'ByteDance', 'Doubao', 'ByteDance']);
    expect(document.body.textContent).toBe('Doubao by ByteDance.Doubao again, ByteDance again.');
    expect(marker.index.visible()).toHaveLength(4);
  });

  it('starts in the density asked for', async () => {
    const marker = start(document, localScanner(matcher), { density: 'first' });
    await marker.settled();
    expect(wrapped()).toEqual(['Doubao', 'ByteDance']);
  });

  it('applies a change of density: first mentions only, then every mention again', async () => {
    const marker = start(document, localScanner(matcher));
    await marker.settled();
    marker.setDensity('first');
    expect(wrapped()).toEqual(['Doubao', 'ByteDance']);
    marker.setDensity('all');
    expect(wrapped()).toEqual(['Doubao', 'ByteDance', 'Doubao', 'ByteDance']);
    expect(document.querySelectorAll(`${MARK_TAG} ${MARK_TAG}`)).toHaveLength(0);
    expect(document.body.textContent).toBe('Doubao by ByteDance.Doubao again, ByteDance again.');
  });

  it('unwraps a muted entity and wraps it again once unmuted', async () => {
    const marker = start(document, localScanner(matcher));
    await marker.settled();
    marker.setMuted(new Set(['p/doubao']));
    expect(wrapped()).toEqual(['ByteDance', 'ByteDance']);
    marker.setMuted(new Set());
    expect(wrapped()).toEqual(['Doubao', 'ByteDance', 'Doubao', 'ByteDance']);
  });

  it('stop puts the page back as it was', async () => {
    const marker = start(document, localScanner(matcher));
    await marker.settled();
    marker.setDensity('first');
    marker.stop();
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('wraps nothing when stopped before the answer came', async () => {
    const local = localScanner(matcher);
    const later: TextScanner = { ...local, scanTexts: async (texts) => local.scanTexts(texts) };
    const marker = start(document, later);
    marker.stop();
    await marker.settled();
    expect(document.body.innerHTML).toBe(PAGE);
  });
});

describe('startMarking with the Highlight API', () => {
  let highlights: { registry: FakeRegistry; uninstall: () => void };
  beforeEach(() => {
    highlights = installHighlightApi();
  });
  afterEach(() => highlights.uninstall());

  const firstScanDone = () =>
    vi.waitFor(() => expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(true));

  it('paints one highlight per kind, never touching the DOM, and says when the first scan is done', async () => {
    start(document, localScanner(matcher));
    expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
    await firstScanDone();
    expect(paintedTexts(highlights.registry, 'fact-lens-product')).toEqual(['Doubao', 'Doubao']);
    expect(paintedTexts(highlights.registry, 'fact-lens-company')).toEqual([
      'ByteDance',
      'ByteDance',
    ]);
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('paints the current mention above the others, and stops painting it', async () => {
    const marker = start(document, localScanner(matcher));
    await firstScanDone();
    const [, second] = marker.index.visibleInReadingOrder();
    if (!second) throw new Error('not marked');
    marker.highlightCurrent(second);
    const current = highlights.registry.get(HOVER_HIGHLIGHT);
    expect(paintedTexts(highlights.registry, HOVER_HIGHLIGHT)).toEqual(['ByteDance']);
    expect(current?.priority).toBe(1);
    marker.highlightCurrent(null);
    expect(highlights.registry.has(HOVER_HIGHLIGHT)).toBe(false);
  });

  it('stop removes every highlight it registered', async () => {
    const marker = start(document, localScanner(matcher));
    await firstScanDone();
    marker.highlightCurrent(marker.index.visible()[0] ?? null);
    marker.stop();
    expect([...highlights.registry.keys()]).toEqual([]);
  });
});
