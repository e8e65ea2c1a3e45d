/**
 * Drives one page with the extension loaded for the hover-latency section: injects the
 * mentions, waits until they are painted, finds points to hover, and reads the content
 * script's user-timing entries. Content scripts share the document's performance timeline
 * and CSS highlight registry, so all of this runs in the page's own world, and that is why
 * only the test-hooks build (`npm run build:test-hooks`) writes those entries, registers
 * `fact-lens-active` and leaves the card's shadow root open: what users run does none of it.
 *
 * Callbacks passed to `page.evaluate` are serialised into the page: they use only their
 * argument and browser globals, and declare no named inner functions (tsx compiles with
 * esbuild's keepNames, which wraps those in a `__name()` helper the page does not have).
 */
import type { Page } from '@playwright/test';
import type { MentionParagraph } from './hover-plan';

export const SECTION_ID = 'fact-lens-bench-mentions';

/** Empty strips above and below the paragraphs: somewhere to rest the pointer between hovers. */
const BLANK_HEIGHT_PX = 120;

export interface Point {
  x: number;
  y: number;
}

/** A box in viewport coordinates, as `locator.boundingBox()` returns it. */
export interface Box extends Point {
  width: number;
  height: number;
}

/** The hover card: a dialog inside our shadow root, open in the test-hooks build (Playwright's CSS engine pierces it). */
export const cardOf = (page: Page) => page.locator('fact-lens-card [role="dialog"]');

/** Whether the content script has finished its first scan (the test-hooks build registers this highlight). */
export function markerActive(page: Page): Promise<boolean> {
  return page.evaluate(() => CSS.highlights.has('fact-lens-active'));
}

/**
 * Puts a <section> with `paragraphs` first in the article (Wikipedia's content column, else
 * <main>, else <body>), between two blank strips, and scrolls it to the middle of the view.
 */
export function injectMentions(page: Page, paragraphs: readonly MentionParagraph[]): Promise<void> {
  return page.evaluate(
    ({ paragraphs, sectionId, blankPx }) => {
      const host =
        document.querySelector('#mw-content-text .mw-parser-output') ??
        document.querySelector('main, article') ??
        document.body;
      const section = document.createElement('section');
      section.id = sectionId;
      const [above, below] = ['above', 'below'].map((where) => {
        const div = document.createElement('div');
        div.dataset.blank = where;
        div.style.height = `${blankPx}px`;
        return div;
      });
      if (above) section.append(above);
      for (const { id, lang, text } of paragraphs) {
        const p = document.createElement('p');
        p.id = id;
        p.lang = lang;
        p.textContent = text;
        section.append(p);
      }
      if (below) section.append(below);
      host.prepend(section);
      section.scrollIntoView({ block: 'center' });
    },
    { paragraphs, sectionId: SECTION_ID, blankPx: BLANK_HEIGHT_PX },
  );
}

/** Text of every painted mention that starts inside the injected section. */
export function paintedInSection(page: Page): Promise<string[]> {
  return page.evaluate((sectionId) => {
    const section = document.getElementById(sectionId);
    if (!section) return [];
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      // State highlights (active, hover) are not mentions.
      if (!name.startsWith('fact-lens-') || name === 'fact-lens-active') continue;
      if (name === 'fact-lens-hover') continue;
      for (const range of highlight) {
        if (!section.contains(range.startContainer)) continue;
        // The engine may register StaticRanges, which have no text of their own.
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        texts.push(live.toString());
      }
    }
    return texts;
  }, SECTION_ID);
}

/**
 * Center of the first occurrence of `text` in the element `#paragraphId`, in viewport
 * coordinates; scrolls the section to the middle of the view first when the text is not
 * wholly in view (the page's own scripts may have scrolled).
 */
export function mentionPoint(page: Page, paragraphId: string, text: string): Promise<Point> {
  return page.evaluate(
    ({ paragraphId, text, sectionId }) => {
      const paragraph = document.getElementById(paragraphId);
      const node = paragraph?.firstChild;
      const at = node?.nodeValue?.indexOf(text) ?? -1;
      if (!node || at < 0) throw new Error(`"${text}" not found in #${paragraphId}`);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      let rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth) {
        document.getElementById(sectionId)?.scrollIntoView({ block: 'center' });
        rect = range.getBoundingClientRect();
      }
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { paragraphId, text, sectionId: SECTION_ID },
  );
}

/**
 * A point in one of the blank strips that `avoid` (the open card's box) does not cover. The
 * card sits below or above its mention, never over it, and every mention lies between the
 * strips, so at least one strip is always free.
 */
export function blankPoint(page: Page, avoid: Box | null): Promise<Point> {
  return page.evaluate(
    ({ avoid, sectionId }) => {
      const strips = document.querySelectorAll(`#${sectionId} > [data-blank]`);
      for (const strip of strips) {
        const r = strip.getBoundingClientRect();
        const point = { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
        const inView = point.y > 0 && point.y < innerHeight;
        const covered =
          avoid !== null &&
          point.x >= avoid.x &&
          point.x <= avoid.x + avoid.width &&
          point.y >= avoid.y &&
          point.y <= avoid.y + avoid.height;
        if (inView && !covered) return point;
      }
      throw new Error('no blank strip in view that the card leaves free');
    },
    { avoid, sectionId: SECTION_ID },
  );
}

/** How many card-painted measures the page has recorded so far. */
export function paintCount(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name, 'measure').length, name);
}

/**
 * Resolves with the duration of the measure after the first `seen` ones, as soon as the
 * content script records it. A PerformanceObserver rather than polling: polling would put
 * work of ours on the main thread while the latency is being measured.
 */
export function nextPaintMs(
  page: Page,
  name: string,
  seen: number,
  timeoutMs: number,
): Promise<number> {
  return page.evaluate(
    ({ name, seen, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        let timer = 0;
        // `buffered` replays the entries already there, so one recorded before the
        // observer was set up is not missed.
        const observer = new PerformanceObserver((_list, self) => {
          const entry = performance.getEntriesByName(name, 'measure')[seen];
          if (!entry) return;
          self.disconnect();
          clearTimeout(timer);
          resolve(entry.duration);
        });
        timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no "${name}" measure within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe({ type: 'measure', buffered: true });
      }),
    { name, seen, timeoutMs },
  );
}
