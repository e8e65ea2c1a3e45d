import type { CardFact, CardSource } from '../../lib/domain/card';
import { formatPartialDate } from '../../lib/cards/display-text';
import { t, ui } from '../i18n';
import { StatusBadge } from './StatusBadge';
import { useDisclosure } from './useDisclosure';
import { packLang } from './pack-lang';

interface FactItemProps {
  fact: CardFact;
  sources: ReadonlyMap<string, CardSource>;
  /** The card's language (`EntityCard.lang`), which the claim and quote may differ from. */
  cardLang: string;
}

/** One fact: our claim, its status and date, where it comes from, and the verbatim quote on demand. */
export function FactItem({ fact, sources, cardLang }: FactItemProps) {
  const quote = useDisclosure();
  const origin = sources.get(fact.sourceId);
  const quoted = fact.quotedFromId ? sources.get(fact.quotedFromId) : origin;
  return (
    <li className="fl-card-fact" data-fact-id={fact.id}>
      <p className="fl-card-claim" lang={packLang(cardLang, fact.claimLang)}>
        {fact.claim}
      </p>
      <div className="fl-card-fact-meta">
        <StatusBadge status={fact.status} />
        <time dateTime={fact.asOf}>{t('card_asOf', formatPartialDate(fact.asOf, ui.locale))}</time>
        {origin && <span>{origin.publisher}</span>}
        <button className="fl-link-button" {...quote.toggle}>
          {t(quote.open ? 'card_hideQuote' : 'card_quote')}
        </button>
      </div>
      <blockquote className="fl-card-quote" {...quote.region}>
        {/* The source's own words, in its language: never translated (issue 15). */}
        <p lang={packLang(cardLang, fact.quoteLang)}>“{fact.quote}”</p>
        {quoted && <footer>— {quoted.title}</footer>}
      </blockquote>
    </li>
  );
}
