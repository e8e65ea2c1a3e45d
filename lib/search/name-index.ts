import type { SearchDocument } from './search-documents';
import { nameKey } from './tokenize';

/**
 * Names only, by prefix, in a sorted array: every entity name and alias and every proposition
 * and source title, once from each word (and each CJK character) on. Answers the queries the
 * full-text index should not (see `plan.ts`): one or two typed characters, and words so
 * common that ranking every text containing them would blow the keystroke budget. A binary
 * search and a walk over the matches, no scoring: tens of microseconds.
 */

export interface NameMatch {
  /** Position of the document in the documents array. */
  n: number;
  /** The whole query is the whole name (or alias, or title). */
  exact: boolean;
}

/** Names longer than this rank the same; no alias or title is anywhere near it. */
const MAX_RANKED_LENGTH = 9_999;
/** Added to the rank of a match at a later word, so every match at a name's start comes first. */
const LATER_WORD = 10_000;

export class NameIndex {
  private constructor(
    private readonly keys: readonly string[],
    private readonly documents: Int32Array,
    /** Lower is better: the name's key length, plus a penalty when the match is not at its start. */
    private readonly ranks: Int32Array,
  ) {}

  static build(documents: readonly SearchDocument[]): NameIndex {
    const rows: { key: string; n: number; rank: number }[] = [];
    documents.forEach((document, n) => {
      if (document.kind === 'fact') return;
      for (const name of new Set([document.title, ...document.aliases])) {
        const { key, starts } = nameKey(name);
        const length = Math.min(key.length, MAX_RANKED_LENGTH);
        for (const start of starts) {
          rows.push({ key: key.slice(start), n, rank: start === 0 ? length : length + LATER_WORD });
        }
      }
    });
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return new NameIndex(
      rows.map((row) => row.key),
      Int32Array.from(rows, (row) => row.n),
      Int32Array.from(rows, (row) => row.rank),
    );
  }

  /** First position whose key is not below `prefix`. */
  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.keys[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Documents with a name starting, at a word, with `prefix` (a `nameKey`), best first: exact
   * names, then names that start with it, then names with a later word starting with it;
   * shorter names first, since the shorter the name the more of it was typed.
   */
  find(prefix: string): NameMatch[] {
    if (prefix === '') return [];
    // Per document, its best entry: -1 for an exact name, else the entry's rank.
    const best = new Map<number, number>();
    for (let at = this.lowerBound(prefix); at < this.keys.length; at++) {
      const key = this.keys[at] ?? '';
      if (!key.startsWith(prefix)) break;
      const n = this.documents[at] ?? 0;
      const rank = this.ranks[at] ?? 0;
      const score = key === prefix && rank < LATER_WORD ? -1 : rank;
      const seen = best.get(n);
      if (seen === undefined || score < seen) best.set(n, score);
    }
    return [...best]
      .sort(([an, a], [bn, b]) => a - b || an - bn)
      .map(([n, score]) => ({ n, exact: score < 0 }));
  }
}
