import type { Frame, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { pointOfText } from './highlights';
import { readHoverRange } from '../journeys/in-page';

/** Helpers for specs that drive the hover card. */

/**
 * The hover card of a page or frame: a dialog inside our shadow root (Playwright's CSS engine
 * pierces it: it is open in the test-hooks build only, closed in what users run). Each frame
 * mounts its own card.
 */
export const cardOf = (target: Page | Frame) => target.locator('fact-lens-card [role="dialog"]');

/** Where the current (hovered or keyboard-selected) mention is: its text and its line box. */
export function hoveredTextRange(page: Page): Promise<string | null> {
  return page.evaluate(readHoverRange);
}

/**
 * Rests the pointer on `text` inside `selector` of a page or of any of its frames
 * (same-origin or not: the mouse is the page's, so frame coordinates are translated).
 * Scrolls it into view first: hovering a frame lower down may have scrolled the page.
 */
export async function hover(target: Page | Frame, selector: string, text: string): Promise<void> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const frameElement = frame.parentFrame() ? await frame.frameElement() : null;
  // The frame's element first: Chromium gives an off-screen cross-origin frame no animation
  // frames, and Playwright waits for some before it scrolls anything inside one.
  await frameElement?.scrollIntoViewIfNeeded();
  await frame.locator(selector).first().scrollIntoViewIfNeeded();
  // Where the frame's viewport starts in the page's (Playwright's boxes are relative to the
  // main frame at any depth), inside the element's border.
  let origin = { x: 0, y: 0 };
  if (frameElement) {
    const box = await frameElement.boundingBox();
    if (!box) throw new Error(`frame ${frame.url()} is not rendered`);
    const border = await frameElement.evaluate((node) => ({
      x: (node as Element).clientLeft,
      y: (node as Element).clientTop,
    }));
    origin = { x: box.x + border.x, y: box.y + border.y };
  }
  const { x, y } = await pointOfText(frame, selector, text);
  // The browser routes a pointer event to a cross-origin frame by where it last composited
  // it: moving right after a scroll can send the event to the old layout. Two animation
  // frames in the page and in the frame mean the scrolled layout has been composited.
  await afterTwoFrames(frame.page().mainFrame());
  if (frameElement) await afterTwoFrames(frame);
  await frame.page().mouse.move(origin.x + x, origin.y + y);
}

const afterTwoFrames = (frame: Frame): Promise<void> =>
  frame.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );

/**
 * Hovers `text` inside `selector`, waits for the card to name `name`, then moves the pointer
 * into the card in steps, as a hand would, so the card stays open. Returns the card and
 * where it was.
 */
export async function enterCardOf(
  page: Page,
  selector: string,
  text: string,
  name = text,
): Promise<{ card: Locator; box: { x: number; y: number; width: number; height: number } }> {
  const card = cardOf(page);
  await hover(page, selector, text);
  await expect(card.locator('.fl-card-entity-name')).toHaveText(name);
  const box = await card.boundingBox();
  if (!box) throw new Error('no card box');
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 8 });
  return { card, box };
}
