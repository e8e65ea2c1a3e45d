import type { MentionIndex } from './mention-index';
import { mentionAtPoint } from './hit-test';
import type { Mention } from './mentions';

export interface HoverEvents {
  /** The pointer came over a mention; `rect` is the line box of the mention under it. */
  enter(mention: Mention, rect: DOMRect): void;
  /** The pointer left the mention it was over. */
  leave(mention: Mention): void;
}

/**
 * Hit-tests the pointer against painted mentions (there are no elements to listen on)
 * and reports when it enters or leaves one. At most one hit test per animation frame,
 * however fast the pointer events come. Returns a function that stops tracking.
 */
export function trackHover(doc: Document, index: MentionIndex, events: HoverEvents): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let current: Mention | null = null;
  let point: { x: number; y: number } | null = null;
  let frame = 0;

  const update = () => {
    frame = 0;
    const hit = point ? mentionAtPoint(doc, index, point.x, point.y) : null;
    if (hit?.mention === current) return;
    if (current) events.leave(current);
    current = hit?.mention ?? null;
    if (hit) events.enter(hit.mention, hit.rect);
  };
  const schedule = () => {
    frame ||= view.requestAnimationFrame(update);
  };
  // Only the reader's own pointer counts: a page's scripted events (`isTrusted` false)
  // could otherwise open cards wherever it likes.
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    point = { x: event.clientX, y: event.clientY };
    schedule();
  };
  const onOut = (event: PointerEvent) => {
    // Left the document (relatedTarget null): nothing is under the pointer any more.
    if (event.isTrusted && event.relatedTarget === null) {
      point = null;
      schedule();
    }
  };
  const options = { capture: true, passive: true } as const;
  doc.addEventListener('pointermove', onMove, options);
  doc.addEventListener('pointerout', onOut, options);
  // Content scrolling under a still pointer changes what is under it.
  doc.addEventListener('scroll', schedule, options);
  return () => {
    doc.removeEventListener('pointermove', onMove, options);
    doc.removeEventListener('pointerout', onOut, options);
    doc.removeEventListener('scroll', schedule, options);
    if (frame) view.cancelAnimationFrame(frame);
  };
}
