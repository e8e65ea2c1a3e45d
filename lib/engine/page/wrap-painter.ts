import type { Mention } from './mentions';
import type { Painter } from './painter';

export const MARK_TAG = 'fact-lens-mark';

/** One wrapped mention: the text node it was cut from, our element, the text after it. */
interface Wrap {
  text: Text;
  mark: HTMLElement;
  after: Text;
}

/**
 * Fallback for browsers without the CSS Custom Highlight API: wraps each mention in our
 * own element. This changes the page's DOM, so it is never combined with live re-scanning
 * (see `start.ts`). Only mentions inside one text node are wrapped (the highlight painter
 * paints the others). Like every painter, `paint` replaces what was painted before: it
 * first puts back the text it split, so mentions found before the first paint stay valid
 * and a change of density or of muted entities can paint again.
 */
export function createWrapPainter(doc: Document): Painter {
  const wraps: Wrap[] = [];
  const clear = () => {
    // Last wrapped first: each joins the text it cut back onto the node it was cut from, so
    // that node is again the page's own, whole (no `normalize`, which would also merge
    // adjacent text nodes that are the page's).
    for (const { text, mark, after } of wraps.splice(0).reverse()) {
      text.appendData((mark.textContent ?? '') + after.data);
      mark.remove();
      after.remove();
    }
  };
  return {
    paint(mentions: readonly Mention[]) {
      clear();
      // Back to front: splitting a text node keeps the offsets before the split valid.
      for (const mention of [...mentions].reverse()) {
        const { startContainer, startOffset, endContainer, endOffset } = mention.range;
        if (startContainer !== endContainer || !(startContainer instanceof Text)) continue;
        const middle = startContainer.splitText(startOffset);
        const after = middle.splitText(endOffset - startOffset);
        const mark = doc.createElement(MARK_TAG);
        mark.dataset.kind = mention.alias.entityKind;
        middle.replaceWith(mark);
        mark.append(middle);
        wraps.push({ text: startContainer, mark, after });
      }
    },
    clear,
  };
}
