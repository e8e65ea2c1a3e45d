import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { pointOfText } from './highlights';

/** Helpers for specs that drive the hover card. */

/** The hover card: a dialog inside our shadow root (Playwright's CSS engine pierces it). */
export const cardOf = (page: Page) => page.locator('fact-lens-card [role="dialog"]');

/** Where the current (hovered or keyboard-selected) mention is: its text and its line box. */
export function hoveredTextRange(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('fact-lens-hover');
    const range = highlight ? [...highlight][0] : undefined;
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rect = live.getBoundingClientRect();
    return `${live.toString()}@${Math.round(rect.left + scrollX)},${Math.round(rect.top + scrollY)}`;
  });
}

export async function hover(page: Page, selector: string, text: string): Promise<void> {
  const { x, y } = await pointOfText(page, selector, text);
  await page.mouse.move(x, y);
}

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
  await expect(card.locator('.entity-name')).toHaveText(name);
  const box = await card.boundingBox();
  if (!box) throw new Error('no card box');
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 8 });
  return { card, box };
}
