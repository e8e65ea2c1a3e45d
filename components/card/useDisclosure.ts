import { useId, useState } from 'react';

/**
 * A button that shows and hides one part of the card: a fact's quote, a proposition's
 * summary. Spread `toggle` on the button and `region` on the part. A button with
 * aria-expanded rather than <details>: inserting a <details> element made Chromium lay out
 * the whole host page again (~50 ms on a large Wikipedia article), which the hover-latency
 * benchmark caught.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return {
    open,
    toggle: {
      type: 'button',
      'aria-expanded': open,
      'aria-controls': id,
      onClick: () => setOpen((value) => !value),
    } as const,
    region: { id, hidden: !open },
  };
}
