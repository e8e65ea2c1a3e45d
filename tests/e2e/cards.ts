import type { Page } from '@playwright/test';
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
