import { isSkippedElement } from './regions';
import type { Segment } from './segments';

/**
 * "Near", for the two rules that ask whether a page talks about something around a mention
 * (issue 18, and issue 15's local context): an ambiguous alias counts only with one of its
 * context terms near it ("Seed" near "ByteDance"), and a context entity only with a subject of
 * its pack near it ("Google" near "Doubao"). One definition serves both.
 *
 * Near means: in the mention's own block, or in text that starts within `NEAR_CHARS`
 * characters of page text before the block or after it (blank text nodes and skipped regions
 * such as scripts do not count). Measured in characters rather than blocks because blocks
 * vary from a table cell to a whole article without paragraphs. The figure comes from the
 * demo pages and the precision set (tests/e2e/precision.spec.ts; numbers in
 * lib/engine/page/README.md): the farthest context that a right mark needs on the demo pages
 * is well inside it, and a paragraph or two of English (three or four of Chinese) is as far as
 * a reader would still connect "Seed" with a "ByteDance" they just read.
 */
export const NEAR_CHARS = 600;

/**
 * A page that mentions a pack's subjects this many times (unambiguous aliases, counted
 * without overlaps) is about the pack: its context entities are marked anywhere on it, not only
 * near a subject. Chosen from the precision set (lib/engine/page/README.md): pages that have
 * nothing to do with the seed pack mention its subjects at most once (a passing "TikTok owner
 * ByteDance"), while an article about the pack names them dozens of times and may name Google
 * in a paragraph of its own.
 */
export const ABOUT_PACK_MENTIONS = 3;

export type Side = 'before' | 'after';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NOT_BLANK = /\S/;

/**
 * Visits the text nodes near `segment`, each with its side and how many characters of text
 * lie between it and the segment, nearest first on each side, until `chars` characters have
 * been passed on that side. Stays inside the segment's tree (document or shadow root).
 */
export function visitTextAround(
  segment: Segment,
  chars: number,
  visit: (node: Text, side: Side, distance: number) => void,
): void {
  const first = segment.nodes[0];
  const last = segment.nodes[segment.nodes.length - 1];
  if (!first || !last || !first.isConnected) return;
  const root = first.getRootNode();
  walkSide(first, root, chars, 'before', visit);
  walkSide(last, root, chars, 'after', visit);
}

function walkSide(
  from: Node,
  root: Node,
  chars: number,
  side: Side,
  visit: (node: Text, side: Side, distance: number) => void,
): void {
  const step = side === 'after' ? following : preceding;
  let passed = 0;
  for (let node = step(from, root); node !== null && passed <= chars; node = step(node, root)) {
    if (node.nodeType !== TEXT_NODE) continue;
    const text = node as Text;
    if (!NOT_BLANK.test(text.data)) continue;
    visit(text, side, passed);
    passed += text.data.length;
  }
}

/** Whether the walk may look inside `node`: not into scripts, form fields or our own UI. */
function enterable(node: Node): boolean {
  return node.nodeType !== ELEMENT_NODE || !isSkippedElement(node as Element);
}

/** The next node in document order after `node`, not descending into skipped elements. */
function following(node: Node, root: Node): Node | null {
  if (node.firstChild && enterable(node)) return node.firstChild;
  for (let up: Node | null = node; up && up !== root; up = up.parentNode) {
    if (up.nextSibling) return up.nextSibling;
  }
  return null;
}

/** The node before `node` in document order, ending each subtree at its deepest last child. */
function preceding(node: Node, root: Node): Node | null {
  let previous = node.previousSibling;
  if (!previous) {
    const parent = node.parentNode;
    return parent && parent !== root ? parent : null;
  }
  while (previous.lastChild && enterable(previous)) previous = previous.lastChild;
  return previous;
}
