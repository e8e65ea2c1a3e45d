import type { MentionIndex } from './mention-index';
import { mentionCovering, type Mention } from './mentions';

interface Caret {
  node: Node;
  offset: number;
}

/** The text position under a point: the standard API where present, WebKit's otherwise. */
export function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The client rects a mention occupies (a mention can wrap across lines). */
export function mentionRects(doc: Document, mention: Mention): DOMRect[] {
  const range = doc.createRange();
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  range.setStart(startContainer, startOffset);
  range.setEnd(endContainer, endOffset);
  return [...range.getClientRects()];
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The mention under the pointer: caret position → text offset in its segment → binary
 * search over that segment's mentions → confirmed against the mention's client rects
 * (the caret API snaps to the nearest character even when the pointer is in a margin).
 */
export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
): { mention: Mention; rect: DOMRect } | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const found = index.mentionsOfNode(caret.node);
  if (!found) return null;
  const nodeIndex = found.segment.nodes.indexOf(caret.node as Text);
  const offset = (found.segment.starts[nodeIndex] ?? 0) + caret.offset;
  const mention = mentionCovering(found.mentions, offset);
  // Muted entities and, in "first only" density, later mentions are not painted: not there.
  if (!mention || !index.isPainted(mention)) return null;
  const rect = mentionRects(doc, mention).find((r) => contains(r, x, y));
  return rect ? { mention, rect } : null;
}
