import type { FoundNearby, MatchReason, PassingReason } from '../../domain/match-reason';
import { resolveLeftmostLongest } from '../matcher/resolve';
import type { Candidate, MatchedAlias, ScanResult } from '../types';
import { toMention, type Mention } from './mentions';
import { ABOUT_PACK_MENTIONS, NEAR_CHARS, visitTextAround } from './nearness';
import type { Painter } from './painter';
import type { AliasLookup } from './scanner';
import { nodeIndexAt, type Segment } from './segments';
import { ALL_VISIBLE, type VisibilityCheck, type VisibilityRound } from './visibility';

export type Density = 'all' | 'first';

/**
 * Where a pack's context entities are marked: near its subjects (or anywhere on a page about
 * the pack), everywhere like subjects, or never. The reader's setting (lib/settings).
 */
export type ContextMarking = 'near' | 'everywhere' | 'never';

interface SegmentState {
  segment: Segment;
  candidates: Candidate[];
  mentions: Mention[];
  /** Whether a candidate depends on what is near it (a gated alias or a context entity). */
  conditional: boolean;
  /**
   * After a resolve that dropped a conditional candidate: the context terms and packs whose
   * appearance near it could let the candidate in. Null otherwise.
   */
  wants: { terms: Set<number>; packs: Set<string> } | null;
}

/** What a segment offers the conditional mentions near it. */
interface Evidence {
  /** Context terms found in its text. */
  terms: readonly number[];
  /**
   * Per pack: how one of its subjects was written here (an ungated alias of a subject), and how
   * many (non-overlapping) mentions of its subjects are here, for the "about the pack" rule.
   */
  subjects: Map<string, { text: string; count: number }>;
}

/** What keeps a conditional candidate out: a context term, a subject nearby, or the reader's "never". */
type Missing = 'term' | 'subject' | 'nothing';

/** What is near one segment: the nearest place of each context term and of each pack's subject. */
interface Nearby {
  term(id: number): FoundNearby | undefined;
  subject(packId: string): FoundNearby | undefined;
}

/** What an alias needs to count, decided once per alias. */
interface AliasRule {
  /** The alias's index in the matcher. */
  index: number;
  alias: MatchedAlias;
  /** Its context terms (gated when non-empty). */
  terms: readonly number[];
  /** A context entity of its pack. */
  passing: boolean;
  /** The reason for an alias that needs nothing (shared by all its mentions). */
  unconditional: MatchReason | null;
}

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
  /** Segments holding context terms or subjects, found by their first and last text nodes. */
  readonly #evidence = new Map<Segment, Evidence>();
  /**
   * The same, by the first and last text node of each segment, for walks from a mention.
   * Built on the first walk only: on most pages no mention needs one (settled in its own block
   * or by the page being about the pack), and a WeakMap entry per segment is a measurable cost.
   */
  #evidenceByNode: WeakMap<Text, Evidence> | null = null;
  readonly #conditional = new Set<SegmentState>();
  /**
   * The conditional segments with a candidate left out, by what they wait for (a context term,
   * a pack's subject): only these can gain from new evidence, and a term that never turns up
   * costs the segments waiting for it nothing.
   */
  readonly #waitingForTerm = new Map<number, Set<SegmentState>>();
  readonly #waitingForPack = new Map<string, Set<SegmentState>>();
  readonly #rules = new Map<number, AliasRule>();
  /**
   * Places and reasons that do not depend on where on the page a mention is (a term in its own
   * block, a term or the pack's subjects elsewhere on a page about the pack), shared by all the
   * mentions they explain: a dense page has thousands. Emptied whenever the page's counts may
   * have changed (each batch, each removal, a new marking choice). Keyed by objects and
   * numbers, not strings: building a key per mention cost more than the reason it saved.
   */
  readonly #shared = {
    /** A context term in the mention's own block (`same`) or elsewhere on the page (`page`). */
    same: new Map<number, FoundNearby>(),
    page: new Map<number, FoundNearby>(),
    /** A subject in the mention's own block, by how it was written. */
    subjects: new Map<string, FoundNearby>(),
    /**
     * Per alias, by its shared context-term place (or `NONE`) and its shared subject place (or
     * `NONE`): the reason. For one alias the rest of a shareable reason is fixed until the next
     * emptying: none for a subject; "everywhere", "near this subject" or "about the pack"
     * (with the page's count) for a context entity.
     */
    reasons: new Map<AliasRule, Map<FoundNearby, Map<FoundNearby, MatchReason>>>(),
    clear(): void {
      this.same.clear();
      this.page.clear();
      this.subjects.clear();
      this.reasons.clear();
    },
  };
  /** Per pack: mentions of its subjects on the page; past ABOUT_PACK_MENTIONS the page is about it. */
  readonly #subjectMentions = new Map<string, number>();
  /** Per context term: segments holding it. A page about a pack accepts its terms anywhere. */
  readonly #termSegments = new Map<number, number>();
  #contextMarking: ContextMarking;
  #density: Density;
  /** Entities (`packId/entityId`) the user asked not to highlight on this site. */
  #muted: ReadonlySet<string> = new Set();
  #painted = new WeakSet<Mention>();
  readonly #visibility: VisibilityRound;
  #mentionCount = 0;
  #wasCapped = false;

  constructor(
    matcher: AliasLookup,
    painter: Painter,
    options: {
      density?: Density;
      contextMarking?: ContextMarking;
      visibility?: VisibilityRound;
      maxMentions?: number;
      /** How far "near" reaches (nearness.ts); other values are for measuring it. */
      nearChars?: number;
    } = {},
  ) {
    this.#matcher = matcher;
    this.#painter = painter;
    this.#nearChars = options.nearChars ?? NEAR_CHARS;
    this.#density = options.density ?? 'all';
    this.#contextMarking = options.contextMarking ?? 'near';
    this.#visibility = options.visibility ?? ALL_VISIBLE;
    this.#maxMentions = options.maxMentions ?? MAX_MENTIONS;
  }

  readonly #matcher: AliasLookup;
  readonly #painter: Painter;
  readonly #maxMentions: number;
  readonly #nearChars: number;

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
    let rule = this.#rules.get(index);
    if (!rule) {
      const alias = this.#matcher.alias(index);
      const terms = this.#matcher.contextTermIdsOf(index);
      const passing = alias.entityRole === 'context';
      const unconditional =
        terms.length === 0 && (!passing || this.#contextMarking === 'everywhere')
          ? reasonOf(alias, passing ? { passing: { rule: 'everywhere' } } : {})
          : null;
      rule = { index, alias, terms, passing, unconditional };
      this.#rules.set(index, rule);
    }
    return rule;
  }

  /** Whether the page mentions `packId`'s subjects often enough to be about the pack. */
  #isAbout(packId: string): boolean {
    return (this.#subjectMentions.get(packId) ?? 0) >= ABOUT_PACK_MENTIONS;
  }

  /**
   * Takes new segments with their scan results (`results[i]` is the scan of
   * `segments[i].text`). Context terms and subjects among them can let in conditional
   * candidates of segments taken earlier: those waiting for one are resolved again.
   */
  add(segments: readonly Segment[], results: readonly ScanResult[]): void {
    if (results.length !== segments.length)
      throw new Error(`${segments.length} segments but ${results.length} scan results`);
    this.#shared.clear();
    const added: SegmentState[] = [];
    const newTerms = new Set<number>();
    const newPacks = new Set<string>();
    let aboutChanged = false;
    const visible = remembered(this.#visibility());
    for (const [i, segment] of segments.entries()) {
      const { candidates, contextHits } = results[i] as ScanResult;
      const found = this.#evidenceIn(candidates, contextHits);
      if (found) {
        this.#keepEvidence(segment, found);
        for (const term of found.terms) newTerms.add(term);
        for (const packId of found.subjects.keys()) newPacks.add(packId);
        aboutChanged = this.#countSubjects(found, 1) || aboutChanged;
      }
      // Most segments hold no candidate, so nothing to resolve, paint or hit-test. Kept, they
      // made `remove(null)`, which runs after every rescan, check every text node of the page.
      if (candidates.length === 0) continue;
      if (this.#mentionCount >= this.#maxMentions) {
        this.#wasCapped = true;
        continue;
      }
      const conditional = candidates.some(({ alias }) => !this.#ruleOf(alias).unconditional);
      const state: SegmentState = { segment, candidates, mentions: [], conditional, wants: null };
      this.#states.set(segment, state);
      if (conditional) this.#conditional.add(state);
      added.push(state);
    }
    const again = new Set(added);
    if (aboutChanged) for (const state of this.#conditional) again.add(state);
    for (const term of newTerms)
      for (const state of this.#waitingForTerm.get(term) ?? []) again.add(state);
    for (const packId of newPacks) {
      for (const state of this.#waitingForPack.get(packId) ?? []) again.add(state);
    }
    for (const state of again) this.#resolveState(state, visible);
  }

  /** What `candidates` and `contextHits` of one segment offer nearby mentions, or null. */
  #evidenceIn(candidates: readonly Candidate[], terms: readonly number[]): Evidence | null {
    let subjects: Evidence['subjects'] | null = null;
    let reached = 0;
    for (const candidate of candidates) {
      const rule = this.#ruleOf(candidate.alias);
      // Only an unambiguous subject speaks for its pack: a gated alias needs evidence itself.
      if (rule.passing || rule.terms.length > 0 || candidate.start < reached) continue;
      reached = candidate.end;
      const { packId } = rule.alias;
      subjects ??= new Map();
      const seen = subjects.get(packId);
      if (seen) seen.count++;
      else subjects.set(packId, { text: rule.alias.text, count: 1 });
    }
    if (!subjects && terms.length === 0) return null;
    return { terms, subjects: subjects ?? new Map() };
  }

  #keepEvidence(segment: Segment, found: Evidence): void {
    this.#evidence.set(segment, found);
    if (this.#evidenceByNode) indexEnds(this.#evidenceByNode, segment, found);
  }

  #evidenceNodes(): WeakMap<Text, Evidence> {
    if (!this.#evidenceByNode) {
      this.#evidenceByNode = new WeakMap();
      for (const [segment, found] of this.#evidence)
        indexEnds(this.#evidenceByNode, segment, found);
    }
    return this.#evidenceByNode;
  }

  /**
   * Adds (or takes away, `sign` -1) a segment's context terms and subject mentions to the
   * page's counts; says whether the page became (or stopped being) about a pack.
   */
  #countSubjects(found: Evidence, sign: 1 | -1): boolean {
    for (const term of found.terms) {
      this.#termSegments.set(term, (this.#termSegments.get(term) ?? 0) + sign);
    }
    let flipped = false;
    for (const [packId, { count }] of found.subjects) {
      const before = this.#isAbout(packId);
      this.#subjectMentions.set(packId, (this.#subjectMentions.get(packId) ?? 0) + sign * count);
      flipped ||= before !== this.#isAbout(packId);
    }
    return flipped;
  }

  /**
   * The context terms and subjects in a segment's own block. Most conditional mentions are
   * settled here or by the page being about the pack, so this allocates nothing until asked.
   */
  #inBlock(segment: Segment): Nearby {
    const own = this.#evidence.get(segment);
    return {
      term: (id) => (own?.terms.includes(id) ? this.#termPlace(id, 'same') : undefined),
      subject: (packId) => {
        const text = own?.subjects.get(packId)?.text;
        if (text === undefined) return undefined;
        let place = this.#shared.subjects.get(text);
        if (!place) this.#shared.subjects.set(text, (place = { text, side: 'same', distance: 0 }));
        return place;
      },
    };
  }

  /**
   * The context terms and subjects near a segment, its own block's and those of the text
   * around it (nearness.ts), each at its nearest place: taken only when the block alone did
   * not settle a mention.
   */
  #around(segment: Segment): Nearby {
    const terms = new Map<number, FoundNearby>();
    const subjects = new Map<string, FoundNearby>();
    const note = (found: Evidence, place: Omit<FoundNearby, 'text'>) => {
      for (const term of found.terms) {
        if (!terms.has(term)) terms.set(term, { text: this.#matcher.contextTerm(term), ...place });
      }
      for (const [packId, { text }] of found.subjects) {
        if (!subjects.has(packId)) subjects.set(packId, { text, ...place });
      }
    };
    const own = this.#evidence.get(segment);
    if (own) note(own, { side: 'same', distance: 0 });
    // Both sides are walked in full: the nearer of "before" and "after" wins below.
    const further: [Evidence, Omit<FoundNearby, 'text'>][] = [];
    const byNode = this.#evidenceNodes();
    visitTextAround(segment, this.#nearChars, (node, side, distance) => {
      const found = byNode.get(node);
      if (found && found !== own) further.push([found, { side, distance }]);
    });
    further.sort((a, b) => a[1].distance - b[1].distance);
    for (const [found, place] of further) note(found, place);
    return { term: (id) => terms.get(id), subject: (packId) => subjects.get(packId) };
  }

  /**
   * What a walk around the mention could not find because the page has none of it: its
   * alias's context terms, or any subject of its pack (the common case for an ambiguous word
   * on a page about something else), so that case costs no walk. Null when a walk may help.
   */
  #missingFromPage(rule: AliasRule): Missing | null {
    if (
      rule.terms.length > 0 &&
      !rule.terms.some((term) => (this.#termSegments.get(term) ?? 0) > 0)
    )
      return 'term';
    return rule.passing && (this.#subjectMentions.get(rule.alias.packId) ?? 0) === 0
      ? 'subject'
      : null;
  }

  /**
   * Why a conditional candidate may count here, or what it lacks: a context term, a subject of
   * its pack nearby, or nothing can help (the reader's "never").
   */
  #reasonHere(rule: AliasRule, nearby: Nearby): MatchReason | Missing {
    let contextTerm: FoundNearby | undefined;
    if (rule.terms.length > 0) {
      for (const term of rule.terms) {
        const place = nearby.term(term);
        if (place && (!contextTerm || place.distance < contextTerm.distance)) contextTerm = place;
      }
      // A page about the pack takes the term from anywhere on it, as it takes context entities.
      if (!contextTerm && this.#isAbout(rule.alias.packId)) {
        const term = rule.terms.find((id) => (this.#termSegments.get(id) ?? 0) > 0);
        if (term !== undefined) contextTerm = this.#termPlace(term, 'page');
      }
      if (!contextTerm) return 'term';
    }
    if (!rule.passing) return this.#sharedReason(rule, contextTerm);
    const { packId } = rule.alias;
    if (this.#contextMarking === 'everywhere')
      return this.#sharedReason(rule, contextTerm, { rule: 'everywhere' });
    if (this.#contextMarking === 'never') return 'nothing';
    const subject = nearby.subject(packId);
    if (subject) return this.#sharedReason(rule, contextTerm, { rule: 'near-subject', subject });
    return this.#isAbout(packId)
      ? this.#sharedReason(rule, contextTerm, {
          rule: 'about-pack',
          subjectMentions: this.#subjectMentions.get(packId) ?? 0,
        })
      : 'subject';
  }

  /** Where a term is when that does not depend on the mention: its own block, or the page. */
  #termPlace(term: number, side: 'same' | 'page'): FoundNearby {
    const places = this.#shared[side];
    let place = places.get(term);
    if (!place)
      places.set(term, (place = { text: this.#matcher.contextTerm(term), side, distance: 0 }));
    return place;
  }

  /**
   * A mention's reason, one object for all mentions with the same alias and the same reason
   * when nothing in it depends on the mention's place (a term's distance, a subject nearby).
   */
  #sharedReason(rule: AliasRule, contextTerm?: FoundNearby, passing?: PassingReason): MatchReason {
    const subject = passing?.rule === 'near-subject' ? passing.subject : undefined;
    const shareable =
      (!contextTerm || contextTerm.side === 'same' || contextTerm.side === 'page') &&
      (!subject || subject.side === 'same');
    if (!shareable) return reasonOf(rule.alias, { contextTerm, passing });
    let byTerm = this.#shared.reasons.get(rule);
    if (!byTerm) this.#shared.reasons.set(rule, (byTerm = new Map()));
    let bySubject = byTerm.get(contextTerm ?? NONE);
    if (!bySubject) byTerm.set(contextTerm ?? NONE, (bySubject = new Map()));
    let reason = bySubject.get(subject ?? NONE);
    if (!reason)
      bySubject.set(subject ?? NONE, (reason = reasonOf(rule.alias, { contextTerm, passing })));
    return reason;
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
    let lostEvidence = false;
    // A segment with mentions usually holds evidence too: decide once per segment.
    const decided = new Map<Segment, boolean>();
    const gone = (segment: Segment) => {
      let answer = decided.get(segment);
      if (answer === undefined) decided.set(segment, (answer = isGone(segment, root)));
      return answer;
    };
    for (const [segment, found] of this.#evidence) {
      if (gone(segment)) {
        this.#evidence.delete(segment);
        for (const node of [segment.nodes[0], segment.nodes[segment.nodes.length - 1]]) {
          if (node && this.#evidenceByNode?.get(node) === found) this.#evidenceByNode.delete(node);
        }
        this.#countSubjects(found, -1);
        lostEvidence = true;
      }
    }
    for (const [segment, state] of this.#states) {
      if (gone(segment)) {
        this.#states.delete(segment);
        this.#conditional.delete(state);
        this.#stopWaiting(state);
        this.#mentionCount -= state.mentions.length;
        for (const node of segment.nodes) {
          if (this.#byNode.get(node) === state) this.#byNode.delete(node);
        }
      }
    }
    // What let a conditional mention in may have left with the removed text.
    if (lostEvidence) {
      this.#shared.clear();
      this.#resolveAll(this.#conditional);
    }
  }

  #resolveAll(states: Iterable<SegmentState>): void {
    const visible = remembered(this.#visibility());
    for (const state of states) this.#resolveState(state, visible);
  }

  #resolveState(state: SegmentState, visible: VisibilityCheck): void {
    const { segment } = state;
    const seen = state.candidates.filter((candidate) => canSee(segment, candidate, visible));
    if (!state.conditional) {
      // Every candidate counts: no reasons to work out, each alias has its one.
      this.#applyChosen(
        state,
        resolveLeftmostLongest(seen, ALWAYS),
        (alias) => this.#ruleOf(alias).unconditional as MatchReason,
      );
      return;
    }
    const reasons = new Map<number, MatchReason | null>();
    let inBlock: Nearby | null = null;
    let around: Nearby | null = null;
    this.#stopWaiting(state);
    const reasonFor = (alias: number): MatchReason | null => {
      let reason = reasons.get(alias);
      if (reason === undefined) {
        const rule = this.#ruleOf(alias);
        let found =
          rule.unconditional ?? this.#reasonHere(rule, (inBlock ??= this.#inBlock(segment)));
        if (typeof found === 'string' && found !== 'nothing') {
          found =
            this.#missingFromPage(rule) ??
            this.#reasonHere(rule, (around ??= this.#around(segment)));
        }
        if (typeof found === 'string') {
          this.#noteWants(state, rule, found);
          reason = null;
        } else reason = found;
        reasons.set(alias, reason);
      }
      return reason;
    };
    this.#applyChosen(
      state,
      resolveLeftmostLongest(seen, (alias) => reasonFor(alias) !== null),
      (alias) => reasonFor(alias) as MatchReason,
    );
  }

  /** Makes `chosen` the segment's mentions, within `MAX_MENTIONS`, each with its reason. */
  #applyChosen(
    state: SegmentState,
    chosen: Candidate[],
    reasonFor: (alias: number) => MatchReason,
  ): void {
    this.#mentionCount -= state.mentions.length;
    const room = Math.max(0, this.#maxMentions - this.#mentionCount);
    if (chosen.length > room) {
      chosen = chosen.slice(0, room);
      this.#wasCapped = true;
    }
    this.#mentionCount += chosen.length;
    state.mentions = chosen.map((candidate) =>
      toMention(
        state.segment,
        candidate,
        this.#matcher.alias(candidate.alias),
        reasonFor(candidate.alias),
      ),
    );
    // Only text with mentions can be hit by the pointer: index just those nodes (most
    // of a page has none, and a WeakMap entry per text node is a measurable cost).
    if (state.mentions.length > 0) {
      for (const node of state.segment.nodes) this.#byNode.set(node, state);
    }
  }

  /**
   * Remembers what a dropped candidate waits for, so only news of that resolves it again: its
   * context terms while it has none, then its pack's subjects. (Waiting for both at once had
   * every batch naming a subject resolve again, on a dense page, hundreds of segments whose
   * term never comes.)
   */
  #noteWants(state: SegmentState, rule: AliasRule, missing: Missing): void {
    if (missing === 'nothing') return;
    const wants = (state.wants ??= { terms: new Set(), packs: new Set() });
    if (missing === 'term') {
      for (const term of rule.terms) {
        wants.terms.add(term);
        setIn(this.#waitingForTerm, term).add(state);
      }
    } else {
      wants.packs.add(rule.alias.packId);
      setIn(this.#waitingForPack, rule.alias.packId).add(state);
    }
  }

  /** Takes a segment off the waiting lists (resolved again, or gone). */
  #stopWaiting(state: SegmentState): void {
    const { wants } = state;
    if (!wants) return;
    for (const term of wants.terms) this.#waitingForTerm.get(term)?.delete(state);
    for (const packId of wants.packs) this.#waitingForPack.get(packId)?.delete(state);
    state.wants = null;
  }

  setDensity(density: Density): void {
    this.#density = density;
  }

  /** Applies the reader's choice for context entities to every segment at once. */
  setContextMarking(marking: ContextMarking): void {
    if (marking === this.#contextMarking) return;
    this.#contextMarking = marking;
    this.#rules.clear();
    this.#shared.clear();
    for (const state of this.#states.values()) {
      state.conditional = state.candidates.some(({ alias }) => !this.#ruleOf(alias).unconditional);
      if (state.conditional) this.#conditional.add(state);
      else this.#conditional.delete(state);
      this.#stopWaiting(state);
    }
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

/** Files a segment's evidence under its first and last text node: a walk meets one of them first. */
function indexEnds(byNode: WeakMap<Text, Evidence>, segment: Segment, found: Evidence): void {
  byNode.set(segment.nodes[0] as Text, found);
  byNode.set(segment.nodes[segment.nodes.length - 1] as Text, found);
}

/** A mention's reason, built from the alias that matched and what let it in. */
function reasonOf(
  alias: MatchedAlias,
  found: Pick<MatchReason, 'contextTerm' | 'passing'>,
): MatchReason {
  return {
    alias: { text: alias.text, case: alias.case },
    packId: alias.packId,
    role: alias.entityRole,
    ...(found.contextTerm ? { contextTerm: found.contextTerm } : {}),
    ...(found.passing ? { passing: found.passing } : {}),
  };
}

/** The set under `key`, created empty when there is none. */
function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Whether a segment's text left the document or lies under `root`. */
function isGone(segment: Segment, root: Node | null): boolean {
  const first = segment.nodes[0];
  if (!segment.nodes.every((node) => node.isConnected)) return true;
  return root !== null && first !== undefined && root.contains(first);
}

const ALWAYS = (): boolean => true;

/** The key of a shared reason without a context term or without a subject. */
const NONE: FoundNearby = { text: '', side: 'same', distance: 0 };

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
