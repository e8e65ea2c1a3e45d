import { useRef } from 'react';
import { kindLabel } from '../../lib/cards/display-text';
import { formatCount } from '../../lib/i18n/ui-text';
import { t, ui } from '../i18n';
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
  if (tab.status === 'loading') return <p className="fl-muted">{t('popup_lookingAtPage')}</p>;
  if (tab.status === 'unavailable') {
    return <p className="fl-muted">{t('popup_notRunning')}</p>;
  }
  if (tab.entities.length === 0) {
    return <p className="fl-muted">{t('popup_nothingOnPage')}</p>;
  }
  return (
    <>
      <ul className="fl-popup-on-page" aria-label={t('popup_entitiesOnPage')}>
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
              <span className="fl-popup-on-page-kind">{kindLabel(ui, entity.kind)}</span>
              <span
                className="fl-popup-on-page-count"
                aria-label={t('popup_mentions', formatCount(ui, entity.count))}
              >
                {formatCount(ui, entity.count)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {tab.capped && <p className="fl-muted">{t('popup_capped')}</p>}
    </>
  );
}
