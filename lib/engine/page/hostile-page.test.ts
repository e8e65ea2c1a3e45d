// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliasOf, matcherOf } from '../../../tests/support/marked-page';
import { MAX_MENTIONS } from './mention-index';
import type { Mention } from './mentions';
import { CHUNK_CHARS, PageMarker } from './page-marker';
import { summarizeMentions } from './page-summary';
import type { Painter } from './painter';
import { localScanner, type TextScanner } from './scanner';
import type { SliceScheduler } from './scheduler';
import { readerCanSee } from './visibility';

/** Issue 14, items 6 and 9: what a hostile page can make us mark, and how much work it can make us do. */

const matcher = matcherOf([aliasOf('Doubao'), aliasOf('Seedance'), aliasOf('ByteDance')]);
const started: PageMarker[] = [];

afterEach(() => {
  for (const marker of started.splice(0)) marker.stop();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Runs every queued job to the end; each call of a job is one slice (`shouldYield` true at once). */
function steppedScheduler() {
  const queue: ((shouldYield: () => boolean) => boolean)[] = [];
  let slices = 0;
  const scheduler: SliceScheduler = {
    run(work, urgent = false) {
      if (urgent) queue.unshift(work);
      else queue.push(work);
    },
    whenIdle: async () => {},
    holdUntil: () => {},
  };
  const drain = () => {
    for (let work = queue[0]; work; work = queue[0]) {
      slices++;
      if (work(() => true)) queue.shift();
    }
  };
  return { scheduler, drain, slices: () => slices, queue };
}

function marker(options: { scanner?: TextScanner } = {}) {
  const painted: Mention[][] = [];
  const painter: Painter = { paint: (m) => painted.push([...m]), clear: () => {} };
  const stepped = steppedScheduler();
  const pageMarker = new PageMarker({
    doc: document,
    scanner: options.scanner ?? localScanner(matcher),
    painter,
    scheduler: stepped.scheduler,
    now: () => 0,
  });
  started.push(pageMarker);
  const texts = () => (painted.at(-1) ?? []).map((m) => m.segment.text.slice(m.start, m.end));
  const ids = () =>
    (painted.at(-1) ?? []).map((m) => m.segment.nodes[0]?.parentElement?.id ?? '?').sort();
  return { pageMarker, painted, texts, ids, ...stepped };
}

/** Lets the MutationObserver deliver its records. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * jsdom has no layout and no `checkVisibility`: this gives it what Chromium answers for the
 * styles the tests use (display: none, visibility, opacity, `hidden`, a closed <details>, the
 * `.closed` class of a disclosure) and a box of zero size for `width: 0` elements.
 */
function fakeRendering() {
  const hiddenBy =
    '[hidden], [style*="display: none"], [style*="visibility: hidden"], [style*="opacity: 0"], .closed';
  Element.prototype.checkVisibility = function (this: Element) {
    if (this.closest(hiddenBy)) return false;
    const details = this.closest('details');
    return !details || details.open || this.closest('summary') !== null;
  };
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const zero = this.getAttribute('style')?.includes('width: 0') ?? false;
    const size = zero ? 0 : 20;
    return { width: size, height: size, top: 0, left: 0, bottom: size, right: size } as DOMRect;
  });
  return () => {
    delete (Element.prototype as Partial<Element>).checkVisibility;
  };
}

describe('hidden text is not marked (issue 14, item 6)', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it.each([
    ['display: none', '<div style="display: none"><p id="x">Seedance</p></div>'],
    ['visibility: hidden', '<p id="x" style="visibility: hidden">Seedance</p>'],
    ['opacity: 0', '<p id="x" style="opacity: 0">Seedance</p>'],
    ['the hidden attribute', '<p id="x" hidden>Seedance</p>'],
    [
      'a zero-size box',
      '<div style="width: 0; height: 0; overflow: hidden"><p id="x">Seedance</p></div>',
    ],
    ['a zero-size inline element', '<p id="x">Hello <span style="width: 0">Seedance</span></p>'],
    ['aria-hidden', '<div aria-hidden="true"><p id="x">Seedance</p></div>'],
    ['a closed <details>', '<details><summary>More</summary><p id="x">Seedance</p></details>'],
  ])('leaves a name in %s unmarked, and marks the visible one', (_kind, hidden) => {
    restore = fakeRendering();
    document.body.innerHTML = `<p id="v">Doubao is visible</p>${hidden}`;
    const { pageMarker, drain, texts } = marker();
    pageMarker.start();
    drain();
    expect(texts()).toEqual(['Doubao']);
    expect(
      summarizeMentions(pageMarker.index.visibleInReadingOrder()).map((e) => e.firstText),
    ).toEqual(['Doubao']);
  });

  it('marks hidden text once it becomes visible, and unmarks text that is hidden again', async () => {
    restore = fakeRendering();
    document.body.innerHTML = `
      <p id="v">Doubao</p>
      <details id="d"><summary>More</summary><p id="in-details">Seedance</p></details>
      <div id="tab" class="closed"><p id="in-tab">ByteDance</p></div>
      <p id="later" hidden>Seedance again</p>
      <p id="inline">Note: <span class="closed">Seedance</span></p>
      <div id="aria" aria-hidden="true"><p id="in-aria">Doubao again</p></div>`;
    const { pageMarker, drain, ids } = marker();
    pageMarker.start();
    drain();
    expect(ids()).toEqual(['v']);

    (document.getElementById('d') as HTMLDetailsElement).open = true;
    await observed();
    drain();
    expect(ids()).toEqual(['in-details', 'v']);

    document.getElementById('tab')?.classList.remove('closed');
    document.querySelector('#inline span')?.classList.remove('closed');
    document.getElementById('later')?.removeAttribute('hidden');
    document.getElementById('aria')?.removeAttribute('aria-hidden');
    await observed();
    drain();
    expect(ids()).toEqual(['in-aria', 'in-details', 'in-tab', 'inline', 'later', 'v']);

    document.getElementById('tab')?.classList.add('closed');
    document.getElementById('aria')?.setAttribute('aria-hidden', 'true');
    await observed();
    drain();
    expect(ids()).toEqual(['in-details', 'inline', 'later', 'v']);
  });

  it('asks about visibility only for elements that hold candidates', () => {
    restore = fakeRendering();
    const check = vi.spyOn(Element.prototype, 'checkVisibility');
    document.body.innerHTML = `${'<p>nothing here</p>'.repeat(50)}<p id="v">Doubao</p>`;
    const { pageMarker, drain } = marker();
    pageMarker.start();
    drain();
    expect(check.mock.contexts).toEqual([document.getElementById('v')]);
  });

  it('judges a display: contents element by its parent', () => {
    restore = fakeRendering();
    document.body.innerHTML = '<div id="c" style="display: contents">Doubao</div>';
    const element = document.getElementById('c') as Element;
    const check = Element.prototype.checkVisibility;
    Element.prototype.checkVisibility = function (this: Element) {
      return this === element ? false : check.call(this);
    };
    expect(readerCanSee()(element)).toBe(true);
  });
});

describe('bounded work on hostile documents (issue 14, item 9)', () => {
  it('matches one huge text in chunks over many slices, and finds a name across a chunk border', () => {
    const border = CHUNK_CHARS - 3; // "Doubao" starts 3 characters before the first border
    const filler = 'x '.repeat(CHUNK_CHARS);
    const text = `${filler.slice(0, border - 1)} Doubao ${filler.repeat(3)} Seedance`;
    document.body.innerHTML = `<pre id="log">${text}</pre>`;
    const local = localScanner(matcher);
    const lengths: number[] = [];
    const scanner: TextScanner = {
      ...local,
      scanTexts: (texts) => {
        lengths.push(...texts.map((t) => t.length));
        return local.scanTexts(texts);
      },
    };
    const { pageMarker, drain, texts, slices } = marker({ scanner });
    pageMarker.start();
    drain();
    expect(Math.max(...lengths)).toBeLessThanOrEqual(CHUNK_CHARS + 512);
    expect(slices()).toBeGreaterThanOrEqual(Math.ceil(text.length / CHUNK_CHARS));
    expect(texts()).toEqual(['Doubao', 'Seedance']);
    const [first] = pageMarker.index.visible();
    expect(first?.start).toBe(text.indexOf('Doubao'));
  });

  it('keeps at most MAX_MENTIONS mentions per document and says so', () => {
    document.body.innerHTML = `<p>${'Doubao '.repeat(MAX_MENTIONS + 1000)}</p><p>Seedance</p>`;
    const { pageMarker, drain, painted } = marker();
    pageMarker.start();
    drain();
    expect(painted.at(-1)).toHaveLength(MAX_MENTIONS);
    expect(pageMarker.index.capped).toBe(true);
  });

  it('takes at most a quarter of the main thread from a page that mutates in a tight loop', async () => {
    let clock = 0;
    const timers: { at: number; callback: () => void }[] = [];
    const local = localScanner(matcher);
    // Every scan costs 4 ms of our time; the page changes every millisecond for 5 s.
    let ours = 0;
    const scanner: TextScanner = {
      ...local,
      scanTexts: (texts) => {
        clock += 4;
        ours += 4;
        return local.scanTexts(texts);
      },
    };
    const stepped = steppedScheduler();
    const pageMarker = new PageMarker({
      doc: document,
      scanner,
      painter: { paint: () => {}, clear: () => {} },
      scheduler: stepped.scheduler,
      now: () => clock,
      delay: (callback, ms) => timers.push({ at: clock + ms, callback }),
    });
    started.push(pageMarker);
    document.body.innerHTML = '<p id="busy">Doubao 0</p>';
    pageMarker.start();
    stepped.drain();
    const begin = clock;
    ours = 0;
    const text = document.getElementById('busy')?.firstChild as Text;
    while (clock - begin < 5000) {
      text.data = `Doubao ${clock}`;
      await Promise.resolve(); // the observer's records
      for (const timer of timers.filter((t) => t.at <= clock)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
      const work = stepped.queue[0];
      if (work) {
        if (work(() => true)) stepped.queue.shift();
      } else clock += 1; // the page's own millisecond
    }
    const share = ours / (clock - begin);
    expect(share).toBeGreaterThan(0.1); // still kept up with the page
    expect(share).toBeLessThanOrEqual(0.26);
  });
});
