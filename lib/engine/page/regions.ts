/**
 * Which elements hold text we may mark, and where one block of text ends.
 * Decided from tag names and attributes only: asking for computed styles on every
 * element of a large page would cost more than the whole scan. Names are compared as
 * `localName` (lowercase in HTML documents), so no string is built per element.
 */

/** Text here is code, data, form input or invisible: never marked. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'object',
  'svg',
  'canvas',
  'head',
  'title',
]);

/**
 * Elements that flow inside a line. Text across them is joined, so "Wu <b>Yonghui</b>"
 * is one mention; every other element starts a new block, and no mention crosses it.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'kbd',
  'mark',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'label',
  'nobr',
]);

/** Our own UI (hover card host) carries this attribute; we never scan ourselves. */
export const OWN_UI_ATTRIBUTE = 'data-fact-lens-ui';

/** Tag names whose subtree is never read (lowercase `localName`). */
export function isSkippedTag(localName: string): boolean {
  return SKIPPED_TAGS.has(localName);
}

/** Tag names that flow inside a line (lowercase `localName`). */
export function isInlineTag(localName: string): boolean {
  return INLINE_TAGS.has(localName);
}

/** Subtrees out of bounds by attribute: hidden from readers, editable, or our own UI. */
const SKIPPED_BY_ATTRIBUTE = `[aria-hidden="true" i], [${OWN_UI_ATTRIBUTE}], [contenteditable]:not([contenteditable="false" i])`;

/**
 * One `matches` call instead of three attribute reads: each read is a call from script
 * into the DOM, and this runs for every element of the page.
 */
export function hasSkippedAttribute(element: Element): boolean {
  return element.hasAttributes() && element.matches(SKIPPED_BY_ATTRIBUTE);
}

export function isSkippedElement(element: Element): boolean {
  return isSkippedTag(element.localName) || hasSkippedAttribute(element);
}
export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/** The element whose text block this node belongs to: the nearest non-inline ancestor. */
export function blockOf(node: Node): Element | null {
  let element = node.parentElement;
  while (element && isInlineElement(element)) element = element.parentElement;
  return element;
}

/**
 * Whether `node` lies inside a region we never mark (walking up through shadow hosts).
 * Used for nodes reached by mutation records, where the walker's filter did not run.
 */
export function isInsideSkippedRegion(node: Node): boolean {
  for (let current: Node | null = node; current;) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkippedElement(current as Element)) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
