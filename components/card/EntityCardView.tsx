import { useMemo, useState } from 'react';
import type { EntityCard } from '../../lib/domain/card';
import type { MatchReason } from '../../lib/domain/match-reason';
import { KIND_LABELS } from '../../lib/cards/display-text';
import { FactItem } from './FactItem';
import { PropositionItem } from './PropositionItem';
import { SourceItem } from './SourceItem';
import { WhyMarked } from './WhyMarked';

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
        <h2 id={headingId} className="fl-card-entity-name">
          {entity.name}
        </h2>
        <span className="fl-card-kind" data-kind={entity.kind}>
          {KIND_LABELS[entity.kind]}
        </span>
        {showMatched && <span className="fl-card-matched">as “{matchedText}”</span>}
        <span className="fl-card-pack-name">
          {pack.title} · v{pack.version}
        </span>
      </header>
      <p id={summaryId} className="fl-card-summary">
        {entity.summary}
      </p>
      {entity.whyNamed !== undefined && <p className="fl-card-why-named">{entity.whyNamed}</p>}
      {why && <WhyMarked reason={why} entityName={entity.name} packTitle={pack.title} />}

      {card.propositions.length > 0 && (
        <section className="fl-card-section" aria-label="Propositions">
          <h3 className="fl-overline">
            {card.propositions.length === 1 ? 'Proposition' : 'Propositions'}
          </h3>
          <ul>
            {card.propositions.map((proposition) => (
              <PropositionItem key={proposition.id} proposition={proposition} />
            ))}
          </ul>
        </section>
      )}

      <section className="fl-card-section" aria-label="Facts">
        <h3 className="fl-overline">Facts</h3>
        {card.facts.length === 0 ? (
          <p className="fl-muted">This pack has no facts about {entity.name} yet.</p>
        ) : (
          <ol>
            {facts.map((fact) => (
              <FactItem key={fact.id} fact={fact} sources={sources} />
            ))}
          </ol>
        )}
        {facts.length < card.facts.length && (
          <button type="button" className="fl-link-button" onClick={() => setAllFacts(true)}>
            Show all {card.facts.length} facts
          </button>
        )}
      </section>

      {card.sources.length > 0 && (
        <section className="fl-card-section" aria-label="Sources">
          <h3 className="fl-overline">Sources</h3>
          <ul>
            {card.sources.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ul>
        </section>
      )}

      {card.related.length > 0 && (
        <section className="fl-card-section" aria-label="Related">
          <h3 className="fl-overline">Related</h3>
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
                  {related.name}
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
