import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useLayoutEffect, type RefObject } from 'react';
import type { CardTarget } from '../../lib/cards/hover-controller';

const GAP = 6;
const EDGE = 8;

/**
 * Keeps the card in the top layer (as a popover, so no z-index on the page can cover it)
 * and keeps it next to its mention: below it, or above when there is more room, shifted
 * to stay inside the viewport, never over the mention itself. Follows the mention while
 * the page scrolls or resizes.
 */
export function useCardPosition(
  card: RefObject<HTMLElement | null>,
  open: boolean,
  target: CardTarget | null,
): void {
  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    // Entering the top layer restyles the whole host page, so the card goes there once and
    // stays; a closed card is hidden with `data-open` (visibility, no pointer events).
    if (typeof element.showPopover === 'function' && !element.matches(':popover-open'))
      element.showPopover();
    if (!open || !target) return;
    const reference = {
      getBoundingClientRect: target.rect,
      contextElement: target.contextElement,
    };
    const place = () => {
      void computePosition(reference, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(GAP),
          flip({ padding: EDGE }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            apply({ availableHeight }) {
              // Tall cards scroll inside; the page keeps scrolling past them (no scroll lock).
              element.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        element.style.left = `${Math.round(x)}px`;
        element.style.top = `${Math.round(y)}px`;
      });
    };
    return autoUpdate(reference, element, place);
  }, [card, open, target]);
}
