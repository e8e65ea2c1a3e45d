import type { CardFact, CardSource } from '../../lib/domain/card';
import { formatPartialDate } from '../../lib/cards/display-text';
import { StatusBadge } from './StatusBadge';
import { useDisclosure } from './useDisclosure';

interface FactItemProps {
  fact: CardFact;
  sources: ReadonlyMap<string, CardSource>;
}

/** One fact: our claim, its status and date, where it comes from, and the verbatim quote on demand. */
export function FactItem({ fact, sources }: FactItemProps) {
  const quote = useDisclosure();
  const origin = sources.get(fact.sourceId);
  const quoted = fact.quotedFromId ? sources.get(fact.quotedFromId) : origin;
  return (
    <li className="fl-card-fact" data-fact-id={fact.id}>
      <p className="fl-card-claim">{fact.claim}</p>
      <div className="fl-card-fact-meta">
        <StatusBadge status={fact.status} />
        <time dateTime={fact.asOf}>as of {formatPartialDate(fact.asOf)}</time>
        {origin && <span>{origin.publisher}</span>}
        <button className="fl-link-button" {...quote.toggle}>
          {quote.open ? 'Hide quote' : 'Quote'}
        </button>
      </div>
      <blockquote className="fl-card-quote" {...quote.region}>
        <p>“{fact.quote}”</p>
        {quoted && <footer>— {quoted.title}</footer>}
      </blockquote>
    </li>
  );
}
