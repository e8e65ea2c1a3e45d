import { useEffect, useState } from 'react';
import { request } from '../../lib/messaging/client';
import { cachedSearchIndex } from '../../lib/search/cache';
import type { SearchDocument } from '../../lib/search/search-documents';
import type { SearchIndex } from '../../lib/search/search-index';
import { PackDatabase } from '../../lib/store/pack-database';
import { preferredPackLanguages } from '../text-languages';

export type SearchState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; index: SearchIndex; propositions: SearchDocument[] };

/**
 * The search index over the enabled packs, built once when the popup opens (the popup is
 * an extension page, so it reads IndexedDB itself). The background is asked first: it
 * installs the bundled pack when the database is empty, so a first run never shows nothing.
 */
export function useSearchIndex(): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const db = new PackDatabase();
    void (async () => {
      try {
        const packs = await request('listPacks');
        if (!packs.ok) throw new Error(packs.error.message);
        // Built once per set of pack versions and kept in IndexedDB: rebuilding the index of
        // a 60,000-document pack set on every popup open would take seconds.
        // Titles in the reader's language, like the cards (a change of language builds once).
        const index = await cachedSearchIndex(db, Date.now, await preferredPackLanguages());
        const propositions = index.documentsOfKind('proposition');
        if (live) setState({ status: 'ready', index, propositions });
      } catch (error) {
        if (live)
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      } finally {
        db.close();
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return state;
}
