import { mentionRects } from '../engine/page/hit-test';
import type { Mention } from '../engine/page/mentions';
import type { CardTarget } from './hover-controller';

/**
 * The card target for a mention on the page. Its box is measured again whenever the card
 * is placed, so the card follows the text when the page scrolls or reflows. A mention that
 * wraps over two lines anchors on the line the pointer was on (or the first line).
 */
export function targetOfMention(
  doc: Document,
  mention: Mention,
  pointerRect?: DOMRect,
): CardTarget {
  let last = pointerRect ?? mentionRects(doc, mention)[0] ?? new DOMRect();
  const line = pointerRect
    ? mentionRects(doc, mention).findIndex((r) => r.top === pointerRect.top)
    : 0;
  return {
    ref: { packId: mention.alias.packId, entityId: mention.alias.entityId },
    matchedText: mention.segment.text.slice(mention.start, mention.end),
    why: mention.why,
    anchorKey: mention,
    contextElement: mention.range.startContainer.parentElement ?? undefined,
    rect: () => {
      // A range whose text left the page has no boxes: keep the last known place.
      const rects = mentionRects(doc, mention);
      last = rects[Math.max(0, line)] ?? rects[0] ?? last;
      return last;
    },
  };
}
