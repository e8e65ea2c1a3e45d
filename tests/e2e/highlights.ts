import type { Frame, Page } from '@playwright/test';

/**
 * Reads what Fact Lens painted, from the page's own world: the CSS highlight registry
 * is per document and shared by the page and our content script.
 */

/** Text of every painted mention, in registry order. */
export function highlightedTexts(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const texts: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (
        !name.startsWith('fact-lens-') ||
        ['fact-lens-active', 'fact-lens-hover'].includes(name)
      ) {
        continue;
      }
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        texts.push(live.toString());
      }
    }
    return texts;
  });
}

/** Whether Fact Lens has finished its first scan of this document (it registers this highlight). */
export function markerActive(target: Page | Frame): Promise<boolean> {
  return target.evaluate(() => CSS.highlights.has('fact-lens-active'));
}

/** Center of the first occurrence of `text` inside `selector`, in viewport coordinates. */
export function pointOfText(
  target: Page | Frame,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return target.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    [selector, text] as const,
  );
}

/** Text of the mention Fact Lens considers hovered, or null. */
export function hoveredText(target: Page | Frame): Promise<string | null> {
  return target.evaluate(() => {
    const highlight = CSS.highlights.get('fact-lens-hover');
    const [range] = highlight ? [...highlight] : [];
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  });
}

/** Painted mentions whose text lies inside any element matching `selector`. */
export function highlightsInside(target: Page | Frame, selector: string): Promise<number> {
  return target.evaluate((selector) => {
    const containers = [...document.querySelectorAll(selector)];
    let count = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('fact-lens-')) continue;
      for (const range of highlight) {
        if (containers.some((el) => el.contains(range.startContainer))) count += 1;
      }
    }
    return count;
  }, selector);
}
