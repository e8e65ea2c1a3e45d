// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../matcher/compile';
import { Matcher } from '../matcher/matcher';
import type { Mention } from './mentions';
import { PageMarker, type PageMarkerOptions } from './page-marker';
import { createRelevance } from './relevance';
import type { Painter } from './painter';
import { localScanner } from './scanner';
import type { SliceScheduler } from './scheduler';
import { aliasOf } from '../../../tests/support/page-aliases';

const matcher = Matcher.fromCompiled(compileMatcher([aliasOf('Doubao'), aliasOf('Seedance')], 'k'));

/** A scheduler the test steps by hand: each step is one slice of the first job in the queue. */
function steppedScheduler() {
  const queue: ((shouldYield: () => boolean) => boolean)[] = [];
  const scheduler: SliceScheduler = {
    run(work, urgent = false) {
      if (urgent) queue.unshift(work);
      else queue.push(work);
    },
    whenIdle: async () => {},
    holdUntil: () => {},
  };
  /** Runs one slice: the walk yields at its first check (every 512 nodes). */
  const step = () => {
    const work = queue[0];
    if (work && work(() => true)) queue.shift();
    return queue.length > 0;
  };
  const drain = () => {
    while (step());
  };
  return { scheduler, step, drain };
}

/** Markers started by a test, stopped after it so their observers never see the next test. */
const started: PageMarker[] = [];

function marker(options: Pick<PageMarkerOptions, 'relevance'> = {}) {
  const paints: string[][] = [];
  const painter: Painter = {
    paint: (mentions: readonly Mention[]) =>
      paints.push(mentions.map((m) => m.segment.nodes[0]?.parentElement?.id ?? '?')),
    clear: () => {},
  };
  const stepped = steppedScheduler();
  const onFirstScan = vi.fn();
  const pageMarker = new PageMarker({
    doc: document,
    scanner: localScanner(matcher),
    painter,
    scheduler: stepped.scheduler,
    now: () => 0,
    onFirstScan,
    ...options,
  });
  started.push(pageMarker);
  return { pageMarker, paints, onFirstScan, ...stepped };
}

/** 400 paragraphs (or more); a few name an entity. Too long for the first slice to finish. */
function longPage(length = 400) {
  const paragraphs = Array.from({ length }, (_, i) => {
    const text = i % 50 === 7 ? `Doubao in paragraph ${i}` : `Paragraph ${i} names nothing`;
    return `<p id="p${i}">${text}</p>`;
  });
  document.body.innerHTML = `<main>${paragraphs.slice(0, 200).join('')}</main><section id="later">${paragraphs.slice(200).join('')}</section>`;
}

/** Makes `element` what the middle of the viewport shows, and gives every box a height. */
function viewportShows(element: Element | null) {
  document.elementFromPoint = () => element;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    // A paragraph is small; the sections and body are many viewports tall.
    const height = this.localName === 'p' ? 20 : 100_000;
    return { height, top: 0, bottom: height, left: 0, right: 0, width: 0, x: 0, y: 0 } as DOMRect;
  });
}

afterEach(() => {
  for (const pageMarker of started.splice(0)) pageMarker.stop();
  vi.restoreAllMocks();
});

describe('PageMarker on a long page', () => {
  it('paints the block in the viewport before the walk reaches it, and the same mentions in the end', () => {
    longPage();
    viewportShows(document.getElementById('p357'));
    const { pageMarker, paints, step, drain, onFirstScan } = marker();
    pageMarker.start();
    step(); // the first slice: the walk has not reached p357, so p357 goes next
    step();
    expect(paints.at(-1)).toContain('p357');
    expect(paints.at(-1)).not.toContain('p257');
    drain();
    expect(onFirstScan).toHaveBeenCalledTimes(1);
    const ids = pageMarker.index
      .visibleInReadingOrder()
      .map((m) => m.segment.nodes[0]?.parentElement?.id);
    expect(ids).toEqual(['p7', 'p57', 'p107', 'p157', 'p207', 'p257', 'p307', 'p357']);
  });

  it('scans a block scrolled to during the first scan ahead of the walk', async () => {
    longPage();
    viewportShows(null); // nothing to single out at first
    const frames: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (callback) => frames.push(callback);
    const { pageMarker, paints, step, drain } = marker();
    pageMarker.start();
    step();
    viewportShows(document.getElementById('p307'));
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll')); // one region per frame, not per event
    expect(frames).toHaveLength(1);
    frames.shift()?.(0);
    step();
    expect(paints.at(-1)).toContain('p307');
    drain();
    expect(pageMarker.index.visible()).toHaveLength(8);
  });

  it('leaves a block the walk has passed to the walk', () => {
    longPage();
    viewportShows(document.getElementById('p7'));
    const { pageMarker, step, drain } = marker();
    pageMarker.start();
    step();
    drain();
    expect(pageMarker.index.visible()).toHaveLength(8);
  });

  it('reads no layout and loads no nearness rules on a page scanned in one slice', () => {
    document.body.innerHTML = '<p id="a">Doubao</p>';
    const elementFromPoint = vi.fn(() => null);
    document.elementFromPoint = elementFromPoint;
    const load = vi.fn(() => Promise.resolve(createRelevance));
    const { pageMarker, step, onFirstScan } = marker({ relevance: { load } });
    pageMarker.start();
    expect(step()).toBe(false);
    expect(elementFromPoint).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    expect(onFirstScan).toHaveBeenCalledTimes(1);
  });

  it('starts loading the nearness rules once its first slice did not finish, holding nothing up', () => {
    longPage();
    viewportShows(null);
    const load = vi.fn(() => Promise.resolve(createRelevance));
    const { pageMarker, step } = marker({ relevance: { load } });
    pageMarker.start();
    expect(load).not.toHaveBeenCalled();
    step();
    // No conditional candidate on this page: they were asked for only because it is long.
    expect(load).toHaveBeenCalledOnce();
    expect(pageMarker.index.loadingRelevance).toBeNull();
  });
});

describe('PageMarker with answers from the background', () => {
  it('ends its first scan even when a batch cannot be matched', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p>';
    const onFirstScan = vi.fn();
    const pageMarker = new PageMarker({
      doc: document,
      scanner: {
        ...localScanner(matcher),
        scanTexts: async () => Promise.reject(new Error('lost')),
      },
      painter: { paint: () => {}, clear: () => {} },
      // Runs each job as it is queued, the apply of an answer included.
      scheduler: {
        run: (work) => void work(() => false),
        whenIdle: async () => {},
        holdUntil: () => {},
      },
      now: () => 0,
      onFirstScan,
    });
    started.push(pageMarker);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    pageMarker.start();
    await pageMarker.settled();
    expect(onFirstScan).toHaveBeenCalledTimes(1);
    expect(pageMarker.index.visible()).toEqual([]);
  });
});

describe('PageMarker on a long page matched in the background', () => {
  it('paints the block in the viewport before the walk ends', async () => {
    longPage(4000); // the walk takes about twenty slices
    viewportShows(document.getElementById('p357'));
    const local = localScanner(matcher);
    const paints: string[][] = [];
    const stepped = steppedScheduler();
    const pageMarker = new PageMarker({
      doc: document,
      // Answers come later, as from the background.
      scanner: { ...local, scanTexts: async (texts) => local.scanTexts(texts) },
      painter: {
        paint: (mentions) =>
          paints.push(mentions.map((m) => m.segment.nodes[0]?.parentElement?.id ?? '?')),
        clear: () => {},
      },
      scheduler: stepped.scheduler,
      now: () => 0,
    });
    started.push(pageMarker);
    pageMarker.start();
    stepped.step(); // the walk's first slice; the viewport's block is queued next
    stepped.step(); // the viewport's block, sent away
    for (let i = 0; i < 6 && !paints.some((ids) => ids.includes('p357')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // answers arrive
      stepped.step(); // an answer applies ahead of the walk
    }
    expect(paints.some((ids) => ids.includes('p357'))).toBe(true);
    // …while the walk is far from done: a block near the end is not matched yet.
    const ids = () => pageMarker.index.visible().map((m) => m.segment.nodes[0]?.parentElement?.id);
    expect(ids()).not.toContain('p3907');
    for (let i = 0; i < 50 && !ids().includes('p3907'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      stepped.drain();
    }
    expect(ids()).toContain('p3907');
  });
});

/** Lets the MutationObserver deliver its records (a microtask in jsdom as in browsers). */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A marker on a live page, with a scanner that records every batch of texts it was given. */
function liveMarker(options: { burstThreshold?: number } = {}) {
  const local = localScanner(matcher);
  const batches: string[][] = [];
  const painter = { paint: vi.fn<Painter['paint']>(), clear: vi.fn<Painter['clear']>() };
  const stepped = steppedScheduler();
  const shadowRoots: ShadowRoot[] = [];
  const pageMarker = new PageMarker({
    doc: document,
    scanner: {
      ...local,
      scanTexts: (texts) => {
        batches.push([...texts]);
        return local.scanTexts(texts);
      },
    },
    painter,
    scheduler: stepped.scheduler,
    now: () => 0,
    onShadowRoot: (root) => shadowRoots.push(root),
    ...options,
  });
  started.push(pageMarker);
  /** The texts of the painted mentions' blocks, by element id. */
  const paintedIds = () =>
    (painter.paint.mock.calls.at(-1)?.[0] ?? []).map(
      (m) => m.segment.nodes[0]?.parentElement?.id ?? '?',
    );
  return { pageMarker, batches, painter, paintedIds, shadowRoots, ...stepped };
}

describe('PageMarker on a live page', () => {
  it('rescans an appended block alone, not the page', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p><p id="b">Nothing here</p>';
    const { pageMarker, batches, paintedIds, drain } = liveMarker();
    pageMarker.start();
    drain();
    expect(paintedIds()).toEqual(['a']);
    const added = document.createElement('p');
    added.id = 'c';
    added.textContent = 'Seedance arrives';
    document.body.append(added);
    await observed();
    drain();
    expect(batches.at(-1)).toEqual(['Seedance arrives']);
    expect(paintedIds().sort()).toEqual(['a', 'c']);
  });

  it('rescans the block whose text was edited: mentions come and go with the text', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p><p id="b">Nothing <b>here</b></p>';
    const { pageMarker, batches, paintedIds, drain } = liveMarker();
    pageMarker.start();
    drain();
    (document.querySelector('#a')?.firstChild as Text).data = 'Gone';
    (document.querySelector('#b b')?.firstChild as Text).data = 'Seedance';
    await observed();
    drain();
    expect(batches.slice(1).flat().sort()).toEqual(['Gone', 'Nothing Seedance']);
    expect(paintedIds()).toEqual(['b']);
  });

  it('drops the mentions of removed blocks without rescanning anything', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p><p id="b">Seedance</p>';
    const { pageMarker, batches, paintedIds, drain } = liveMarker();
    pageMarker.start();
    drain();
    document.querySelector('#a')?.remove();
    await observed();
    drain();
    expect(paintedIds()).toEqual(['b']);
    expect(pageMarker.index.visible()).toHaveLength(1);
    expect(batches).toHaveLength(1);
  });

  it('rescans the whole body when more blocks changed at once than the burst threshold', async () => {
    document.body.innerHTML = '<div id="x"><p id="a">Doubao</p></div><div id="y"></div>';
    const { pageMarker, batches, paintedIds, drain } = liveMarker({ burstThreshold: 2 });
    pageMarker.start();
    drain();
    for (const id of ['c', 'd', 'e']) {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = `Seedance ${id}`;
      document.querySelector('#y')?.append(p);
    }
    await observed();
    drain();
    expect(batches.at(-1)).toEqual(['Doubao', 'Seedance c', 'Seedance d', 'Seedance e']);
    expect(paintedIds().sort()).toEqual(['a', 'c', 'd', 'e']);
  });

  it('repaints at once for a new density or muted set', () => {
    document.body.innerHTML = '<p id="a">Doubao</p><p id="b">Doubao, Seedance</p>';
    const { pageMarker, paintedIds, drain } = liveMarker();
    pageMarker.start();
    drain();
    expect(paintedIds()).toEqual(['a', 'b', 'b']);
    pageMarker.setDensity('first');
    expect(paintedIds()).toEqual(['a', 'b']);
    pageMarker.setMuted(new Set(['p/doubao']));
    expect(paintedIds()).toEqual(['b']);
    pageMarker.setDensity('all');
    pageMarker.setMuted(new Set());
    expect(paintedIds()).toEqual(['a', 'b', 'b']);
  });

  it('stops: paints nothing more, clears its paint and no longer observes the page', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p>';
    const { pageMarker, painter, batches, step, drain } = liveMarker();
    pageMarker.start();
    drain();
    const paints = painter.paint.mock.calls.length;
    pageMarker.stop();
    expect(painter.clear).toHaveBeenCalledTimes(1);
    document.body.insertAdjacentHTML('beforeend', '<p id="b">Seedance</p>');
    await observed();
    expect(step()).toBe(false); // nothing was queued
    pageMarker.setDensity('first');
    expect(painter.paint.mock.calls).toHaveLength(paints);
    expect(batches).toHaveLength(1);
  });

  it('finds mentions inside open shadow roots, hands each root over, and follows its changes', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p><div id="host"></div>';
    const host = document.querySelector('#host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="s">Seedance inside</p>';
    const { pageMarker, paintedIds, shadowRoots, drain } = liveMarker();
    pageMarker.start();
    drain();
    expect(shadowRoots).toEqual([shadow]);
    expect(paintedIds()).toEqual(['a', 's']);
    (shadow.querySelector('#s')?.firstChild as Text).data = 'Doubao and Seedance inside';
    await observed();
    drain();
    expect(paintedIds()).toEqual(['a', 's', 's']);
  });
});

describe('PageMarker applying answers from the background', () => {
  it('applies rescans in the order they were collected, whatever order their answers come in', async () => {
    document.body.innerHTML = '<p id="a">Doubao</p>';
    const local = localScanner(matcher);
    const held: (() => void)[] = [];
    let holding = false;
    const painter = { paint: vi.fn<Painter['paint']>(), clear: () => {} };
    const stepped = steppedScheduler();
    const pageMarker = new PageMarker({
      doc: document,
      scanner: {
        ...local,
        scanTexts: (texts) => {
          const results = local.scanTexts(texts);
          if (!holding) return results;
          // Answered when the test says, as a slow background would.
          return new Promise((resolve) => held.push(() => resolve(results)));
        },
      },
      painter,
      scheduler: stepped.scheduler,
      now: () => 0,
    });
    started.push(pageMarker);
    pageMarker.start();
    stepped.drain();
    expect(pageMarker.index.visible()).toHaveLength(1);

    holding = true;
    const text = document.querySelector('#a')?.firstChild as Text;
    text.data = 'Doubao, Doubao'; // rescan 1: two mentions, answered last
    await observed();
    stepped.drain();
    text.data = 'Nothing left'; // rescan 2: none, answered first
    await observed();
    stepped.drain();
    expect(held).toHaveLength(2);
    held[1]?.();
    held[0]?.();
    for (let i = 0; i < 5; i++) {
      await observed();
      stepped.drain();
    }
    await pageMarker.settled();
    stepped.drain();
    // Rescan 1's late answer did not bring back mentions that rescan 2 dropped.
    expect(pageMarker.index.visible()).toEqual([]);
    expect(painter.paint.mock.calls.at(-1)?.[0]).toEqual([]);
  });
});
