import { useMemo, useState } from 'react';
import type { EntityCard } from '../../lib/domain/card';
import type { MatchReason } from '../../lib/domain/match-reason';
import { kindLabel } from '../../lib/cards/display-text';
import { formatCount } from '../../lib/i18n/ui-text';
import { t, ui } from '../i18n';
import { FactItem } from './FactItem';
import { PropositionItem } from './PropositionItem';
import { SourceItem } from './SourceItem';
import { WhyMarked } from './WhyMarked';
import { packLang } from './pack-lang';

/**
 * Facts shown before "Show all": the newest few answer most hovers, and a short card
 * renders and paints in a fraction of the time a 15-fact card takes on a large page.
 */
export const FACTS_SHOWN = 4;

export interface EntityCardViewProps {
  card: EntityCard;
  /** The text that matched on the page; shown when it is not the entity's name. */
  matchedText?: string;
  /** Why the hovered mention is marked; only a card opened from a page has one. */
  why?: MatchReason;
  /** Ids for `aria-labelledby` / `aria-describedby` of the surrounding dialog. */
  headingId: string;
  summaryId: string;
  onOpenRelated?: (entityId: string) => void;
}

/**
 * Everything known about one entity: what it is, its propositions, facts newest first
 * with status, date and quote, the sources, and related entities. Shared by the hover card
 * and the popup. Pack text is only ever rendered as React text, never as HTML.
 */
export function EntityCardView(props: EntityCardViewProps) {
  const { card, matchedText, why, headingId, summaryId, onOpenRelated } = props;
  const { entity, pack } = card;
  const [allFacts, setAllFacts] = useState(false);
  const facts = allFacts ? card.facts : card.facts.slice(0, FACTS_SHOWN);
  const sources = useMemo(
    () => new Map(card.sources.map((source) => [source.id, source])),
    [card.sources],
  );
  const showMatched =
    matchedText !== undefined && matchedText.toLowerCase() !== entity.name.toLowerCase();
  return (
    <article data-entity-id={entity.id}>
      <header className="fl-card-entity-header">
        <h2
          id={headingId}
          className="fl-card-entity-name"
          lang={packLang(card.lang, entity.nameLang)}
        >
          {entity.name}
        </h2>
        <span className="fl-card-kind" data-kind={entity.kind}>
          {kindLabel(ui, entity.kind)}
        </span>
        {showMatched && <span className="fl-card-matched">{t('card_matchedAs', matchedText)}</span>}
        <span className="fl-card-pack-name">
          <span lang={packLang(card.lang, pack.titleLang)}>{pack.title}</span> · v{pack.version}
        </span>
      </header>
      <p id={summaryId} className="fl-card-summary" lang={packLang(card.lang, entity.summaryLang)}>
        {entity.summary}
      </p>
      {entity.whyNamed !== undefined && (
        <p className="fl-card-why-named" lang={packLang(card.lang, entity.whyNamedLang)}>
          {entity.whyNamed}
        </p>
      )}
      {why && <WhyMarked reason={why} entityName={entity.name} packTitle={pack.title} />}

      {card.propositions.length > 0 && (
        <section className="fl-card-section" aria-label={t('heading_propositions')}>
          <h3 className="fl-overline">
            {t(card.propositions.length === 1 ? 'heading_proposition' : 'heading_propositions')}
          </h3>
          <ul>
            {card.propositions.map((proposition) => (
              <PropositionItem
                key={proposition.id}
                proposition={proposition}
                cardLang={card.lang}
              />
            ))}
          </ul>
        </section>
      )}

      <section className="fl-card-section" aria-label={t('heading_facts')}>
        <h3 className="fl-overline">{t('heading_facts')}</h3>
        {card.facts.length === 0 ? (
          <p className="fl-muted">{t('card_noFacts', entity.name)}</p>
        ) : (
          <ol>
            {facts.map((fact) => (
              <FactItem key={fact.id} fact={fact} sources={sources} cardLang={card.lang} />
            ))}
          </ol>
        )}
        {facts.length < card.facts.length && (
          <button type="button" className="fl-link-button" onClick={() => setAllFacts(true)}>
            {t('card_showAllFacts', formatCount(ui, card.facts.length))}
          </button>
        )}
      </section>

      {card.sources.length > 0 && (
        <section className="fl-card-section" aria-label={t('heading_sources')}>
          <h3 className="fl-overline">{t('heading_sources')}</h3>
          <ul>
            {card.sources.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ul>
        </section>
      )}

      {card.related.length > 0 && (
        <section className="fl-card-section" aria-label={t('heading_related')}>
          <h3 className="fl-overline">{t('heading_related')}</h3>
          <ul className="fl-card-chips">
            {card.related.map((related) => (
              <li key={related.entityId}>
                <button
                  type="button"
                  className="fl-card-chip"
                  data-kind={related.kind}
                  onClick={() => onOpenRelated?.(related.entityId)}
                  disabled={!onOpenRelated}
                >
                  <span lang={packLang(card.lang, related.nameLang)}>{related.name}</span>
                  <span className="fl-card-chip-relation">{related.relation}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
