import { useId, useState } from 'react';
import type { CardFact, CardSource } from '../../lib/cards/card-data';
import { formatPartialDate } from '../../lib/cards/format';
import { StatusBadge } from './StatusBadge';

interface FactItemProps {
  fact: CardFact;
  sources: ReadonlyMap<string, CardSource>;
}

/** One fact: our claim, its status and date, where it comes from, and the verbatim quote on demand. */
export function FactItem({ fact, sources }: FactItemProps) {
  const [quoteOpen, setQuoteOpen] = useState(false);
  const quoteId = useId();
  const origin = sources.get(fact.sourceId);
  const quoted = fact.quotedFromId ? sources.get(fact.quotedFromId) : origin;
  return (
    <li className="fact" data-fact-id={fact.id}>
      <p className="claim">{fact.claim}</p>
      <div className="fact-meta">
        <StatusBadge status={fact.status} />
        <time dateTime={fact.asOf}>as of {formatPartialDate(fact.asOf)}</time>
        {origin && <span className="fact-origin">{origin.publisher}</span>}
        <button
          type="button"
          className="link-button"
          aria-expanded={quoteOpen}
          aria-controls={quoteId}
          onClick={() => setQuoteOpen((open) => !open)}
        >
          {quoteOpen ? 'Hide quote' : 'Quote'}
        </button>
      </div>
      <blockquote id={quoteId} className="quote" hidden={!quoteOpen}>
        <p>“{fact.quote}”</p>
        {quoted && <footer>— {quoted.title}</footer>}
      </blockquote>
    </li>
  );
}
