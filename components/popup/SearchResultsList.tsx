import type { SearchHit, SearchResults } from '../../lib/search/search-index';
import { kindLabel } from '../../lib/cards/display-text';
import { formatCount } from '../../lib/i18n/ui-text';
import { t, ui } from '../i18n';
import { packLang } from '../card/pack-lang';
import { Highlighted } from './Highlighted';

const GROUPS = [
  ['entities', 'heading_entities'],
  ['propositions', 'heading_propositions'],
  ['facts', 'heading_facts'],
  ['sources', 'heading_sources'],
] as const;

/** Every hit in the order shown, for arrow-key navigation. */
export function flattenResults(results: SearchResults): SearchHit[] {
  return GROUPS.flatMap(([group]) => results[group]);
}

export const hitId = (hit: SearchHit) => `hit-${hit.kind}-${hit.packId}-${hit.id}`;

interface Props {
  results: SearchResults;
  activeId: string | null;
  onOpen: (hit: SearchHit) => void;
  onHover: (hit: SearchHit) => void;
}

/**
 * Results grouped by kind, as one listbox: the search box keeps focus and points at the
 * active option with aria-activedescendant, so arrow keys and Enter work without a mouse.
 */
export function SearchResultsList({ results, activeId, onOpen, onHover }: Props) {
  return (
    <div
      id="search-results"
      role="listbox"
      aria-label={t('popup_searchResults')}
      className="fl-popup-results"
    >
      {GROUPS.map(([group, heading]) => {
        const label = t(heading);
        const hits = results[group];
        if (hits.length === 0) return null;
        const more = results.totals[hits[0]?.kind ?? 'entity'] - hits.length;
        return (
          <div key={group} role="group" aria-label={label}>
            <h2 className="fl-overline">{label}</h2>
            {hits.map((hit) => (
              <div
                key={hitId(hit)}
                id={hitId(hit)}
                role="option"
                aria-selected={activeId === hitId(hit)}
                className="fl-popup-result"
                data-kind={hit.kind}
                onClick={() => onOpen(hit)}
                onMouseMove={() => onHover(hit)}
              >
                <span className="fl-popup-result-title">
                  <span lang={hit.titleLang && packLang(hit.titleLang)}>
                    <Highlighted text={hit.title} ranges={hit.titleRanges} />
                  </span>
                  {hit.entityKind && (
                    <span className="fl-popup-result-kind">{kindLabel(ui, hit.entityKind)}</span>
                  )}
                </span>
                {hit.snippet && (
                  <span className="fl-popup-result-snippet">
                    <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
                  </span>
                )}
              </div>
            ))}
            {more > 0 && (
              <p className="fl-popup-result-more">{t('popup_more', formatCount(ui, more))}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
