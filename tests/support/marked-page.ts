import { compileMatcher } from '../../lib/engine/matcher/compile';
import { Matcher } from '../../lib/engine/matcher/matcher';
import {
  MentionIndex,
  type Density,
  type RelevanceSource,
} from '../../lib/engine/page/mention-index';
import { createRelevance } from '../../lib/engine/page/relevance';
import type { Painter } from '../../lib/engine/page/painter';
import { collectSegments } from '../../lib/engine/page/segments';
import type { AliasSpec } from '../../lib/engine/types';

/**
 * Small matchers and marked documents for the page-side unit tests (lib/engine/page,
 * lib/content): the real matcher and mention index over whatever the test put in the DOM.
 */

/** An alias of pack `p`, named after its text (`Doubao` → entity `p/doubao`). */
export function aliasOf(
  text: string,
  entityKind: AliasSpec['entityKind'] = 'product',
  extra: Partial<AliasSpec> = {},
): AliasSpec {
  return {
    text,
    case: 'insensitive',
    packId: 'p',
    entityId: text.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    entityKind,
    ...extra,
  };
}

/** The decoded matcher over these aliases. */
export function matcherOf(aliases: readonly AliasSpec[], key = 'test'): Matcher {
  return Matcher.fromCompiled(compileMatcher([...aliases], key));
}

/** The nearness rules, built at once: what the content script loads on first need. */
export const NOW: RelevanceSource = { create: createRelevance };

/** A painter that paints nothing: for tests that only read the index. */
export const NO_PAINTER: Painter = { paint: () => {}, clear: () => {} };

/** Scans everything under `root` once, synchronously, into a new index (and paints it). */
export function markedIndex(
  root: Node,
  matcher: Matcher,
  options: { painter?: Painter; density?: Density } = {},
): MentionIndex {
  const index = new MentionIndex(matcher, options.painter ?? NO_PAINTER, {
    ...options,
    relevance: NOW,
  });
  addScanned(index, matcher, root);
  index.paint();
  return index;
}

/** Adds the segments under `root`, scanned here: what a local scanner hands the index. */
export function addScanned(index: MentionIndex, matcher: Matcher, root: Node): void {
  const { segments } = collectSegments(root);
  index.add(
    segments,
    segments.map((segment) => matcher.scan(segment.text)),
  );
}
