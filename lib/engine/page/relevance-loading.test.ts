// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  installHighlightApi,
  paintedTexts,
  type FakeRegistry,
} from '../../../tests/support/highlight-api';
import { addScanned, aliasOf, matcherOf, NO_PAINTER } from '../../../tests/support/marked-page';
import { MentionIndex, type RelevanceSource } from './mention-index';
import type { Mention } from './mentions';
import { createRelevance, type CreateRelevance } from './relevance';
import { RELEVANCE_HOLD_MS } from './page-marker';
import { localScanner } from './scanner';
import { createSliceScheduler, type SliceScheduler } from './scheduler';
import { ACTIVE_HIGHLIGHT, startMarking, type RunningMarker } from './start';

/**
 * The nearness rules are loaded (in the content script, relevance.js) the first time a document
 * holds a conditional candidate: until then only what needs nothing is marked, and once they
 * are there they see every piece of evidence the page showed before.
 */

const ALIASES = [
  aliasOf('ByteDance', 'company'),
  aliasOf('Seed', 'team', { case: 'sensitive', context: ['Doubao'] }),
  aliasOf('Google', 'company', { entityRole: 'context' }),
];
const matcher = matcherOf(ALIASES);

/** A source whose load the test resolves or fails, counting the loads asked for. */
function controlledLoad() {
  const loads: { resolve: (create: CreateRelevance) => void; reject: (e: unknown) => void }[] = [];
  const source: RelevanceSource = {
    load: () => new Promise<CreateRelevance>((resolve, reject) => loads.push({ resolve, reject })),
  };
  return { source, loads };
}

/** Answers the load the index is waiting for with the rules, and waits until it applied them. */
async function answerLoad(
  index: MentionIndex,
  load: { resolve: (create: CreateRelevance) => void } | undefined,
): Promise<void> {
  const loading = index.loadingRelevance;
  load?.resolve(createRelevance);
  await loading;
}

const texts = (index: MentionIndex) =>
  index.visible().map((m: Mention) => m.segment.text.slice(m.start, m.end));

describe('nearness rules loaded on first need', () => {
  it('loads nothing for a document without a conditional candidate', () => {
    const { source, loads } = controlledLoad();
    document.body.innerHTML = '<p>ByteDance</p><p>Doubao, ByteDance</p>';
    const index = new MentionIndex(matcher, NO_PAINTER, { relevance: source });
    addScanned(index, matcher, document.body);
    expect(texts(index)).toEqual(['ByteDance', 'ByteDance']);
    expect(loads).toHaveLength(0);
    expect(index.loadingRelevance).toBeNull();
  });

  it('marks what needs nothing at once, the rest when the rules come, with evidence taken before', async () => {
    const { source, loads } = controlledLoad();
    const onRelevance = vi.fn();
    // "Doubao" (Seed's context term) sits in a block with no candidate: evidence kept for later.
    document.body.innerHTML = '<p>Doubao</p><p>Seed, Google and ByteDance</p>';
    const index = new MentionIndex(matcher, NO_PAINTER, { relevance: source, onRelevance });
    addScanned(index, matcher, document.body);
    expect(texts(index)).toEqual(['ByteDance']);
    expect(loads).toHaveLength(1);
    await answerLoad(index, loads[0]);
    expect(onRelevance).toHaveBeenCalledOnce();
    expect(texts(index)).toEqual(['Seed', 'Google', 'ByteDance']);
    expect(index.loadingRelevance).toBeNull();
  });

  it('keeps conditional names unmarked when the load fails, and tries again with the next one', async () => {
    const { source, loads } = controlledLoad();
    const warn = vi.fn();
    document.body.innerHTML = '<p id="a">Google and ByteDance</p><p id="b"></p>';
    const index = new MentionIndex(matcher, NO_PAINTER, { relevance: source, warn });
    addScanned(index, matcher, document.body);
    const failed = index.loadingRelevance;
    loads[0]?.reject(new Error('blocked'));
    await failed;
    expect(warn).toHaveBeenCalledOnce();
    expect(texts(index)).toEqual(['ByteDance']);

    const later = document.getElementById('b') as HTMLElement;
    later.textContent = 'Google again';
    addScanned(index, matcher, later);
    expect(loads).toHaveLength(2);
    await answerLoad(index, loads[1]);
    expect(texts(index)).toEqual(['Google', 'ByteDance', 'Google']);
  });
});

describe('nearness rules already loaded', () => {
  it('are applied in the batch that first needs them, with evidence taken before', () => {
    const load = vi.fn(() => Promise.resolve(createRelevance));
    const loaded = vi.fn<() => CreateRelevance | undefined>(() => undefined);
    const onRelevance = vi.fn();
    document.body.innerHTML = '<p id="a">Doubao</p><p id="b">ByteDance</p><p id="c"></p>';
    const index = new MentionIndex(matcher, NO_PAINTER, {
      relevance: { load, loaded },
      onRelevance,
    });
    addScanned(index, matcher, document.body);
    expect(texts(index)).toEqual(['ByteDance']);
    // Loaded meanwhile: a long document starts the load early (`preloadRelevance`).
    loaded.mockReturnValue(createRelevance);
    const later = document.getElementById('c') as HTMLElement;
    later.textContent = 'Seed and Google';
    addScanned(index, matcher, later);
    expect(texts(index)).toEqual(['ByteDance', 'Seed', 'Google']);
    expect(index.loadingRelevance).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(onRelevance).not.toHaveBeenCalled();
  });

  it('are loaded as before while their load is still under way', async () => {
    const { source, loads } = controlledLoad();
    document.body.innerHTML = '<p>Google, a rival of ByteDance</p>';
    const index = new MentionIndex(matcher, NO_PAINTER, {
      relevance: { ...source, loaded: () => undefined },
    });
    addScanned(index, matcher, document.body);
    expect(texts(index)).toEqual(['ByteDance']);
    expect(loads).toHaveLength(1);
    await answerLoad(index, loads[0]);
    expect(texts(index)).toEqual(['Google', 'ByteDance']);
  });
});

describe('the first scan waits for the rules it asked for', () => {
  let highlights: { registry: FakeRegistry; uninstall: () => void };
  const running: RunningMarker[] = [];
  beforeEach(() => {
    highlights = installHighlightApi();
  });
  afterEach(() => {
    for (const marker of running.splice(0)) marker.stop();
    highlights.uninstall();
  });

  it('is announced once the conditional mentions are painted too', async () => {
    const { source, loads } = controlledLoad();
    document.body.innerHTML = '<p>Google, a rival of ByteDance</p>';
    running.push(
      startMarking(document, localScanner(matcher), {
        relevance: source,
        firstScanHighlight: ACTIVE_HIGHLIGHT,
      }),
    );
    await vi.waitFor(() => expect(loads).toHaveLength(1));
    expect(paintedTexts(highlights.registry)).toEqual(['ByteDance']);
    expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
    loads[0]?.resolve(createRelevance);
    await vi.waitFor(() => expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(true));
    expect(paintedTexts(highlights.registry).sort()).toEqual(['ByteDance', 'Google']);
  });

  it('holds its slices while the rules load, once per load', async () => {
    const { source, loads } = controlledLoad();
    const real = createSliceScheduler();
    const holds: { settled: Promise<unknown>; atMostMs: number }[] = [];
    const scheduler: SliceScheduler = {
      run: (work, urgent) => real.run(work, urgent),
      whenIdle: () => real.whenIdle(),
      holdUntil: (settled, atMostMs) => {
        holds.push({ settled, atMostMs });
        real.holdUntil(settled, atMostMs);
      },
    };
    document.body.innerHTML = '<p>Google, a rival of ByteDance</p><p>Google again</p>';
    running.push(
      startMarking(document, localScanner(matcher), {
        relevance: source,
        scheduler,
        firstScanHighlight: ACTIVE_HIGHLIGHT,
      }),
    );
    await vi.waitFor(() => expect(loads).toHaveLength(1));
    expect(holds).toHaveLength(1);
    expect(holds[0]?.atMostMs).toBe(RELEVANCE_HOLD_MS);
    let released = false;
    void holds[0]?.settled.then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    loads[0]?.resolve(createRelevance);
    await vi.waitFor(() => expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(true));
    expect(released).toBe(true);
    expect(paintedTexts(highlights.registry).sort()).toEqual(['ByteDance', 'Google', 'Google']);
    expect(holds).toHaveLength(1);
  });

  it('neither waits nor holds when the rules were loaded before they were needed', async () => {
    const holdUntil = vi.fn();
    const real = createSliceScheduler();
    const scheduler: SliceScheduler = {
      run: (work, urgent) => real.run(work, urgent),
      whenIdle: () => real.whenIdle(),
      holdUntil,
    };
    const load = vi.fn(() => Promise.resolve(createRelevance));
    document.body.innerHTML = '<p>Google, a rival of ByteDance</p>';
    running.push(
      startMarking(document, localScanner(matcher), {
        relevance: { load, loaded: () => createRelevance },
        scheduler,
        firstScanHighlight: ACTIVE_HIGHLIGHT,
      }),
    );
    await vi.waitFor(() => expect(highlights.registry.has(ACTIVE_HIGHLIGHT)).toBe(true));
    expect(paintedTexts(highlights.registry).sort()).toEqual(['ByteDance', 'Google']);
    expect(load).not.toHaveBeenCalled();
    expect(holdUntil).not.toHaveBeenCalled();
  });
});
