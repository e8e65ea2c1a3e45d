import { Matcher } from '../matcher/matcher';
import type { CompiledMatcher } from '../types';
import { MentionIndex, type Density } from './engine';
import { createHighlightPainter, type Painter } from './painter';
import type { LocalMatcher } from './scanner';
import { collectSegments } from './segments';

/** The steps of a synchronous scan, in order: reviving the matcher, walking, matching, painting. */
export type ScanPhase = 'decode' | 'walk' | 'match' | 'paint';

export interface MarkOptions {
  density?: Density;
  /** Called as each phase ends, so a benchmark can time them without a second code path. */
  onPhase?: (phase: ScanPhase) => void;
}

/** One synchronous scan of the whole document, painted once. Shared by the fallback and the benchmark. */
export function markOnce(
  doc: Document,
  matcher: LocalMatcher,
  painter: Painter,
  options: MarkOptions = {},
): MentionIndex {
  const index = new MentionIndex(matcher, painter, options);
  const root = doc.body ?? doc.documentElement;
  if (root) {
    const { segments } = collectSegments(root);
    options.onPhase?.('walk');
    index.add(
      segments,
      segments.map((segment) => matcher.scan(segment.text)),
    );
  }
  options.onPhase?.('match');
  index.paint();
  options.onPhase?.('paint');
  return index;
}

/**
 * Scan, match and paint a whole document in one synchronous pass: the work the content
 * script does in slices, measured end to end by the benchmark (`npm run bench`).
 */
export function markPage(
  doc: Document,
  compiled: CompiledMatcher,
  options: MarkOptions = {},
): { mentions: number } {
  const matcher = Matcher.fromCompiled(compiled);
  options.onPhase?.('decode');
  const registry = doc.defaultView?.CSS.highlights;
  if (!registry) throw new Error('markPage needs the CSS Custom Highlight API');
  const index = markOnce(doc, matcher, createHighlightPainter(registry), options);
  return { mentions: index.visible().length };
}
