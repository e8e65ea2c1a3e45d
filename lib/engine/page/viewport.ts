import { isInlineElement, isInsideSkippedRegion } from './regions';

/**
 * How much page a viewport region may span, in viewport heights: enough to cover what the
 * reader sees and a little around it, small enough to scan in a slice or two.
 */
const REGION_HEIGHTS = 3;

/**
 * The block element around what the reader sees at the middle of the viewport: the largest
 * ancestor of the element there that is at most a few viewport heights tall. Null when there
 * is nothing to single out (an empty spot, the whole page is that small, a skipped region).
 *
 * Reads layout (elementFromPoint, client rects), so it is only asked on pages too long to scan
 * in one slice, where layout is long done by the time the content script runs.
 */
export function viewportRegion(doc: Document, root: Node): Element | null {
  const view = doc.defaultView;
  if (!view) return null;
  const height = view.innerHeight;
  let element = doc.elementFromPoint(view.innerWidth / 2, height / 2);
  while (element && isInlineElement(element)) element = element.parentElement;
  if (!element || element === root || !root.contains(element)) return null;
  let region: Element | null = null;
  for (let current: Element | null = element; current && current !== root;) {
    if (current.getBoundingClientRect().height > REGION_HEIGHTS * height) break;
    // Only a block can be scanned apart: an inline element's text joins its neighbours'.
    if (!isInlineElement(current)) region = current;
    current = current.parentElement;
  }
  return region && !isInsideSkippedRegion(region) ? region : null;
}
