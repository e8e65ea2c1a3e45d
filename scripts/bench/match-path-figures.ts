/**
 * The match-path section's arithmetic: which path a load really took (from the requests the
 * background received), and where matching in the page becomes cheaper than sending the text
 * to the background. Pure functions; the section measures and prints.
 */
import { ms, times } from './markdown';
import { ratio } from './stats';

export type MatchPath = 'remote' | 'local';

/** A request the background received during one load (`type`, and text sent with it). */
export interface LoggedRequest {
  type: string;
  /** For `matchTexts`: the UTF-16 units of its texts. */
  chars?: number;
}

export interface PathRequests {
  matchTexts: number;
  getMatcher: number;
  /** Text of every `matchTexts` request, summed. */
  sentChars: number;
  /** The largest one. */
  largestChars: number;
}

export function countRequests(log: readonly LoggedRequest[]): PathRequests {
  const counts: PathRequests = { matchTexts: 0, getMatcher: 0, sentChars: 0, largestChars: 0 };
  for (const request of log) {
    if (request.type === 'getMatcher') counts.getMatcher++;
    if (request.type !== 'matchTexts') continue;
    const chars = request.chars ?? 0;
    counts.matchTexts++;
    counts.sentChars += chars;
    counts.largestChars = Math.max(counts.largestChars, chars);
  }
  return counts;
}

/**
 * What a load forced onto `forced` did: `forced` when it sent only that path's requests;
 * `fell back` when forced remote also fetched the matcher (the background refused or lost
 * a `matchTexts` twice, so the batch was matched in the page); `unknown` otherwise (no
 * request logged: the log lives in the worker's global scope and a restarted worker has none).
 */
export function pathTaken(
  forced: MatchPath,
  requests: PathRequests,
): MatchPath | 'fell back' | 'unknown' {
  const { matchTexts, getMatcher } = requests;
  if (forced === 'remote') {
    if (matchTexts > 0 && getMatcher === 0) return 'remote';
    if (matchTexts > 0 && getMatcher > 0) return 'fell back';
    return 'unknown';
  }
  return getMatcher > 0 && matchTexts === 0 ? 'local' : 'unknown';
}

/** One size of one pack: medians of the content script's CPU per load, each path. */
export interface PathRow {
  /** Text of the document, UTF-16 units (also what the rows are ordered by). */
  chars: number;
  /** Size label, e.g. "64k". */
  label: string;
  remoteMs: number;
  localMs: number;
  /** Whether the forced-remote loads really matched in the background (no fallback). */
  remoteHeld: boolean;
}

export interface Crossover {
  /** The smallest measured size at which local cost less than remote; null if none. */
  first: PathRow | null;
  /** Whether local also cost less at every larger size where remote held. */
  stable: boolean;
  /**
   * Between the last size remote was cheaper and `first`, where the two lines cross if each
   * grows linearly in between (UTF-16 units); null without such a pair.
   */
  interpolatedChars: number | null;
  /** Sizes where forced remote fell back to local: no remote figure there. */
  untested: PathRow[];
}

export function findCrossover(rows: readonly PathRow[]): Crossover {
  const sorted = [...rows].sort((a, b) => a.chars - b.chars);
  const held = sorted.filter(
    (row) => row.remoteHeld && Number.isFinite(row.remoteMs) && Number.isFinite(row.localMs),
  );
  const index = held.findIndex((row) => row.localMs < row.remoteMs);
  const first = index < 0 ? null : (held[index] ?? null);
  const stable = index >= 0 && held.slice(index).every((row) => row.localMs < row.remoteMs);
  let interpolatedChars: number | null = null;
  const before = index > 0 ? held[index - 1] : undefined;
  if (first && before) {
    // remote − local goes from ≥ 0 at `before` to < 0 at `first`: where it is 0.
    const d0 = before.remoteMs - before.localMs;
    const d1 = first.remoteMs - first.localMs;
    interpolatedChars = before.chars + ((first.chars - before.chars) * d0) / (d0 - d1);
  }
  return {
    first,
    stable,
    interpolatedChars,
    untested: sorted.filter((row) => !row.remoteHeld),
  };
}

const thousands = (chars: number) => `${Math.round(chars / 1000).toLocaleString('en')}k`;

/** One sentence on where the crossover is for one pack. */
export function crossoverSentence(pack: string, crossover: Crossover): string {
  const { first, stable, interpolatedChars, untested } = crossover;
  const untestedNote =
    untested.length > 0
      ? ` At ${untested.map((r) => r.label).join(' and ')} forced remote fell back to local ` +
        '(the background refused the request: too much text), so there is no remote figure there.'
      : '';
  if (!first) {
    return `${pack}: remote costs the page less at every size where it ran; no crossover measured.${untestedNote}`;
  }
  const at =
    `${pack}: local is first cheaper at ${first.label} ` +
    `(remote ${ms(first.remoteMs)} ms, local ${ms(first.localMs)} ms, ` +
    `remote/local ${times(ratio(first.remoteMs, first.localMs))})`;
  const between =
    interpolatedChars === null
      ? ''
      : `; the lines cross at about ${thousands(interpolatedChars)} characters if linear in between`;
  const tail = stable
    ? ' and stays cheaper at every larger size measured.'
    : ', but not at every larger size: the two are within noise there.';
  return `${at}${between}${tail}${untestedNote}`;
}
