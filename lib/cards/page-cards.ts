import type { Mention } from '../engine/page/mentions';
import type { RunningMarker } from '../engine/page/start';
import type { HoverCardController } from './hover-controller';
import { isEditableTarget, navigationDirection, stepIndex } from './keyboard-nav';
import { targetOfMention } from './mention-target';

/** What the marker reports on hover, turned into controller calls. */
export function cardHoverEvents(doc: Document, controller: HoverCardController) {
  return {
    enter: (mention: Mention, rect: DOMRect) =>
      controller.pointerEnteredMention(targetOfMention(doc, mention, rect)),
    leave: () => controller.pointerLeftMention(),
  };
}

function inViewport(rect: DOMRect, view: Window): boolean {
  return rect.bottom > 0 && rect.top < view.innerHeight;
}

/**
 * Keyboard access to the cards: Escape closes an open card wherever focus is, and
 * Alt+Shift+N / Alt+Shift+P step through the painted mentions in reading order, scrolling
 * each into view and opening its card (which takes focus). Returns a function that stops.
 */
export function connectCardKeyboard(
  doc: Document,
  marker: RunningMarker,
  controller: HoverCardController,
): () => void {
  const view = doc.defaultView;
  const onKeyDown = (event: KeyboardEvent) => {
    // A page's scripted keys (`isTrusted` false) neither close nor open cards.
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && controller.state.target) {
      controller.close();
      return;
    }
    const direction = navigationDirection(event);
    if (!direction || isEditableTarget(event.target)) return;
    const mentions = marker.index.visibleInReadingOrder();
    const current = mentions.indexOf(controller.state.target?.anchorKey as Mention);
    const mention = mentions[stepIndex(mentions.length, current, direction)];
    if (!mention) return;
    event.preventDefault();
    const target = targetOfMention(doc, mention);
    if (view && !inViewport(target.rect(), view)) {
      // Instant, not smooth: the card is placed right after, and reduced motion is respected.
      target.contextElement?.scrollIntoView({ block: 'center' });
    }
    marker.highlightCurrent(mention);
    controller.openNow(target);
  };
  doc.addEventListener('keydown', onKeyDown, true);
  const unsubscribe = controller.subscribe(() => {
    if (!controller.state.target) marker.highlightCurrent(null);
  });
  return () => {
    doc.removeEventListener('keydown', onKeyDown, true);
    unsubscribe();
  };
}
