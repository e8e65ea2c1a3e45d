import type { SearchResult } from 'minisearch';
import {
  SEARCH_INDEX_VERSION,
  SEARCH_KINDS,
  type SearchDocument,
  type SearchKind,
} from './search-documents';
import {
  buildFullTextIndex,
  fullTextIndexFromJSON,
  fullTextIndexToJSON,
  expansions,
  type FullTextIndex,
  type FullTextIndexJSON,
} from './full-text-index';
import { toHit, type SearchHit } from './hits';
import { NameIndex } from './name-index';
import { PLAN_LIMITS, planQuery, type PlanLimits, type QueryPlan } from './plan';
import { cjkRuns, exactKey, isCjkTerm, tokenize } from './tokenize';

export type { SearchHit } from './hits';
export type { TextRange } from './highlight';

/**
 * Full-text search over the installed packs, for the popup: MiniSearch (BM25+, prefix and
 * fuzzy lookups in a radix tree) fed by our tokenizer, with our query plan, ranking and
 * highlighting around it. Built once per set of pack versions, queried on every keystroke.
 * Plain data in, plain data out: no DOM, no IndexedDB (see `cache.ts` for that).
 */

export interface SearchResults {
  entities: SearchHit[];
  propositions: SearchHit[];
  facts: SearchHit[];
  sources: SearchHit[];
  /** Matches per kind before `limit`, so the popup can say "and 40 more". */
  totals: Record<SearchKind, number>;
  /**
   * Only names were searched (entity names and aliases, proposition and source titles, by word
   * prefix), so there are no facts: the query was one or two characters, or so common that
   * ranking every text containing it would take too long (see `plan.ts`). The popup should
   * invite the user to type more.
   */
  namesOnly: boolean;
}

export interface SearchOptions {
  /** Results per kind; default 8. */
  limit?: number;
}

/** `SearchIndex.toJSON()`: plain data, storable in IndexedDB or sent in a message. */
export interface SearchIndexJSON {
  /** `SEARCH_INDEX_VERSION` of the code that built it. */
  format: number;
  documents: SearchDocument[];
  fullText: FullTextIndexJSON;
}

const GROUP = {
  entity: 'entities',
  proposition: 'propositions',
  fact: 'facts',
  source: 'sources',
} as const satisfies Record<SearchKind, keyof SearchResults>;

function emptyResults(namesOnly = false): SearchResults {
  return {
    entities: [],
    propositions: [],
    facts: [],
    sources: [],
    totals: { entity: 0, proposition: 0, fact: 0, source: 0 },
    namesOnly,
  };
}

/** Exact keys → documents. Facts are left out: a claim is a sentence, never typed whole. */
function exactIndex(documents: readonly SearchDocument[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  documents.forEach((document, n) => {
    if (document.kind === 'fact') return;
    for (const key of new Set([document.title, ...document.aliases].map(exactKey))) {
      const list = index.get(key);
      if (list) list.push(n);
      else index.set(key, [n]);
    }
  });
  return index;
}

function contains(document: SearchDocument, run: string): boolean {
  return (
    document.title.includes(run) ||
    document.text.includes(run) ||
    document.aliases.some((alias) => alias.includes(run)) ||
    document.translations.some((translation) => translation.includes(run))
  );
}

/** A document found, before it becomes a `SearchHit`. */
interface Found {
  n: number;
  exact: boolean;
  score: number;
  matches: (term: string) => boolean;
}

type TextPlan = Extract<QueryPlan, { kind: 'full' | 'narrowed' }>;

export class SearchIndex {
  private readonly exact: Map<string, number[]>;
  private readonly names: NameIndex;

  private constructor(
    private readonly documents: readonly SearchDocument[],
    private readonly fullText: FullTextIndex,
    private readonly limits: PlanLimits,
  ) {
    this.exact = exactIndex(documents);
    this.names = NameIndex.build(documents);
  }

  /** `limits` only for tests and measurements; see `plan.ts`. */
  static build(documents: readonly SearchDocument[], limits = PLAN_LIMITS): SearchIndex {
    return new SearchIndex(documents, buildFullTextIndex(documents), limits);
  }

  /** Throws on an index of another version: the caller rebuilds from the documents then. */
  static fromJSON(json: SearchIndexJSON, limits = PLAN_LIMITS): SearchIndex {
    if (json.format !== SEARCH_INDEX_VERSION) {
      throw new Error(`search index version ${json.format}, expected ${SEARCH_INDEX_VERSION}`);
    }
    return new SearchIndex(json.documents, fullTextIndexFromJSON(json.fullText), limits);
  }

  toJSON(): SearchIndexJSON {
    return {
      format: SEARCH_INDEX_VERSION,
      documents: [...this.documents],
      fullText: fullTextIndexToJSON(this.fullText),
    };
  }

  /** The indexed documents of one kind, in index order (the popup's overview of propositions). */
  documentsOfKind(kind: SearchKind): SearchDocument[] {
    return this.documents.filter((document) => document.kind === kind);
  }

  get documentCount(): number {
    return this.documents.length;
  }

  /** Results grouped by kind; an empty or punctuation-only query finds nothing. */
  search(query: string, { limit = 8 }: SearchOptions = {}): SearchResults {
    const terms = tokenize(query);
    const plan = planQuery(terms, this.fullText.vocabulary, this.limits);
    if (plan.kind === 'none') return emptyResults();
    const latin = terms.filter((term) => !isCjkTerm(term));
    const runs = cjkRuns(query);
    const found =
      plan.kind === 'names' ? this.byName(query, latin) : this.byText(query, terms, plan);
    // AND-ed bigrams would also accept "吴永 … 永辉": a CJK run must occur as typed.
    const longRuns = runs.filter((run) => [...run].length > 1);
    const groups: Record<SearchKind, Found[]> = {
      entity: [],
      proposition: [],
      fact: [],
      source: [],
    };
    for (const item of found) {
      const document = this.documents[item.n];
      if (document && longRuns.every((run) => contains(document, run))) {
        groups[document.kind].push(item);
      }
    }
    const results = emptyResults(plan.kind === 'names');
    for (const kind of SEARCH_KINDS) {
      const ranked = groups[kind];
      results.totals[kind] = ranked.length;
      // Both paths hand results over best first; the sort is stable, so this only lifts
      // exact matches above the rest.
      ranked.sort((a, b) => Number(b.exact) - Number(a.exact));
      results[GROUP[kind]] = ranked.slice(0, limit).map(({ n, exact, score, matches }) =>
        toHit(this.documents[n] as SearchDocument, {
          score,
          exact,
          matched: { queryTerms: latin, cjkRuns: runs, matches },
        }),
      );
    }
    return results;
  }

  /** The `names` plan: names with a word starting with what was typed; no text score. */
  private byName(query: string, latin: readonly string[]): Found[] {
    const matches = (term: string) => latin.some((typed) => term.startsWith(typed));
    return this.names
      .find(exactKey(query))
      .map(({ n, exact }) => ({ n, exact, score: 0, matches }));
  }

  private byText(query: string, terms: readonly string[], plan: TextPlan): Found[] {
    const exact = new Set(this.exact.get(exactKey(query)));
    const { mini, vocabulary, forward } = this.fullText;
    const found = (result: SearchResult, alsoMatches?: (term: string) => boolean): Found => {
      const n = result.id as number;
      // Only the hits shown are highlighted: no set for the thousand that are only counted.
      let matched: Set<string> | undefined;
      const matches = (term: string) =>
        (matched ??= new Set(result.terms)).has(term) || (alsoMatches?.(term) ?? false);
      return { n, exact: exact.has(n), score: result.score, matches };
    };
    if (plan.kind === 'full') return mini.search(query).map((result) => found(result));
    // `narrowed`: the rare term's matches, kept when they contain each other term too.
    const wanted = terms
      .filter((term) => term !== plan.term)
      .map((term) => {
        const ids = new Uint8Array(vocabulary.frequency.length);
        for (const id of expansions(vocabulary, term).values()) ids[id] = 1;
        return ids;
      });
    const matchesOther = (term: string) => {
      const id = vocabulary.ids.get(term);
      return id !== undefined && wanted.some((ids) => ids[id] === 1);
    };
    return mini
      .search(plan.term)
      .filter((result) => wanted.every((ids) => forward.containsAny(result.id as number, ids)))
      .map((result) => found(result, matchesOther));
  }
}
