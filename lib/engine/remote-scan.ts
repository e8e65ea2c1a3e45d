import type { MatchedAlias, ScanResult } from './types';

/**
 * Matching a small document in the background (issue 13): the content script sends the
 * texts of its segments, the background scans them with the matcher it keeps decoded, and
 * answers with exactly what a local scan gives, plus who each alias found stands for, so the
 * page never receives or decodes the whole automaton.
 */

/** An alias found in the texts: who it stands for and its context terms (empty: not gated). */
export interface RemoteAlias extends MatchedAlias {
  terms: number[];
}

export interface RemoteScan {
  /** The matcher's cache key: which pack versions matched (lib/store/matcher-cache.ts). */
  key: string;
  /** `results[i]` is the matcher's `scan(texts[i])`. */
  results: ScanResult[];
  /** Every alias that occurs in `results`, by alias index. */
  aliases: Record<number, RemoteAlias>;
  /** The text of every context term in `results`' `contextHits`, by term index. */
  terms: Record<number, string>;
  /**
   * When the texts hold a candidate: the entities (`packId/entityId`) the reader muted on the
   * sender's site, so the first paint already leaves them out without a request of its own.
   */
  muted?: string[];
}

/** What the background scans with: a decoded matcher (lib/engine/matcher/matcher.ts). */
export interface ScanningMatcher {
  readonly key: string;
  scan(text: string): ScanResult;
  alias(index: number): MatchedAlias;
  contextTermIdsOf(alias: number): readonly number[];
  contextTerm(term: number): string;
}

/** The background's answer to `matchTexts`. */
export function scanRemotely(matcher: ScanningMatcher, texts: readonly string[]): RemoteScan {
  const aliases: Record<number, RemoteAlias> = {};
  const terms: Record<number, string> = {};
  const results = texts.map((text) => {
    const result = matcher.scan(text);
    for (const { alias } of result.candidates) {
      aliases[alias] ??= { ...matcher.alias(alias), terms: [...matcher.contextTermIdsOf(alias)] };
    }
    for (const term of result.contextHits) terms[term] ??= matcher.contextTerm(term);
    return result;
  });
  return { key: matcher.key, results, aliases, terms };
}

/**
 * A document whose text stays under this many UTF-16 units is matched in the background;
 * past it, the content script loads the local matcher and matches itself. The background
 * path costs the page less at every size, because the local path evaluates the matcher's
 * script and decodes the whole matcher in the page. So the page does not set the limit; the
 * background does: it is one thread for every tab and frame, so a request at the limit must
 * take it less time than sending a large matcher to the page would, and no more than a slice
 * of the page's own budget; larger documents (a long article) match locally and cannot hold
 * the shared worker for long.
 * Set from `npm run bench -- --section match-path` (bench/README.md; the figures behind it
 * are in bench/results/history-notes.md).
 */
export const SMALL_DOCUMENT_CHARS = 256_000;

/** The most text one `matchTexts` request may carry (the background refuses more). */
export const REMOTE_SCAN_MAX_CHARS = SMALL_DOCUMENT_CHARS;
