import { loadSearchDocuments, searchIndexKey } from './search-documents';
import { SearchIndex, type SearchIndexJSON } from './search-index';
import type { PackDatabase } from '../store/pack-database';

/**
 * The popup's search index for the enabled packs: revived from IndexedDB when the pack
 * versions are unchanged, otherwise built from the rows and stored (replacing any older
 * entry). Building over 10,000 entities and 50,000 facts takes seconds (bench/README.md,
 * "Search latency"), reviving the stored JSON a fraction of that, so the popup pays for a
 * build once per pack change instead of on every opening. Titles are shown in the reader's
 * `preferred` languages (issue 15), part of the key: a change of language builds once.
 */
export async function cachedSearchIndex(
  db: PackDatabase,
  now: () => number,
  preferred: readonly string[] = [],
): Promise<SearchIndex> {
  const cached = await db.transaction('r', [db.packs, db.searchIndexes], async () => {
    const enabled = (await db.packs.toArray()).filter((pack) => pack.enabled);
    return db.searchIndexes.get(searchIndexKey(enabled, preferred));
  });
  const revived = cached ? revive(cached.json) : null;
  if (revived) return revived;
  // Read in a transaction of its own: if packs changed since the lookup, the index is built
  // from, and stored under the key of, what is installed now.
  const { key, documents } = await loadSearchDocuments(db, preferred);
  const index = SearchIndex.build(documents);
  try {
    const json = JSON.stringify(index);
    await db.transaction('rw', db.searchIndexes, async () => {
      await db.searchIndexes.clear();
      await db.searchIndexes.put({ key, json, builtAt: now() });
    });
  } catch {
    // A cache that cannot be written (quota) only makes the next opening slower.
  }
  return index;
}

/** `null` for an entry this code cannot read (another `SEARCH_INDEX_VERSION`, damaged): it is rebuilt. */
function revive(json: string): SearchIndex | null {
  try {
    return SearchIndex.fromJSON(JSON.parse(json) as SearchIndexJSON);
  } catch {
    return null;
  }
}
