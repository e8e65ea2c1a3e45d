import { useId, useState } from 'react';
import type { CardProposition } from '../../lib/cards/card-data';

/**
 * A proposition that expands to its summary. A button with aria-expanded rather than
 * <details>: inserting a <details> element made Chromium lay out the whole host page
 * again (~50 ms on a large Wikipedia article), which the hover-latency benchmark caught.
 */
export function PropositionItem({ proposition }: { proposition: CardProposition }) {
  const [open, setOpen] = useState(false);
  const summaryId = useId();
  return (
    <li data-proposition-id={proposition.id}>
      <button
        type="button"
        className="proposition-toggle"
        aria-expanded={open}
        aria-controls={summaryId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="disclosure">
          {open ? '▾' : '▸'}
        </span>
        {proposition.title}
      </button>
      <p id={summaryId} className="proposition-summary" hidden={!open}>
        {proposition.summary}
      </p>
    </li>
  );
}
