import { entityKeyOf } from '../../domain/entity';
import type { MatchReason } from '../../domain/match-reason';
import type { AliasSpec, Candidate } from '../types';
import { nodeIndexAt, type Segment } from './segments';

/** One painted mention: where it is, which alias matched, and a range over it. */
export interface Mention {
  segment: Segment;
  start: number;
  end: number;
  alias: AliasSpec;
  /** `packId/entityId`: the entity the mention stands for. */
  entityKey: string;
  range: StaticRange;
  /** Why it is marked: the card's "Why is this marked?" (issue 18). */
  why: MatchReason;
}

/**
 * A StaticRange: unlike a live Range it costs nothing when the page mutates. Mentions
 * are rebuilt whenever their block changes, so they never need to track edits.
 */
export function rangeFor(segment: Segment, start: number, end: number): StaticRange {
  const first = nodeIndexAt(segment, start);
  const last = nodeIndexAt(segment, end - 1);
  return new StaticRange({
    startContainer: segment.nodes[first] as Text,
    startOffset: start - (segment.starts[first] as number),
    endContainer: segment.nodes[last] as Text,
    endOffset: end - (segment.starts[last] as number),
  });
}

export function toMention(
  segment: Segment,
  candidate: Candidate,
  alias: AliasSpec,
  why: MatchReason,
): Mention {
  return {
    why,
    segment,
    start: candidate.start,
    end: candidate.end,
    alias,
    entityKey: entityKeyOf(alias),
    range: rangeFor(segment, candidate.start, candidate.end),
  };
}

/** The mention of a sorted list that covers `offset` (end inclusive: a caret after its last letter). */
export function mentionCovering(mentions: readonly Mention[], offset: number): Mention | null {
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = mentions[mid] as Mention;
    if (offset < mention.start) high = mid - 1;
    else if (offset > mention.end) low = mid + 1;
    else return mention;
  }
  return null;
}
