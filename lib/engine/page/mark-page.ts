import { Matcher } from '../matcher/matcher';
import type { CompiledMatcher } from '../types';
import { MentionIndex, type Density } from './engine';
import { createHighlightPainter, type Painter } from './painter';
import { collectSegments } from './segments';

/** One synchronous scan of the whole document, painted once. Shared by the fallback and the benchmark. */
export function markOnce(
  doc: Document,
  matcher: Matcher,
  painter: Painter,
  options: { density?: Density } = {},
): MentionIndex {
  const index = new MentionIndex(matcher, painter, options);
  const root = doc.body ?? doc.documentElement;
  if (root) index.add(collectSegments(root).segments);
  index.paint();
  return index;
}

/**
 * Scan, match and paint a whole document in one synchronous pass: the work the content
 * script does in slices, measured end to end by the benchmark (`npm run bench`).
 */
export function markPage(
  doc: Document,
  compiled: CompiledMatcher,
  options: { density?: Density } = {},
): { mentions: number; segments: number } {
  const matcher = Matcher.fromCompiled(compiled);
  const registry = doc.defaultView?.CSS.highlights;
  if (!registry) throw new Error('markPage needs the CSS Custom Highlight API');
  const index = markOnce(doc, matcher, createHighlightPainter(registry), options);
  return { mentions: index.visible().length, segments: index.segmentCount };
}
