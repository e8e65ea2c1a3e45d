import type { CardProposition } from '../../lib/domain/card';
import { useDisclosure } from './useDisclosure';
import { packLang } from './pack-lang';

/** A proposition that expands to its summary. */
export function PropositionItem({
  proposition,
  cardLang,
}: {
  proposition: CardProposition;
  /** The card's language (`EntityCard.lang`), which the texts may differ from. */
  cardLang: string;
}) {
  const summary = useDisclosure();
  return (
    <li data-proposition-id={proposition.id}>
      <button className="fl-card-proposition-toggle" {...summary.toggle}>
        <span aria-hidden="true" className="fl-card-disclosure">
          {summary.open ? '▾' : '▸'}
        </span>
        <span lang={packLang(cardLang, proposition.titleLang)}>{proposition.title}</span>
      </button>
      <p
        className="fl-card-proposition-summary"
        lang={packLang(cardLang, proposition.summaryLang)}
        {...summary.region}
      >
        {proposition.summary}
      </p>
    </li>
  );
}
