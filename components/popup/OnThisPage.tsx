import { useRef } from 'react';
import { KIND_LABELS } from '../../lib/cards/display-text';
import type { PageTabState } from './usePageTab';

interface Props {
  tab: PageTabState;
  reveal: (tabId: number, entityKey: string, occurrence: number) => Promise<boolean>;
}

/**
 * The entities Fact Lens marked on the current tab, in order of first appearance. A click
 * scrolls the page to the entity's first mention and flashes it; further clicks go on to
 * the next mentions.
 */
export function OnThisPage({ tab, reveal }: Props) {
  // Per entity: which mention the next click goes to.
  const nextOccurrence = useRef(new Map<string, number>());
  if (tab.status === 'loading') return <p className="fl-muted">Looking at this page…</p>;
  if (tab.status === 'unavailable') {
    return <p className="fl-muted">Fact Lens is not running on this page.</p>;
  }
  if (tab.entities.length === 0) {
    return <p className="fl-muted">Nothing from your packs is mentioned on this page.</p>;
  }
  return (
    <>
      <ul className="fl-popup-on-page" aria-label="Entities on this page">
        {tab.entities.map((entity) => (
          <li key={entity.entityKey}>
            <button
              type="button"
              className="fl-popup-on-page-item"
              data-entity-key={entity.entityKey}
              onClick={() => {
                const occurrence = nextOccurrence.current.get(entity.entityKey) ?? 0;
                nextOccurrence.current.set(entity.entityKey, occurrence + 1);
                void reveal(tab.tabId, entity.entityKey, occurrence);
              }}
            >
              <span className="fl-popup-on-page-name">{entity.firstText}</span>
              <span className="fl-popup-on-page-kind">{KIND_LABELS[entity.kind]}</span>
              <span className="fl-popup-on-page-count" aria-label={`${entity.count} mentions`}>
                {entity.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {tab.capped && (
        <p className="fl-muted">
          This page names more than Fact Lens marks on one page; only the first are marked.
        </p>
      )}
    </>
  );
}
