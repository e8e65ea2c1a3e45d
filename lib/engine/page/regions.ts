/**
 * Which elements hold text we may mark, and where one block of text ends.
 * Decided from tag names and attributes only: asking for computed styles on every
 * element of a large page would cost more than the whole scan.
 */

/** Text here is code, data, form input or invisible: never marked. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'SVG',
  'CANVAS',
  'HEAD',
  'TITLE',
]);

/**
 * Elements that flow inside a line. Text across them is joined, so "Wu <b>Yonghui</b>"
 * is one mention; every other element starts a new block, and no mention crosses it.
 */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'LABEL',
  'NOBR',
]);

/** Our own UI (hover card host) carries this attribute; we never scan ourselves. */
export const OWN_UI_ATTRIBUTE = 'data-fact-lens-ui';

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName.toUpperCase());
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
