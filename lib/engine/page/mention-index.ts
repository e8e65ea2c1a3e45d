import { resolveLeftmostLongest } from '../matcher/resolve';
import type { Candidate, ScanResult } from '../types';
import { toMention, type Mention } from './mentions';
import type { Painter } from './painter';
import type { AliasLookup } from './scanner';
import type { Segment } from './segments';

export type Density = 'all' | 'first';

interface SegmentState {
  segment: Segment;
  candidates: Candidate[];
  mentions: Mention[];
}

/**
 * The mentions on one document: takes segments with their scan results, gates aliases on
 * the context terms seen anywhere on the page, resolves overlaps and hands the result to the
 * painter. Knows nothing about when or where scanning happens (see `scanner.ts`,
 * `scheduler.ts`, `page-marker.ts`).
 */
export class MentionIndex {
  private readonly states = new Map<Segment, SegmentState>();
  private readonly byNode = new WeakMap<Text, SegmentState>();
  private readonly contextSeen = new Set<number>();
  private density: Density;
  /** Entities (`packId/entityId`) the user asked not to highlight on this site. */
  private muted: ReadonlySet<string> = new Set();
  private painted = new WeakSet<Mention>();

  constructor(
    private readonly matcher: AliasLookup,
    private readonly painter: Painter,
    options: { density?: Density } = {},
  ) {
    this.density = options.density ?? 'all';
  }

  private readonly isActive = (alias: number): boolean => {
    const terms = this.matcher.contextTermIdsOf(alias);
    return terms.length === 0 || terms.some((term) => this.contextSeen.has(term));
  };

  /**
   * Takes new segments with their scan results (`results[i]` is the scan of
   * `segments[i].text`); a context term seen for the first time re-resolves every segment.
   */
  add(segments: readonly Segment[], results: readonly ScanResult[]): void {
    if (results.length !== segments.length)
      throw new Error(`${segments.length} segments but ${results.length} scan results`);
    let newContext = false;
    const added: SegmentState[] = [];
    for (const [i, segment] of segments.entries()) {
      const { candidates, contextHits } = results[i] as ScanResult;
      for (const term of contextHits) {
        if (!this.contextSeen.has(term)) {
          this.contextSeen.add(term);
          newContext = true;
        }
      }
      // Most segments hold no candidate, so nothing to resolve, paint or hit-test. Kept, they
      // made `remove(null)`, which runs after every rescan, check every text node of the page.
      if (candidates.length === 0) continue;
      const state: SegmentState = { segment, candidates, mentions: [] };
      this.states.set(segment, state);
      added.push(state);
    }
    // A new context term can switch on gated aliases in segments scanned earlier.
    for (const state of newContext ? this.states.values() : added) this.resolveState(state);
  }

  /** Forgets segments under `root` and any whose text left the document. */
  remove(root: Node | null): void {
    for (const [segment, state] of this.states) {
      const first = segment.nodes[0];
      const gone = !segment.nodes.every((node) => node.isConnected);
      if (gone || (root !== null && first !== undefined && root.contains(first))) {
        this.states.delete(segment);
        for (const node of segment.nodes) {
          if (this.byNode.get(node) === state) this.byNode.delete(node);
        }
      }
    }
  }

  private resolveState(state: SegmentState): void {
    const chosen = resolveLeftmostLongest(state.candidates, this.isActive);
    state.mentions = chosen.map((candidate) =>
      toMention(state.segment, candidate, this.matcher.alias(candidate.alias)),
    );
    // Only text with mentions can be hit by the pointer: index just those nodes (most
    // of a page has none, and a WeakMap entry per text node is a measurable cost).
    if (state.mentions.length > 0) {
      for (const node of state.segment.nodes) this.byNode.set(node, state);
    }
  }

  setDensity(density: Density): void {
    this.density = density;
  }

  setMuted(entityKeys: ReadonlySet<string>): void {
    this.muted = entityKeys;
  }

  /** Every mention in reading order (document order of segments). */
  all(): Mention[] {
    const states = [...this.states.values()].filter((state) => state.mentions.length > 0);
    states.sort((a, b) => documentOrder(a.segment, b.segment));
    return states.flatMap((state) => state.mentions);
  }

  /**
   * What is painted: all mentions, or the first of each entity, minus muted entities.
   * Painting needs no order, so only "first" pays for sorting into reading order.
   */
  visible(): Mention[] {
    const muted = this.muted;
    if (this.density === 'all') {
      const mentions: Mention[] = [];
      for (const state of this.states.values()) {
        for (const mention of state.mentions) {
          if (!muted.has(mention.entityKey)) mentions.push(mention);
        }
      }
      return mentions;
    }
    return this.visibleInReadingOrder();
  }

  /** The painted mentions in reading order (keyboard navigation, "on this page"). */
  visibleInReadingOrder(): Mention[] {
    const seen = new Set<string>(this.muted);
    return this.all().filter(
      (mention) =>
        !seen.has(mention.entityKey) && (this.density === 'all' || !!seen.add(mention.entityKey)),
    );
  }

  /** Paints the visible mentions and returns them. */
  paint(): Mention[] {
    const visible = this.visible();
    this.painter.paint(visible);
    this.painted = new WeakSet(visible);
    return visible;
  }

  /** Whether the last paint showed this mention: only painted mentions answer the pointer. */
  isPainted(mention: Mention): boolean {
    return this.painted.has(mention);
  }

  /**
   * For hit testing: the segment holding text node `node` and its mentions (sorted by start),
   * or null when the node has none. Mention offsets count UTF-16 units of the segment's
   * joined text, not of `node`: add `segment.starts[i]` to an offset inside `segment.nodes[i]`.
   */
  mentionsOfNode(node: Node): { segment: Segment; mentions: Mention[] } | null {
    const state = node.nodeType === Node.TEXT_NODE ? this.byNode.get(node as Text) : undefined;
    return state ? { segment: state.segment, mentions: state.mentions } : null;
  }
}

function documentOrder(a: Segment, b: Segment): number {
  const x = a.nodes[0];
  const y = b.nodes[0];
  if (!x || !y || x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
