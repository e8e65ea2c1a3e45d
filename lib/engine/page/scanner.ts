import type { MatchedAlias, ScanResult } from '../types';

/** Who each alias of a matcher stands for, and which context terms gate it. */
export interface AliasLookup {
  /** Who alias `index` stands for. */
  alias(index: number): MatchedAlias;
  /** Context-term indexes of an alias; empty when the alias is not gated. */
  contextTermIdsOf(alias: number): readonly number[];
  /** A context term's text (as the pack first spelled it), by index. */
  contextTerm(term: number): string;
}

/**
 * Where a document's text is matched. Locally, with a decoded matcher, the results are there
 * at once; a small document sends its text to the background instead (lib/content), and the
 * results come back later. Either way they are the matcher's `scan` of each text, in order.
 */
export interface TextScanner extends AliasLookup {
  scanTexts(texts: readonly string[]): readonly ScanResult[] | Promise<readonly ScanResult[]>;
  /**
   * Told before a text of `chars` characters is matched in chunks (page-marker.ts), so the
   * place it is matched is chosen for the whole text, not chunk by chunk.
   */
  expect?(chars: number): void;
  /**
   * How many characters the page marker walks before it matches them, while matching happens
   * here: then walking and matching share a slice, and matching (with the nearness rules) costs
   * a few times the walk, so an uncapped slice's walk made the slice several times its budget.
   * Omitted, or `Infinity` while the text goes to the background: a batch then costs only its
   * walk here, and fewer, larger batches mean fewer messages.
   */
  batchChars?(): number;
}

/**
 * A batch matched here. From `npm run bench -- --section page-scan`: on the densest generated
 * page (1 MB of Chinese naming the pack thousands of times) matching, gating and ranges cost
 * about 0.3 ms per 1,000 characters on the 2-core machine, so a batch of this size stays
 * within a few milliseconds on top of the slice's walk.
 */
export const LOCAL_BATCH_CHARS = 16_384;

/** What a decoded matcher (lib/engine/matcher/matcher.ts) offers. */
export interface LocalMatcher extends AliasLookup {
  scan(text: string): ScanResult;
}

/** Matches here, synchronously, with a decoded matcher. */
export function localScanner(matcher: LocalMatcher): TextScanner {
  return {
    alias: (index) => matcher.alias(index),
    contextTermIdsOf: (alias) => matcher.contextTermIdsOf(alias),
    contextTerm: (term) => matcher.contextTerm(term),
    scanTexts: (texts) => texts.map((text) => matcher.scan(text)),
    batchChars: () => LOCAL_BATCH_CHARS,
  };
}
