import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchDocument } from './search-documents';
import { ForwardIndex, type ForwardIndexJSON } from './forward-index';
import { FIELD_BOOST, INDEXED_FIELDS, termFuzzy, termPrefix } from './query-options';
import { tokenize } from './tokenize';

/**
 * The full-text part of the search index (`SearchIndex` adds the documents and the name
 * index): the MiniSearch instance and what we keep beside it, all filled in the same pass over the
 * documents: the vocabulary with each term's document frequency (MiniSearch has no public API
 * for it, and the query planner needs it before searching) and the forward index.
 */

/** A document as MiniSearch sees it: `n` is its position in the documents array. */
export interface IndexedFields {
  n: number;
  title?: string;
  aliases?: string;
  claim?: string;
  text: string;
  translations?: string;
}

export interface Vocabulary {
  /** Every indexed term → its id, as a radix tree for prefix and fuzzy lookups. */
  ids: SearchableMap<number>;
  /** Term id → number of documents containing the term. */
  frequency: Int32Array;
}

export interface FullTextIndex {
  mini: MiniSearch<IndexedFields>;
  vocabulary: Vocabulary;
  forward: ForwardIndex;
}

/** `FullTextIndex` as plain data. */
export interface FullTextIndexJSON {
  mini: AsPlainObject;
  /** Terms in id order, each with its document frequency. */
  vocabulary: [string, number][];
  forward: ForwardIndexJSON;
}

/**
 * The same options for building and loading (MiniSearch requires it). `onTerms` sees the terms
 * of every field as it is indexed; queries go through the same `tokenize`.
 */
function miniSearchOptions(onTerms?: (terms: string[]) => void): Options<IndexedFields> {
  return {
    idField: 'n',
    fields: INDEXED_FIELDS,
    tokenize: (text) => {
      const terms = tokenize(text);
      onTerms?.(terms);
      return terms;
    },
    // `tokenize` already folded; MiniSearch's default would lowercase every term again.
    processTerm: (term) => term,
    searchOptions: {
      prefix: termPrefix,
      fuzzy: termFuzzy,
      maxFuzzy: 2,
      combineWith: 'AND',
      boost: { ...FIELD_BOOST },
    },
  };
}

/**
 * Fields a document does not have are left out rather than empty: MiniSearch skips a missing
 * field, while an empty one would count in the field's average length and skew BM25.
 */
function toIndexed(document: SearchDocument, n: number): IndexedFields {
  const indexed: IndexedFields = { n, text: document.text };
  if (document.kind === 'fact') indexed.claim = document.title;
  else indexed.title = document.title;
  // One alias per line: a line break ends a CJK run, so no bigram spans two aliases.
  if (document.aliases.length > 0) indexed.aliases = document.aliases.join('\n');
  if (document.translations.length > 0) indexed.translations = document.translations.join('\n');
  return indexed;
}

/** Terms in id order with their document frequencies → `Vocabulary`. */
export function vocabularyOf(terms: readonly (readonly [string, number])[]): Vocabulary {
  return {
    ids: SearchableMap.from(terms.map(([term], id): [string, number] => [term, id])),
    frequency: Int32Array.from(terms, ([, documents]) => documents),
  };
}

export function buildFullTextIndex(documents: readonly SearchDocument[]): FullTextIndex {
  const ids = new Map<string, number>();
  const frequency: number[] = [];
  const forward = ForwardIndex.builder();
  let seen: Set<number> | null = null;
  const mini = new MiniSearch<IndexedFields>(
    miniSearchOptions((terms) => {
      if (!seen) return;
      for (const term of terms) {
        let id = ids.get(term);
        if (id === undefined) {
          id = frequency.push(0) - 1;
          ids.set(term, id);
        }
        seen.add(id);
      }
    }),
  );
  documents.forEach((document, n) => {
    seen = new Set();
    mini.add(toIndexed(document, n));
    for (const id of seen) frequency[id] = (frequency[id] ?? 0) + 1;
    forward.add(seen);
  });
  // Queries are tokenized by the same function; they must not count.
  seen = null;
  const terms = [...ids.keys()].map((term, id): [string, number] => [term, frequency[id] ?? 0]);
  return { mini, vocabulary: vocabularyOf(terms), forward: forward.finish() };
}

export function fullTextIndexToJSON({
  mini,
  vocabulary,
  forward,
}: FullTextIndex): FullTextIndexJSON {
  const terms: [string, number][] = [];
  for (const [term, id] of vocabulary.ids) terms[id] = [term, vocabulary.frequency[id] ?? 0];
  return { mini: mini.toJSON(), vocabulary: terms, forward: forward.toJSON(terms.length) };
}

export function fullTextIndexFromJSON(json: FullTextIndexJSON): FullTextIndex {
  return {
    mini: MiniSearch.loadJS(json.mini, miniSearchOptions()),
    vocabulary: vocabularyOf(json.vocabulary),
    forward: ForwardIndex.fromJSON(json.forward),
  };
}

/**
 * The indexed terms a query term matches, by id, with the rules `search` uses (itself, and
 * prefix and fuzzy expansions where `termPrefix` and `termFuzzy` allow them). Walks the
 * vocabulary only, never a posting list.
 */
export function expansions({ ids }: Vocabulary, term: string): Map<string, number> {
  const found = new Map<string, number>();
  const exact = ids.get(term);
  if (exact !== undefined) found.set(term, exact);
  if (termPrefix(term)) for (const [expansion, id] of ids.atPrefix(term)) found.set(expansion, id);
  const fuzzy = termFuzzy(term);
  if (fuzzy !== false) {
    for (const [expansion, [id]] of ids.fuzzyGet(term, fuzzy)) found.set(expansion, id);
  }
  return found;
}

/**
 * How many documents `term` can match at most: the document frequencies of its expansions,
 * summed (a document with two of them counts twice).
 */
export function estimateMatches(vocabulary: Vocabulary, term: string): number {
  let total = 0;
  for (const id of expansions(vocabulary, term).values()) total += vocabulary.frequency[id] ?? 0;
  return total;
}
