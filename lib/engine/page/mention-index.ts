import { resolveLeftmostLongest } from '../matcher/resolve';
import type { Candidate, ScanResult } from '../types';
import { toMention, type Mention } from './mentions';
import type { Painter } from './painter';
import type { AliasLookup } from './scanner';
import { nodeIndexAt, type Segment } from './segments';
import { ALL_VISIBLE, type VisibilityCheck, type VisibilityRound } from './visibility';

export type Density = 'all' | 'first';

interface SegmentState {
  segment: Segment;
  candidates: Candidate[];
  mentions: Mention[];
}

/**
 * Mentions kept per document. Past this, further segments are not taken and the popup says
 * so (`capped`): a hostile document (a 32 MB log, a page of nothing but names) cannot make
 * us hold and repaint hundreds of thousands of ranges. Well above any real article: the
 * densest page of the recognition golden set, 1 MB of Chinese news, names 6,390.
 */
export const MAX_MENTIONS = 10_000;

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
  private readonly visibility: VisibilityRound;
  private mentionCount = 0;
  private wasCapped = false;

  constructor(
    private readonly matcher: AliasLookup,
    private readonly painter: Painter,
    options: { density?: Density; visibility?: VisibilityRound; maxMentions?: number } = {},
  ) {
    this.density = options.density ?? 'all';
    this.visibility = options.visibility ?? ALL_VISIBLE;
    this.maxMentions = options.maxMentions ?? MAX_MENTIONS;
  }

  private readonly maxMentions: number;

  /** Whether mentions were left out because the document reached `MAX_MENTIONS`. */
  get capped(): boolean {
    return this.wasCapped;
  }

  /** Records that text was left unmatched for being too much (page-marker.ts, a huge text). */
  noteCapped(): void {
    this.wasCapped = true;
  }

  /** Whether any segment holds candidates (visible or not). */
  get hasSegments(): boolean {
    return this.states.size > 0;
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
    const visible = remembered(this.visibility());
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
      if (this.mentionCount >= this.maxMentions) {
        this.wasCapped = true;
        continue;
      }
      const state: SegmentState = { segment, candidates, mentions: [] };
      this.states.set(segment, state);
      added.push(state);
    }
    // A new context term can switch on gated aliases in segments scanned earlier.
    for (const state of newContext ? this.states.values() : added)
      this.resolveState(state, visible);
  }

  /**
   * Decides again which candidates the reader can see, for segments under any of `roots`
   * (an element whose `class`, `style`, `hidden`, `open` changed), or all with null. Answers
   * whether any segment's mentions changed.
   */
  recheckVisibility(roots: ReadonlySet<Node> | null): boolean {
    const visible = remembered(this.visibility());
    const under = new Map<Node, boolean>();
    let changed = false;
    for (const state of this.states.values()) {
      // Any of its text nodes: a class on an inline element hides or shows just its words.
      if (roots !== null && !state.segment.nodes.some((node) => isUnder(node, roots, under))) {
        continue;
      }
      const before = state.mentions;
      this.resolveState(state, visible);
      const after = state.mentions;
      if (
        before.length !== after.length ||
        before.some((mention, i) => mention.start !== after[i]?.start)
      ) {
        changed = true;
      }
    }
    return changed;
  }

  /** Forgets segments under `root` and any whose text left the document. */
  remove(root: Node | null): void {
    for (const [segment, state] of this.states) {
      const first = segment.nodes[0];
      const gone = !segment.nodes.every((node) => node.isConnected);
      if (gone || (root !== null && first !== undefined && root.contains(first))) {
        this.states.delete(segment);
        this.mentionCount -= state.mentions.length;
        for (const node of segment.nodes) {
          if (this.byNode.get(node) === state) this.byNode.delete(node);
        }
      }
    }
  }

  private resolveState(state: SegmentState, visible: VisibilityCheck): void {
    const { segment } = state;
    const seen = state.candidates.filter((candidate) => canSee(segment, candidate, visible));
    let chosen = resolveLeftmostLongest(seen, this.isActive);
    this.mentionCount -= state.mentions.length;
    const room = Math.max(0, this.maxMentions - this.mentionCount);
    if (chosen.length > room) {
      chosen = chosen.slice(0, room);
      this.wasCapped = true;
    }
    this.mentionCount += chosen.length;
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

/** One answer per element for a round of checks: a long text has many candidates in one element. */
function remembered(check: VisibilityCheck): VisibilityCheck {
  const answers = new Map<Element, boolean>();
  return (element) => {
    let answer = answers.get(element);
    if (answer === undefined) answers.set(element, (answer = check(element)));
    return answer;
  };
}

/** Whether every text node the candidate spans sits in an element the reader can see. */
function canSee(segment: Segment, candidate: Candidate, visible: VisibilityCheck): boolean {
  const last = nodeIndexAt(segment, candidate.end - 1);
  for (let i = nodeIndexAt(segment, candidate.start); i <= last; i++) {
    const node = segment.nodes[i] as Text;
    const element = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
    if (element && !visible(element)) return false;
  }
  return true;
}

/** Whether `node` lies inside one of `roots` (walking up through shadow hosts); `known` remembers. */
function isUnder(node: Node, roots: ReadonlySet<Node>, known: Map<Node, boolean>): boolean {
  const path: Node[] = [];
  let answer = false;
  for (let up: Node | null = node; up;) {
    const seen = known.get(up);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    path.push(up);
    if (roots.has(up)) {
      answer = true;
      break;
    }
    up = up.parentNode ?? (up instanceof ShadowRoot ? up.host : null);
  }
  for (const passed of path) known.set(passed, answer);
  return answer;
}

function documentOrder(a: Segment, b: Segment): number {
  const x = a.nodes[0];
  const y = b.nodes[0];
  if (!x || !y || x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
