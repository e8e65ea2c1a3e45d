import { useMemo, useState } from 'react';
import type { EntityRef } from '../../lib/domain/entity';
import type { SearchDocument } from '../../lib/search/search-documents';
import type { SearchHit } from '../../lib/search/search-index';
import { t } from '../i18n';
import { Message } from '../Message';
import { PackList } from '../PackList';
import { usePacks } from '../usePacks';
import { useSettings } from '../useSettings';
import { Controls } from './Controls';
import { EntityPanel } from './EntityPanel';
import { OnThisPage } from './OnThisPage';
import { flattenResults, hitId, SearchResultsList } from './SearchResultsList';
import { useSearchIndex } from './useSearch';
import { usePageTab } from './usePageTab';

type View =
  | { kind: 'search' }
  | { kind: 'entity'; entity: EntityRef }
  | { kind: 'item'; title: string; text: string; label: string };

/**
 * The popup: search every pack, see what is on this page, pause or switch off the site.
 * Focus starts in the search box; arrows move through results and Enter opens one.
 */
export function PopupApp() {
  const search = useSearchIndex();
  const settings = useSettings();
  const page = usePageTab();
  const packs = usePacks();
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [view, setView] = useState<View>({ kind: 'search' });
  const [activeId, setActiveId] = useState<string | null>(null);

  const results = useMemo(
    () => (search.status === 'ready' && query.trim() ? search.index.search(query) : null),
    [search, query],
  );
  const hits = useMemo(() => (results ? flattenResults(results) : []), [results]);
  const active = hits.find((hit) => hitId(hit) === activeId) ?? hits[0] ?? null;

  const open = (hit: SearchHit) => {
    if (hit.opens) setView({ kind: 'entity', entity: hit.opens });
    else
      setView({
        kind: 'item',
        title: hit.title,
        text: hit.snippet,
        label: t(`docKind_${hit.kind}`),
      });
  };
  const openDocument = (doc: SearchDocument) =>
    setView({ kind: 'item', title: doc.title, text: doc.text, label: t(`docKind_${doc.kind}`) });

  if (view.kind === 'entity') {
    return (
      <main className="fl-popup">
        <EntityPanel entity={view.entity} onBack={() => setView({ kind: 'search' })} />
      </main>
    );
  }
  if (view.kind === 'item') {
    return (
      <main className="fl-popup">
        <button
          type="button"
          className="fl-popup-back"
          autoFocus
          onClick={() => setView({ kind: 'search' })}
        >
          {t('popup_backToResults')}
        </button>
        <article>
          <p className="fl-overline fl-popup-item-label">{view.label}</p>
          <h2 className="fl-popup-item-title">{view.title}</h2>
          <p>{view.text}</p>
        </article>
      </main>
    );
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    const at = active ? hits.indexOf(active) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = hits[(at + step + hits.length) % hits.length];
      if (next) setActiveId(hitId(next));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      open(active);
    }
  };

  return (
    <main className="fl-popup">
      <header className="fl-popup-header">
        <h1>{t('extName')}</h1>
        <Controls handle={settings} tab={page} />
      </header>
      <input
        className="fl-popup-search"
        type="search"
        placeholder={t('popup_searchPlaceholder')}
        aria-label={t('popup_searchLabel')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={active ? hitId(active) : undefined}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActiveId(null);
        }}
        onKeyDown={onKeyDown}
      />
      {search.status === 'loading' && <p className="fl-muted">{t('popup_preparingSearch')}</p>}
      {search.status === 'error' && (
        <p role="alert" className="fl-error">
          {t('popup_searchUnavailable', search.message)}
        </p>
      )}
      {results && hits.length === 0 && (
        <p className="fl-muted" role="status">
          {t('popup_noMatch', query.trim())}
        </p>
      )}
      {results?.namesOnly && (
        <p className="fl-muted" role="status">
          {t('popup_namesOnly')}
        </p>
      )}
      {results && hits.length > 0 && (
        <SearchResultsList
          results={results}
          activeId={active ? hitId(active) : null}
          onOpen={open}
          onHover={(hit) => setActiveId(hitId(hit))}
        />
      )}
      {!results && (
        <>
          <section aria-labelledby="on-page-heading">
            <h2 id="on-page-heading" className="fl-overline">
              {t('popup_onThisPage')}
            </h2>
            <OnThisPage tab={page} reveal={page.reveal} />
          </section>
          {search.status === 'ready' && search.propositions.length > 0 && (
            <section aria-labelledby="propositions-heading">
              <h2 id="propositions-heading" className="fl-overline">
                {t('heading_propositions')}
              </h2>
              <ul className="fl-popup-overview">
                {search.propositions.map((doc) => (
                  <li key={`${doc.packId}/${doc.id}`}>
                    <button
                      type="button"
                      className="fl-popup-overview-item"
                      onClick={() => openDocument(doc)}
                    >
                      {doc.title}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="packs-heading">
            <h2 id="packs-heading" className="fl-overline">
              {t('popup_installedPacks')}
            </h2>
            {packs.status === 'loading' && <p className="fl-muted">{t('loading')}</p>}
            {packs.status === 'error' && (
              <p role="alert" className="fl-error">
                {t('popup_packsError', packs.error.message)}
              </p>
            )}
            {packs.status === 'ready' && <PackList packs={packs.packs} />}
          </section>
          <p className="fl-popup-footer">
            <a href="/options.html" target="_blank" rel="noopener">
              {t('popup_settings')}
            </a>{' '}
            ·{' '}
            <Message
              id="popup_keysHint"
              parts={[
                <>
                  <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd>
                </>,
              ]}
            />
          </p>
        </>
      )}
    </main>
  );
}
