import type { Mention } from './mentions';
import type { Painter } from './painter';

export const MARK_TAG = 'fact-lens-mark';

/**
 * Fallback for browsers without the CSS Custom Highlight API: wraps each mention in our
 * own element. This changes the page's DOM, so it paints once and is never combined
 * with live re-scanning (see `start.ts`). Mentions that span several text nodes are
 * wrapped piece by piece, last piece first, so earlier offsets stay valid.
 */
export function createWrapPainter(doc: Document): Painter {
  const marks: HTMLElement[] = [];
  return {
    paint(mentions: readonly Mention[]) {
      // Back to front: splitting a text node keeps the offsets before the split valid.
      for (const mention of [...mentions].reverse()) {
        const { startContainer, startOffset, endContainer, endOffset } = mention.range;
        if (startContainer !== endContainer || !(startContainer instanceof Text)) continue;
        const middle = startContainer.splitText(startOffset);
        middle.splitText(endOffset - startOffset);
        const mark = doc.createElement(MARK_TAG);
        mark.dataset.kind = mention.alias.entityKind;
        middle.replaceWith(mark);
        mark.append(middle);
        marks.push(mark);
      }
    },
    clear() {
      for (const mark of marks.splice(0)) {
        const parent = mark.parentNode;
        mark.replaceWith(...mark.childNodes);
        parent?.normalize();
      }
    },
  };
}
