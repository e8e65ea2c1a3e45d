/**
 * A pretend layout for jsdom, which has none: every text node of the body, in document
 * order, is set in one monospace run, `charWidth` wide per UTF-16 unit, broken into lines of
 * `lineChars` units `lineHeight` tall, from the viewport's top left corner. Enough for the
 * caret and box queries that hit testing makes (`caretPositionFromPoint`,
 * `Range.getClientRects`), with answers a test can work out by hand.
 */
export interface FakeLayout {
  /** The middle of the `index`-th character of `text`'s first occurrence in the body. */
  pointOf(text: string, index?: number): { x: number; y: number };
  /** Scrolls the text up by `top` pixels (what was at `top` is now at the viewport's top). */
  scrollTo(top: number): void;
  /** Takes the stubs away again. */
  uninstall(): void;
}

export function installMonospaceLayout(
  doc: Document,
  { charWidth = 10, lineHeight = 20, lineChars = 1000 } = {},
): FakeLayout {
  const textNodes = (): Text[] => {
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    return nodes;
  };
  /** Where (node, offset) falls in the run of all text. */
  const runOffset = (node: Node, offset: number): number => {
    let before = 0;
    for (const text of textNodes()) {
      if (text === node) return before + offset;
      before += text.length;
    }
    throw new Error('the node is not text of the body');
  };
  const totalLength = () => textNodes().reduce((sum, text) => sum + text.length, 0);
  let scrollTop = 0;

  /** What `Document.caretPositionFromPoint` answers: the nearest caret position. */
  const caretPositionFromPoint = (x: number, y: number) => {
    const line = Math.max(0, Math.floor((y + scrollTop) / lineHeight));
    const column = Math.max(0, Math.min(lineChars, Math.round(x / charWidth)));
    let at = Math.min(totalLength(), line * lineChars + column);
    for (const text of textNodes()) {
      if (at < text.length) return { offsetNode: text, offset: at };
      at -= text.length;
    }
    const last = textNodes().at(-1);
    return last ? { offsetNode: last, offset: last.length } : null;
  };
  function getClientRects(this: Range): DOMRectList {
    const start = runOffset(this.startContainer, this.startOffset);
    const end = runOffset(this.endContainer, this.endOffset);
    const rects: DOMRect[] = [];
    for (let at = start; at < end;) {
      const line = Math.floor(at / lineChars);
      const lineEnd = Math.min(end, (line + 1) * lineChars);
      const column = at - line * lineChars;
      rects.push(
        new DOMRect(
          column * charWidth,
          line * lineHeight - scrollTop,
          (lineEnd - at) * charWidth,
          lineHeight,
        ),
      );
      at = lineEnd;
    }
    return rects as unknown as DOMRectList;
  }

  const target = doc as unknown as Record<string, unknown>;
  const range = Range.prototype as unknown as Record<string, unknown>;
  const before = { caret: target.caretPositionFromPoint, rects: range.getClientRects };
  target.caretPositionFromPoint = caretPositionFromPoint;
  range.getClientRects = getClientRects;

  return {
    pointOf(text, index = 0) {
      for (const node of textNodes()) {
        const found = node.data.indexOf(text);
        if (found < 0) continue;
        const at = runOffset(node, found + index);
        const line = Math.floor(at / lineChars);
        return {
          x: (at - line * lineChars) * charWidth + charWidth / 2,
          y: line * lineHeight + lineHeight / 2 - scrollTop,
        };
      }
      throw new Error(`"${text}" is not in the body`);
    },
    scrollTo(top) {
      scrollTop = top;
    },
    uninstall() {
      target.caretPositionFromPoint = before.caret;
      range.getClientRects = before.rects;
    },
  };
}
