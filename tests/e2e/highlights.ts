import type { Frame, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import {
  readMarkerActive,
  readPaintedTexts,
  readPointOfText,
  STATE_HIGHLIGHTS,
  type PaintedQuery,
} from '../journeys/in-page';

/**
 * Reads what Fact Lens painted, from the page's own world: the CSS highlight registry
 * is per document and shared by the page and our content script.
 */

/**
 * Text of each range in the named highlights (all mention highlights when `names` is
 * null), optionally only those starting inside an element matching `within` (light DOM)
 * or inside the open shadow root of such an element (`inShadowOf`).
 */
function paintedTexts(
  target: Page | Frame,
  query: Omit<PaintedQuery, 'stateNames'> = {},
): Promise<string[]> {
  return target.evaluate(readPaintedTexts, { ...query, stateNames: STATE_HIGHLIGHTS });
}

/** Text of every painted mention, in registry order. */
export function highlightedTexts(target: Page | Frame): Promise<string[]> {
  return paintedTexts(target);
}

/** One painted mention: its text and the highlight that paints it (`fact-lens-<kind>`). */
export interface PaintedMention {
  text: string;
  highlight: string;
}

/**
 * Every painted mention in document order (ties: the shorter range, then the highlight's
 * name), so two runs that painted the same mentions give equal lists whatever order their
 * highlights were registered in.
 */
export function paintedMentions(target: Page | Frame): Promise<PaintedMention[]> {
  return target.evaluate((stateNames) => {
    const found: { range: Range; highlight: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('fact-lens-') || stateNames.includes(name)) continue;
      for (const painted of highlight) {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        found.push({ range, highlight: name });
      }
    }
    found.sort(
      (a, b) =>
        a.range.compareBoundaryPoints(Range.START_TO_START, b.range) ||
        a.range.compareBoundaryPoints(Range.END_TO_END, b.range) ||
        a.highlight.localeCompare(b.highlight),
    );
    return found.map(({ range, highlight }) => ({ text: range.toString(), highlight }));
  }, STATE_HIGHLIGHTS);
}

/** Painted mentions whose text starts inside any element matching `selector`. */
export function highlightsWithin(target: Page | Frame, selector: string): Promise<string[]> {
  return paintedTexts(target, { within: selector });
}

/** How many painted mentions start inside any element matching `selector`. */
export async function highlightsInside(target: Page | Frame, selector: string): Promise<number> {
  return (await highlightsWithin(target, selector)).length;
}

/** Painted mentions inside the open shadow root of the element matching `hostSelector`. */
export function highlightsInShadowOf(
  target: Page | Frame,
  hostSelector: string,
): Promise<string[]> {
  return paintedTexts(target, { inShadowOf: hostSelector });
}

/** Text of the mention Fact Lens considers hovered, or null. */
export async function hoveredText(target: Page | Frame): Promise<string | null> {
  const [text] = await paintedTexts(target, { names: ['fact-lens-hover'] });
  return text ?? null;
}

/**
 * Whether Fact Lens has finished its first scan of this document: the test-hooks build
 * registers this highlight (`test.use({ extensionBuild: 'test-hooks' })`); the user build never does.
 */
export function markerActive(target: Page | Frame): Promise<boolean> {
  return target.evaluate(readMarkerActive);
}

/** Center of the first occurrence of `text` inside `selector`, in viewport coordinates. */
export function pointOfText(
  target: Page | Frame,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return target.evaluate(readPointOfText, [selector, text] as const);
}

/** Opens `url` and waits until Fact Lens has finished its first scan there. */
export async function gotoMarked(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => markerActive(page)).toBe(true);
}
