import type { CardProposition } from '../../lib/domain/card';
import { useDisclosure } from './useDisclosure';

/** A proposition that expands to its summary. */
export function PropositionItem({ proposition }: { proposition: CardProposition }) {
  const summary = useDisclosure();
  return (
    <li data-proposition-id={proposition.id}>
      <button className="fl-card-proposition-toggle" {...summary.toggle}>
        <span aria-hidden="true" className="fl-card-disclosure">
          {summary.open ? '▾' : '▸'}
        </span>
        {proposition.title}
      </button>
      <p className="fl-card-proposition-summary" {...summary.region}>
        {proposition.summary}
      </p>
    </li>
  );
}
