import { entityKeyOf } from '../../domain/entity';
import type { MatchReason } from '../../domain/match-reason';
import type { AliasSpec, Candidate } from '../types';
import { nodeIndexAt, type Segment } from './segments';

/** Works out why alias `alias` counts in `segment` (the mention index's nearness rules). */
export type Explain = (segment: Segment, alias: number) => MatchReason;

/** One painted mention: where it is, which alias matched, and a range over it. */
export class Mention {
  readonly segment: Segment;
  readonly start: number;
  readonly end: number;
  readonly alias: AliasSpec;
  /** `packId/entityId`: the entity the mention stands for. */
  readonly entityKey: string;
  readonly range: StaticRange;
  readonly #aliasIndex: number;
  readonly #explain: Explain;
  #why: MatchReason | null = null;

  constructor(segment: Segment, candidate: Candidate, alias: AliasSpec, explain: Explain) {
    this.segment = segment;
    this.start = candidate.start;
    this.end = candidate.end;
    this.alias = alias;
    this.entityKey = entityKeyOf(alias);
    this.range = rangeFor(segment, candidate.start, candidate.end);
    this.#aliasIndex = candidate.alias;
    this.#explain = explain;
  }

  /**
   * Why it is marked: the card's "Why is this marked?" (issue 18). Worked out the first time
   * it is asked for: a page has thousands of mentions and a reader opens a few cards.
   */
  get why(): MatchReason {
    return (this.#why ??= this.#explain(this.segment, this.#aliasIndex));
  }
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
