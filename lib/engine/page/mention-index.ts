import type { MatchReason } from '../../domain/match-reason';
import { resolveLeftmostLongest } from '../matcher/resolve';
import type { Candidate, ScanResult } from '../types';
import { AliasRules, reasonOf, type AliasRule, type ContextMarking } from './alias-rule';
import { Mention } from './mentions';
import type { Painter } from './painter';
import type { ConditionalState, CreateRelevance, Relevance } from './relevance';
import type { AliasLookup } from './scanner';
import { nodeIndexAt, type Segment } from './segments';
import { ALL_VISIBLE, type VisibilityCheck, type VisibilityRound } from './visibility';

export type { ContextMarking } from './alias-rule';
export type Density = 'all' | 'first';

interface SegmentState extends ConditionalState {
  /** The context terms found in its text: evidence for the nearness rules. */
  readonly terms: readonly number[];
  mentions: Mention[];
  /** Whether a candidate depends on what is near it (a gated alias or a context entity). */
  conditional: boolean;
  /** The `#round` in which it was last resolved. */
  round: number;
}

/**
 * Where the nearness rules (relevance.ts) come from: built at once (`create`: tests, the
 * benchmark, the static pass), or loaded the first time a document holds a conditional
 * candidate (`load`: the content script, so that most frames never evaluate them). A load
 * under way is shared by every call, and `loaded` answers the rules without waiting once it
 * succeeded: a long document starts loading them early (`preloadRelevance`), and the batch
 * that first needs them then applies them at once.
 */
export type RelevanceSource =
  | { create: CreateRelevance }
  | { load: () => Promise<CreateRelevance>; loaded?: () => CreateRelevance | undefined };

/**
 * Mentions kept per document. Past this, further segments are not taken and the popup says
 * so (`capped`): a hostile document (a 32 MB log, a page of nothing but names) cannot make
 * us hold and repaint hundreds of thousands of ranges. Well above any real article: the
 * densest page of the recognition golden set, 1 MB of Chinese news, names 6,390.
 */
export const MAX_MENTIONS = 10_000;

/**
 * The mentions on one document: takes segments with their scan results, lets through gated
 * aliases and context entities only where what they need is near (nearness.ts), resolves
 * overlaps and hands the result to the painter. Knows nothing about when or where scanning
 * happens (see `scanner.ts`, `scheduler.ts`, `page-marker.ts`).
 */
export class MentionIndex {
  readonly #states = new Map<Segment, SegmentState>();
  readonly #byNode = new WeakMap<Text, SegmentState>();
  readonly #conditional = new Set<SegmentState>();
  /** The nearness rules, once they are there. */
  #relevance: Relevance<SegmentState> | null = null;
  /** The load of the nearness rules under way (or null), resolved when they are applied. */
  #loading: Promise<void> | null = null;
  /**
   * Until the nearness rules are there: segments with context terms but no candidate, so the
   * rules get every piece of evidence on the page when they come (the segments with
   * candidates are in `#states`).
   */
  readonly #termsOnly = new Map<Segment, readonly number[]>();
  #density: Density;
  /** Entities (`packId/entityId`) the user asked not to highlight on this site. */
  #muted: ReadonlySet<string> = new Set();
  #painted = new WeakSet<Mention>();
  readonly #visibility: VisibilityRound;
  #mentionCount = 0;
  #wasCapped = false;
  /** Counts `add` calls: a segment resolved during one is stamped with it (`round`). */
  #round = 0;

  constructor(
    matcher: AliasLookup,
    painter: Painter,
    options: {
      density?: Density;
      contextMarking?: ContextMarking;
      visibility?: VisibilityRound;
      maxMentions?: number;
      /** Without one, gated aliases and context entities are never marked. */
      relevance?: RelevanceSource;
      /** How far "near" reaches (nearness.ts); other values are for measuring it. */
      nearChars?: number;
      /** Called when loaded nearness rules changed the mentions (the caller repaints). */
      onRelevance?: () => void;
      /** Where a failed load of the nearness rules is reported. */
      warn?: (message: string, error: unknown) => void;
    } = {},
  ) {
    this.#matcher = matcher;
    this.#painter = painter;
    this.#rules = new AliasRules(matcher, options.contextMarking ?? 'near');
    this.#nearChars = options.nearChars;
    this.#density = options.density ?? 'all';
    this.#visibility = options.visibility ?? ALL_VISIBLE;
    this.#maxMentions = options.maxMentions ?? MAX_MENTIONS;
    this.#source = options.relevance ?? null;
    this.#onRelevance = options.onRelevance;
    this.#warn = options.warn ?? console.warn;
    if (this.#source && 'create' in this.#source) this.#attach(this.#source.create);
  }

  readonly #matcher: AliasLookup;
  readonly #rules: AliasRules;
  readonly #painter: Painter;
  readonly #maxMentions: number;
  readonly #nearChars: number | undefined;
  readonly #source: RelevanceSource | null;
  readonly #onRelevance: (() => void) | undefined;
  readonly #warn: (message: string, error: unknown) => void;

  /**
   * The load of the nearness rules under way, if any: the first scan counts as done once it
   * is applied, so what a page shows when it is "done" includes the conditional mentions.
   */
  get loadingRelevance(): Promise<void> | null {
    return this.#loading;
  }

  /** Builds the nearness rules and hands them everything the page has shown so far. */
  #attach(create: CreateRelevance): void {
    const relevance = create<SegmentState>(this.#matcher, this.#rules, {
      nearChars: this.#nearChars,
    });
    this.#relevance = relevance;
    for (const [segment, terms] of this.#termsOnly) relevance.take(segment, [], terms);
    this.#termsOnly.clear();
    for (const state of this.#states.values()) {
      relevance.take(state.segment, state.candidates, state.terms);
    }
    relevance.batchDone();
    this.#resolveAll(this.#conditional);
  }

  /**
   * Starts loading the nearness rules before a candidate needs them, holding nothing up (the
   * marker, for a document too long for one slice: such a page nearly always names a
   * bystander). Loaded only on need, on wikipedia-2 with an article of seed names, they came
   * 22–36 ms after the first mentions were painted, and the bystanders near them after that.
   * A failure is reported if and when a candidate needs them and the load is tried again.
   */
  preloadRelevance(): void {
    const source = this.#source;
    if (this.#relevance || this.#loading || !source || !('load' in source)) return;
    source.load().catch(() => {});
  }

  /**
   * The nearness rules are needed (a document first holds a conditional candidate, or the
   * reader's marking made some): applied at once when their source has them already (answers
   * true: every conditional segment is resolved), else loaded, once.
   */
  #requestRelevance(): boolean {
    const source = this.#source;
    if (this.#relevance || this.#loading || !source || !('load' in source)) return false;
    const loaded = source.loaded?.();
    if (loaded) {
      this.#attach(loaded);
      return true;
    }
    this.#loading = source.load().then(
      (create) => {
        this.#loading = null;
        this.#attach(create);
        this.#onRelevance?.();
      },
      (error: unknown) => {
        // Conditional mentions stay unmarked; the next segment holding one tries again.
        this.#loading = null;
        this.#warn('Fact Lens: the nearness rules could not be loaded', error);
      },
    );
    return false;
  }

  /** Whether mentions were left out because the document reached `MAX_MENTIONS`. */
  get capped(): boolean {
    return this.#wasCapped;
  }

  /** Records that text was left unmatched for being too much (page-marker.ts, a huge text). */
  noteCapped(): void {
    this.#wasCapped = true;
  }

  /** Whether any segment holds candidates (visible or not). */
  get hasSegments(): boolean {
    return this.#states.size > 0;
  }

  #ruleOf(index: number): AliasRule {
    return this.#rules.of(index);
  }

  readonly #unconditionalOnly = (alias: number): boolean => !!this.#ruleOf(alias).unconditional;

  /** Whether any of `candidates` depends on what is near it (a gated alias, a context entity). */
  #anyConditional(candidates: readonly Candidate[]): boolean {
    for (const { alias } of candidates) if (!this.#ruleOf(alias).unconditional) return true;
    return false;
  }

  /**
   * A mention's reason, asked for by its card. Its segment was resolved by the page as it is
   * (evidence that left resolves it again), so the rules find what let it in; the bare alias
   * and pack answer for one whose text has left meanwhile.
   */
  readonly #explain = (segment: Segment, alias: number): MatchReason => {
    const rule = this.#ruleOf(alias);
    return (
      rule.unconditional ?? this.#relevance?.explain(segment, alias) ?? reasonOf(rule.alias, {})
    );
  };

  /**
   * Takes new segments with their scan results (`results[i]` is the scan of
   * `segments[i].text`). Context terms and subjects among them can let in conditional
   * candidates of segments taken earlier: those waiting for one are resolved again.
   */
  add(segments: readonly Segment[], results: readonly ScanResult[]): void {
    if (results.length !== segments.length)
      throw new Error(`${segments.length} segments but ${results.length} scan results`);
    const relevance = this.#relevance;
    const added: SegmentState[] = [];
    let conditionalAdded = false;
    const visible = remembered(this.#visibility());
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      const { candidates, contextHits } = results[i] as ScanResult;
      if (relevance) relevance.take(segment, candidates, contextHits);
      else if (candidates.length === 0 && contextHits.length > 0)
        this.#termsOnly.set(segment, contextHits);
      // Most segments hold no candidate, so nothing to resolve, paint or hit-test. Kept, they
      // made `remove(null)`, which runs after every rescan, check every text node of the page.
      if (candidates.length === 0) continue;
      if (this.#mentionCount >= this.#maxMentions) {
        this.#wasCapped = true;
        continue;
      }
      const conditional = this.#anyConditional(candidates);
      const state: SegmentState = {
        segment,
        candidates,
        terms: contextHits,
        mentions: [],
        conditional,
        waiting: false,
        round: 0,
      };
      this.#states.set(segment, state);
      if (conditional) {
        this.#conditional.add(state);
        conditionalAdded = true;
      }
      added.push(state);
    }
    // Each segment is resolved once per call (attaching the rules below resolves every
    // conditional one): a stamp, not a Set of them all, which showed in a dense page's profile.
    const round = ++this.#round;
    // Segments taken before that this batch's evidence may change.
    let affected: Iterable<SegmentState> = [];
    if (relevance) {
      const news = relevance.batchDone();
      affected = news.aboutChanged ? this.#conditional : news.waiting;
    } else if (conditionalAdded) this.#requestRelevance();
    for (const state of added) if (state.round !== round) this.#resolveState(state, visible);
    for (const state of affected) if (state.round !== round) this.#resolveState(state, visible);
  }

  /**
   * Decides again which candidates the reader can see, for segments under any of `roots`
   * (an element whose `class`, `style`, `hidden`, `open` changed), or all with null. Answers
   * whether any segment's mentions changed.
   */
  recheckVisibility(roots: ReadonlySet<Node> | null): boolean {
    const visible = remembered(this.#visibility());
    const under = new Map<Node, boolean>();
    let changed = false;
    for (const state of this.#states.values()) {
      // Any of its text nodes: a class on an inline element hides or shows just its words.
      if (roots !== null && !state.segment.nodes.some((node) => isUnder(node, roots, under))) {
        continue;
      }
      const before = state.mentions;
      this.#resolveState(state, visible);
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
    // A segment with mentions usually holds evidence too: decide once per segment.
    const decided = new Map<Segment, boolean>();
    const gone = (segment: Segment) => {
      let answer = decided.get(segment);
      if (answer === undefined) decided.set(segment, (answer = isGone(segment, root)));
      return answer;
    };
    const relevance = this.#relevance;
    const lostEvidence = relevance?.forget(gone) ?? false;
    for (const segment of this.#termsOnly.keys()) {
      if (gone(segment)) this.#termsOnly.delete(segment);
    }
    for (const [segment, state] of this.#states) {
      if (gone(segment)) {
        this.#states.delete(segment);
        this.#conditional.delete(state);
        relevance?.stopWaiting(state);
        this.#mentionCount -= state.mentions.length;
        for (const node of segment.nodes) {
          if (this.#byNode.get(node) === state) this.#byNode.delete(node);
        }
      }
    }
    // What let a conditional mention in may have left with the removed text.
    if (lostEvidence) this.#resolveAll(this.#conditional);
  }

  #resolveAll(states: Iterable<SegmentState>): void {
    const visible = remembered(this.#visibility());
    for (const state of states) this.#resolveState(state, visible);
  }

  #resolveState(state: SegmentState, visible: VisibilityCheck): void {
    state.round = this.#round;
    const { segment } = state;
    const seen = state.candidates.filter((candidate) => canSee(segment, candidate, visible));
    if (!state.conditional) {
      // Every candidate counts.
      this.#applyChosen(state, resolveLeftmostLongest(seen, ALWAYS));
      return;
    }
    // Until the nearness rules are there, only the candidates that need nothing count.
    const decide = this.#relevance?.decider(state) ?? this.#unconditionalOnly;
    this.#applyChosen(state, resolveLeftmostLongest(seen, decide));
  }

  /** Makes `chosen` the segment's mentions, within `MAX_MENTIONS`. */
  #applyChosen(state: SegmentState, chosen: Candidate[]): void {
    this.#mentionCount -= state.mentions.length;
    const room = Math.max(0, this.#maxMentions - this.#mentionCount);
    if (chosen.length > room) {
      chosen = chosen.slice(0, room);
      this.#wasCapped = true;
    }
    this.#mentionCount += chosen.length;
    state.mentions = chosen.map(
      (candidate) =>
        new Mention(state.segment, candidate, this.#matcher.alias(candidate.alias), this.#explain),
    );
    // Only text with mentions can be hit by the pointer: index just those nodes (most
    // of a page has none, and a WeakMap entry per text node is a measurable cost).
    if (state.mentions.length > 0) {
      for (const node of state.segment.nodes) this.#byNode.set(node, state);
    }
  }

  setDensity(density: Density): void {
    this.#density = density;
  }

  /** Applies the reader's choice for context entities to every segment at once. */
  setContextMarking(marking: ContextMarking): void {
    if (marking === this.#rules.marking) return;
    this.#rules.setMarking(marking);
    let conditional = false;
    for (const state of this.#states.values()) {
      state.conditional = this.#anyConditional(state.candidates);
      if (state.conditional) {
        this.#conditional.add(state);
        conditional = true;
      } else this.#conditional.delete(state);
      this.#relevance?.stopWaiting(state);
    }
    if (conditional) this.#requestRelevance();
    this.#resolveAll(this.#states.values());
  }

  setMuted(entityKeys: ReadonlySet<string>): void {
    this.#muted = entityKeys;
  }

  /** Every mention in reading order (document order of segments). */
  all(): Mention[] {
    const states = [...this.#states.values()].filter((state) => state.mentions.length > 0);
    states.sort((a, b) => documentOrder(a.segment, b.segment));
    return states.flatMap((state) => state.mentions);
  }

  /**
   * What is painted: all mentions, or the first of each entity, minus muted entities.
   * Painting needs no order, so only "first" pays for sorting into reading order.
   */
  visible(): Mention[] {
    const muted = this.#muted;
    if (this.#density === 'all') {
      const mentions: Mention[] = [];
      for (const state of this.#states.values()) {
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
    const seen = new Set<string>(this.#muted);
    return this.all().filter(
      (mention) =>
        !seen.has(mention.entityKey) && (this.#density === 'all' || !!seen.add(mention.entityKey)),
    );
  }

  /** Paints the visible mentions and returns them. */
  paint(): Mention[] {
    const visible = this.visible();
    this.#painter.paint(visible);
    this.#painted = new WeakSet(visible);
    return visible;
  }

  /** Whether the last paint showed this mention: only painted mentions answer the pointer. */
  isPainted(mention: Mention): boolean {
    return this.#painted.has(mention);
  }

  /**
   * For hit testing: the segment holding text node `node` and its mentions (sorted by start),
   * or null when the node has none. Mention offsets count UTF-16 units of the segment's
   * joined text, not of `node`: add `segment.starts[i]` to an offset inside `segment.nodes[i]`.
   */
  mentionsOfNode(node: Node): { segment: Segment; mentions: Mention[] } | null {
    const state = node.nodeType === Node.TEXT_NODE ? this.#byNode.get(node as Text) : undefined;
    return state ? { segment: state.segment, mentions: state.mentions } : null;
  }
}

/** Whether a segment's text left the document or lies under `root`. */
function isGone(segment: Segment, root: Node | null): boolean {
  const first = segment.nodes[0];
  if (!segment.nodes.every((node) => node.isConnected)) return true;
  return root !== null && first !== undefined && root.contains(first);
}

const ALWAYS = (): boolean => true;

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
