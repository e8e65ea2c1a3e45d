import { Matcher } from '../../lib/engine/matcher/matcher';
import { MentionIndex } from '../../lib/engine/page/mention-index';
import type { Painter } from '../../lib/engine/page/painter';
import { createRelevance } from '../../lib/engine/page/relevance';
import { collectSegments } from '../../lib/engine/page/segments';
import type { CompiledMatcher } from '../../lib/engine/types';

/** The steps of a synchronous scan, in order: reviving the matcher, walking, matching, painting. */
export type ScanPhase = 'decode' | 'walk' | 'match' | 'paint';

/**
 * The content script's work on a whole document in one synchronous pass, with the same
 * lib/engine pieces it runs in slices (page-entry.ts times it as "ours"): parse and revive
 * the matcher, walk the text segments, match and resolve them, paint every mention. Each
 * phase is timed as it ends; `decode` includes `JSON.parse`, as a content script receives the
 * matcher as JSON.
 */
export function markPage(
  doc: Document,
  compiledJson: string,
  painter: Painter,
  now: () => number = () => performance.now(),
): { mentions: number; phases: Record<ScanPhase, number> } {
  const phases: Record<ScanPhase, number> = { decode: 0, walk: 0, match: 0, paint: 0 };
  let phaseStart = now();
  const ended = (phase: ScanPhase) => {
    const at = now();
    phases[phase] = at - phaseStart;
    phaseStart = at;
  };
  const matcher = Matcher.fromCompiled(JSON.parse(compiledJson) as CompiledMatcher);
  ended('decode');
  // Every occurrence, like mark.js, so both do the same amount of painting. The nearness rules
  // are built at once: their load (in the content script) is in the page-load figures.
  const index = new MentionIndex(matcher, painter, {
    density: 'all',
    relevance: { create: createRelevance },
  });
  const root = doc.body ?? doc.documentElement;
  const { segments } = root ? collectSegments(root) : { segments: [] };
  ended('walk');
  index.add(
    segments,
    segments.map((segment) => matcher.scan(segment.text)),
  );
  ended('match');
  const painted = index.paint();
  ended('paint');
  return { mentions: painted.length, phases };
}
