import { isInlineElement, isInsideSkippedRegion } from './regions';

/**
 * How much page a viewport region may span, in viewport heights: enough to cover what the
 * reader sees and a little around it, small enough to scan in a slice or two.
 */
const REGION_HEIGHTS = 3;

/** Where the viewport is sampled, as fractions of its height: the top, middle and bottom. */
const SAMPLE_HEIGHTS = [0.2, 0.5, 0.8];

/**
 * The block elements around what the reader sees: for a few points down the middle of the
 * viewport, the largest ancestor of the element there that is at most a few viewport heights
 * tall. Distinct and not nested (a block inside another is covered by it), in document order.
 * Empty when there is nothing to single out (empty spots, a page that small, skipped regions).
 *
 * Reads layout (elementFromPoint, client rects), so it is only asked on pages too long to scan
 * in one slice, where layout is long done by the time the content script runs.
 */
export function viewportRegions(doc: Document, root: Node): Element[] {
  const view = doc.defaultView;
  if (!view) return [];
  const regions: Element[] = [];
  for (const fraction of SAMPLE_HEIGHTS) {
    const region = regionAt(doc, root, view.innerWidth / 2, view.innerHeight * fraction);
    if (!region || regions.some((other) => other.contains(region))) continue;
    for (let i = regions.length - 1; i >= 0; i--) {
      if (region.contains(regions[i] as Element)) regions.splice(i, 1);
    }
    regions.push(region);
  }
  return regions.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function regionAt(doc: Document, root: Node, x: number, y: number): Element | null {
  const height = doc.defaultView?.innerHeight ?? 0;
  let element = doc.elementFromPoint(x, y);
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
