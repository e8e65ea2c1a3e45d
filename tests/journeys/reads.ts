/**
 * What a journey reads from a page through any driver: the in-page functions of in-page.ts,
 * run with `JourneyPage.evaluate`.
 */
import type { JourneyPage } from './driver';
import { eventually } from './eventually';
import assert from 'node:assert/strict';
import {
  readCard,
  readMarkerActive,
  readPaintedTexts,
  readPointOfText,
  STATE_HIGHLIGHTS,
  type CardView,
  type PaintedQuery,
} from './in-page';

/** Painted mention texts, optionally only inside `within` (a CSS selector). */
export function painted(page: JourneyPage, within?: string): Promise<string[]> {
  const query: PaintedQuery = { stateNames: STATE_HIGHLIGHTS };
  if (within) query.within = within;
  return page.evaluate(readPaintedTexts, query);
}

/** Text of the mention Fact Lens considers hovered (keyboard or pointer), or null. */
export async function hovered(page: JourneyPage): Promise<string | null> {
  const texts = await page.evaluate(readPaintedTexts, {
    names: ['fact-lens-hover'],
    stateNames: STATE_HIGHLIGHTS,
  });
  return texts[0] ?? null;
}

/** The open hover card, or null. */
export function card(page: JourneyPage): Promise<CardView | null> {
  return page.evaluate(readCard, null);
}

/** Opens `url` and waits until Fact Lens has finished its first scan there. */
export async function gotoMarked(page: JourneyPage, url: string): Promise<void> {
  await page.goto(url);
  await eventually(
    () => page.evaluate(readMarkerActive, null),
    (active) => assert.equal(active, true),
    { message: `no first scan on ${url}`, timeoutMs: 10_000 },
  );
}

/** Rests the pointer on the first `text` inside `selector`. */
export async function hover(page: JourneyPage, selector: string, text: string): Promise<void> {
  const { x, y } = await page.evaluate(readPointOfText, [selector, text] as const);
  await page.mouseMove(x, y);
}
