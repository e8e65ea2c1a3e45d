/**
 * Whether a reader can see an element's text. Asked only for the elements that hold
 * candidates (`mention-index.ts`), never during the walk: reading styles and layout for every
 * element of a page would cost more than the whole scan.
 *
 * Without this, a page could put names in hidden elements and read back from `CSS.highlights`
 * which ones we recognised: a silent probe of which packs the reader has.
 */
export type VisibilityCheck = (element: Element) => boolean;

/**
 * Makes a `VisibilityCheck` for one round of checks (one batch, one re-check), so answers about
 * shared ancestors are read once; styles and layout may change before the next round.
 */
export type VisibilityRound = () => VisibilityCheck;

/** Every element counts as visible: for tests and tools that only read the index. */
export const ALL_VISIBLE: VisibilityRound = () => () => true;

/**
 * Hidden when:
 * - `checkVisibility` says so (Chromium 105+, Firefox 106+): `display: none` on it or an
 *   ancestor, `visibility: hidden`, `opacity: 0`, `content-visibility: hidden`, the `hidden`
 *   attribute, the content of a closed `<details>`. `content-visibility: auto` content off
 *   screen counts as visible: the reader sees it on scrolling. An element with
 *   `display: contents` has no box of its own and is judged by its parent;
 * - it, or an ancestor that clips what overflows it, has no width or no height (a zero-size
 *   box, `font-size: 0`).
 * `aria-hidden="true"` subtrees are never even read (`regions.ts`).
 *
 * Browsers without `checkVisibility` (older than the Highlight API, so only the static wrap
 * fallback runs there; and jsdom) get the `hidden` attribute check alone: they may have no
 * layout to ask.
 */
export const readerCanSee: VisibilityRound = () => {
  const clipped = new Map<Element, boolean>();
  const check = (element: Element): boolean => {
    if (typeof element.checkVisibility !== 'function') return element.closest('[hidden]') === null;
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
      const view = element.ownerDocument.defaultView;
      const parent = element.parentElement;
      return parent !== null && view?.getComputedStyle(element).display === 'contents'
        ? check(parent)
        : false;
    }
    return !isClippedAway(element, clipped);
  };
  return check;
};

function isEmptyBox(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width === 0 || rect.height === 0;
}

/** The element is empty, or an ancestor with `overflow` other than visible is. */
function isClippedAway(element: Element, cache: Map<Element, boolean>): boolean {
  if (isEmptyBox(element)) return true;
  const view = element.ownerDocument.defaultView;
  const chain: Element[] = [];
  let answer = false;
  for (let up = element.parentElement; up; up = up.parentElement) {
    const known = cache.get(up);
    if (known !== undefined) {
      answer = known;
      break;
    }
    chain.push(up);
    if (isEmptyBox(up) && view?.getComputedStyle(up).overflow !== 'visible') {
      answer = true;
      break;
    }
  }
  for (const up of chain) cache.set(up, answer);
  return answer;
}
