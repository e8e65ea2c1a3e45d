import { sharedAttempt } from '../async/shared-attempt';
import { LOCAL_BATCH_CHARS, type LocalMatcher, type TextScanner } from '../engine/page/scanner';
import { SMALL_DOCUMENT_CHARS, type RemoteScan } from '../engine/remote-scan';
import type { MatchedAlias, ScanResult } from '../engine/types';

/** A decoded matcher, as the content script builds it from `getMatcher` when it matches here. */
export interface KeyedMatcher extends LocalMatcher {
  readonly key: string;
}

export interface HybridScannerOptions {
  /** Has the background match texts (the `matchTexts` request). */
  matchRemotely(texts: string[]): Promise<RemoteScan>;
  /** Fetches and decodes the whole matcher (the `getMatcher` request). */
  loadLocal(): Promise<KeyedMatcher>;
  /** Text, in UTF-16 units over the document's life, that may go to the background. */
  smallDocumentChars?: number;
  /** Tests force one path (a test-only build flag); readers always get the choice by size. */
  force?: 'remote' | 'local';
  /**
   * Told when answers came from two different pack sets (the packs changed between two
   * requests): alias numbers no longer agree, so the page must be matched afresh.
   */
  onStale?: () => void;
  /** Told the site's muted entities when the background sends them with an answer. */
  onMuted?: (entityKeys: readonly string[]) => void;
}

/**
 * Matches a document where it costs the page least (issue 13). Most frames (ads, widgets,
 * short pages) hold little text: it goes to the background, which keeps the matcher decoded,
 * and the frame never receives or decodes the automaton. Once a document's text passes
 * `smallDocumentChars` (at load or as it grows), the matcher is fetched once and every later
 * batch is matched here. Both give exactly the matcher's `scan` of each text.
 */
export class HybridScanner implements TextScanner {
  #sentChars = 0;
  #local: KeyedMatcher | null = null;
  /** Loads the matcher once (a failed load is retried by the next batch). */
  readonly #localLoad = sharedAttempt(async () => {
    const matcher = await this.options.loadLocal();
    this.#noteKey(matcher.key);
    this.#local = matcher;
    return matcher;
  });
  /** Set while a local load runs or once it succeeded: every later batch goes local too. */
  #wentLocal = false;
  /** Who the aliases found in the background stand for, and their context terms. */
  readonly #aliases = new Map<number, { alias: MatchedAlias; terms: readonly number[] }>();
  /** The texts of the context terms found in the background. */
  readonly #terms = new Map<number, string>();
  #key: string | null = null;

  constructor(private readonly options: HybridScannerOptions) {}

  /** Where the next batch of this many characters would be matched. */
  #matchesRemotely(chars: number): boolean {
    if (this.#wentLocal || this.options.force === 'local') return false;
    if (this.options.force === 'remote') return true;
    return this.#sentChars + chars <= (this.options.smallDocumentChars ?? SMALL_DOCUMENT_CHARS);
  }

  /** A long text is coming in chunks: one past the limit sends the document local at once. */
  expect(chars: number): void {
    if (!this.#matchesRemotely(chars)) this.#wentLocal = true;
  }

  scanTexts(texts: readonly string[]): readonly ScanResult[] | Promise<readonly ScanResult[]> {
    const local = this.#local;
    if (local) return texts.map((text) => local.scan(text));
    if (texts.length === 0) return [];
    let chars = 0;
    for (const text of texts) chars += text.length;
    if (this.#matchesRemotely(chars)) {
      this.#sentChars += chars;
      const copy = [...texts];
      // A request can be lost when the worker is stopped while it answers; the next one wakes
      // it. Asked twice, then the batch is matched here, so no text goes unmarked.
      return this.options
        .matchRemotely(copy)
        .catch(() => this.options.matchRemotely(copy))
        .then(
          (scan) => {
            this.#noteKey(scan.key);
            for (const [index, { terms, ...alias }] of Object.entries(scan.aliases)) {
              this.#aliases.set(Number(index), { alias, terms });
            }
            for (const [index, text] of Object.entries(scan.terms)) {
              this.#terms.set(Number(index), text);
            }
            // Before the results are applied, so muted entities are never painted at all.
            if (scan.muted) this.options.onMuted?.(scan.muted);
            return scan.results;
          },
          () => this.#scanLocally(copy),
        );
    }
    return this.#scanLocally(texts);
  }

  #scanLocally(texts: readonly string[]): Promise<readonly ScanResult[]> {
    this.#wentLocal = true;
    const loading = this.#localLoad.get();
    loading.catch(() => {
      if (!this.#local) this.#wentLocal = false;
    });
    return loading.then((matcher) => texts.map((text) => matcher.scan(text)));
  }

  /** Batches going local are matched here, and capped; those sent away are not. */
  batchChars(): number {
    return this.#matchesRemotely(0) ? Infinity : LOCAL_BATCH_CHARS;
  }

  alias(index: number): MatchedAlias {
    const remote = this.#aliases.get(index);
    if (remote) return remote.alias;
    if (this.#local) return this.#local.alias(index);
    throw new Error(`Alias ${index} was never found`);
  }

  contextTermIdsOf(alias: number): readonly number[] {
    return this.#aliases.get(alias)?.terms ?? this.#local?.contextTermIdsOf(alias) ?? [];
  }

  contextTerm(term: number): string {
    const text = this.#terms.get(term) ?? this.#local?.contextTerm(term);
    if (text === undefined) throw new Error(`Context term ${term} was never found`);
    return text;
  }

  #noteKey(key: string): void {
    if (this.#key !== null && this.#key !== key) this.options.onStale?.();
    this.#key = key;
  }
}
