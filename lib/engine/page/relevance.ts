import type { FoundNearby, MatchReason } from '../../domain/match-reason';
import type { Candidate } from '../types';
import { reasonOf, type AliasRule, type AliasRules } from './alias-rule';
import { ABOUT_PACK_MENTIONS, NEAR_CHARS, visitTextAround } from './nearness';
import type { AliasLookup } from './scanner';
import type { Segment } from './segments';

/**
 * The nearness rules of one document (issue 18, issue 15's local context): what the page offers
 * conditional mentions (context terms, subjects of a pack, how often each pack's subjects are
 * named), whether a gated alias or a context entity may count at one place, and, when a card
 * asks, why it did. The mention index (mention-index.ts) asks it only about segments holding a
 * conditional candidate; the content script loads it as `relevance.js` once a document holds
 * one (lib/content/relevance-script.ts), so frames that never name a bystander never pay for it.
 */

/** A segment with a conditional candidate, as the mention index keeps it. */
export interface ConditionalState {
  readonly segment: Segment;
  readonly candidates: readonly Candidate[];
  /**
   * After a resolve that dropped a conditional candidate: on the lists of what could let it
   * in (context terms, packs' subjects). Which lists is read again from its candidates when it
   * leaves them, so a dense page allocates nothing per dropped candidate.
   */
  waiting: boolean;
}

/** What one batch of new segments changed for the segments taken before. */
export interface BatchNews<S extends ConditionalState> {
  /** A page became (or stopped being) about a pack: every conditional segment may change. */
  aboutChanged: boolean;
  /** Segments waiting for a context term or subject this batch brought. */
  waiting: Set<S>;
}

/**
 * What a segment offers the conditional mentions near it: its scan, kept as it came. Its
 * subjects (candidates of aliases that speak for their pack, not overlapping one another) are
 * read from the candidates when asked: counting them is all most pages need.
 */
interface Evidence {
  /** Context terms found in its text. */
  readonly terms: readonly number[];
  readonly candidates: readonly Candidate[];
}

/** What is near one segment: the nearest place of each context term and of each pack's subject. */
interface Nearby {
  term(id: number): FoundNearby | undefined;
  subject(packId: string): FoundNearby | undefined;
}

/** What keeps a conditional candidate out: a context term, a subject nearby, or the reader's "never". */
type Missing = 'term' | 'subject' | 'nothing';

/**
 * A verdict: `true` when the candidate counts (the reason, when asked for), or what it lacks.
 * Deciding builds no reason: a dense page lets thousands of mentions through, and a reason is
 * wanted only for the one a card shows (`explain`).
 */
type Verdict = MatchReason | true | Missing;

export interface RelevanceOptions {
  /** How far "near" reaches (nearness.ts); other values are for measuring it. */
  nearChars?: number;
}

/** `rules` are the mention index's, so both see the reader's marking choice alike. */
export type CreateRelevance = <S extends ConditionalState>(
  lookup: AliasLookup,
  rules: AliasRules,
  options?: RelevanceOptions,
) => Relevance<S>;

export const createRelevance: CreateRelevance = (lookup, rules, options) =>
  new Relevance(lookup, rules, options);

export class Relevance<S extends ConditionalState> {
  readonly #lookup: AliasLookup;
  readonly #nearChars: number;
  readonly #rules: AliasRules;
  /** Segments holding context terms or subjects. */
  readonly #evidence = new Map<Segment, Evidence>();
  /**
   * The same, by the first and last text node of each segment, for walks from a mention.
   * Built on the first walk only: on most pages no mention needs one (settled in its own block
   * or by the page being about the pack), and a WeakMap entry per segment is a measurable cost.
   */
  #evidenceByNode: WeakMap<Text, Evidence> | null = null;
  /**
   * The conditional segments with a candidate left out, by what they wait for (a context term,
   * a pack's subject): only these can gain from new evidence, and a term that never turns up
   * costs the segments waiting for it nothing.
   */
  readonly #waitingForTerm = new Map<number, Set<S>>();
  readonly #waitingForPack = new Map<string, Set<S>>();
  /** Per pack: mentions of its subjects on the page; past ABOUT_PACK_MENTIONS the page is about it. */
  readonly #subjectMentions = new Map<string, number>();
  /** Per context term: segments holding it. A page about a pack accepts its terms anywhere. */
  readonly #termSegments = new Map<number, number>();
  /** What the batch being taken brought. */
  #news: BatchNews<S> = { aboutChanged: false, waiting: new Set() };

  constructor(lookup: AliasLookup, rules: AliasRules, options: RelevanceOptions = {}) {
    this.#lookup = lookup;
    this.#rules = rules;
    this.#nearChars = options.nearChars ?? NEAR_CHARS;
  }

  #ruleOf(index: number): AliasRule {
    return this.#rules.of(index);
  }

  /** Whether the page mentions `packId`'s subjects often enough to be about the pack. */
  #isAbout(packId: string): boolean {
    return (this.#subjectMentions.get(packId) ?? 0) >= ABOUT_PACK_MENTIONS;
  }

  /**
   * Takes one segment's scan (`candidates`, and the context terms found in its text) as
   * evidence for the mentions near it. Call `batchDone` once the batch's segments are taken.
   */
  take(segment: Segment, candidates: readonly Candidate[], terms: readonly number[]): void {
    if (candidates.length === 0 && terms.length === 0) return;
    const counted = this.#count(terms, candidates, 1);
    // Only a segment with terms or subjects is evidence: a removed one may take a mention's reason.
    if (counted === NOTHING && terms.length === 0) return;
    const found: Evidence = { terms, candidates };
    this.#evidence.set(segment, found);
    if (this.#evidenceByNode) indexEnds(this.#evidenceByNode, segment, found);
    const news = this.#news;
    if (counted === FLIPPED) news.aboutChanged = true;
    if (this.#waitingForTerm.size > 0) {
      for (const term of terms) {
        for (const state of this.#waitingForTerm.get(term) ?? []) news.waiting.add(state);
      }
    }
    if (this.#waitingForPack.size > 0) {
      for (const [packId, waiting] of this.#waitingForPack) {
        if (!this.#subjectIn(found, packId)) continue;
        for (const state of waiting) news.waiting.add(state);
      }
    }
  }

  /** What the segments taken since the last call changed for those taken before. */
  batchDone(): BatchNews<S> {
    const news = this.#news;
    this.#news = { aboutChanged: false, waiting: new Set() };
    return news;
  }

  /**
   * Forgets the evidence of segments that `gone` says left the page. Answers whether any did:
   * then what let a conditional mention in may have left with them.
   */
  forget(gone: (segment: Segment) => boolean): boolean {
    let lost = false;
    for (const [segment, found] of this.#evidence) {
      if (!gone(segment)) continue;
      this.#evidence.delete(segment);
      for (const node of [segment.nodes[0], segment.nodes[segment.nodes.length - 1]]) {
        if (node && this.#evidenceByNode?.get(node) === found) this.#evidenceByNode.delete(node);
      }
      this.#count(found.terms, found.candidates, -1);
      lost = true;
    }
    return lost;
  }

  /** The segment `decider` was last called for, and what is near it once that was walked. */
  #deciding: S | null = null;
  #nearDeciding: Nearby | null = null;
  readonly #aroundDeciding = (): Nearby =>
    (this.#nearDeciding ??= this.#around((this.#deciding as S).segment));

  /**
   * Starts a resolve of `state`: forgets what it waited for and answers a function that tells,
   * per alias, whether it counts here, noting what a left-out one waits for. No reason is
   * built (see `explain`). The function is valid until the next call: one function serves
   * every segment (a dense page resolves thousands, and closures per segment showed in its
   * profile).
   */
  decider(state: S): (alias: number) => boolean {
    this.stopWaiting(state);
    this.#deciding = state;
    this.#nearDeciding = null;
    return this.#decide;
  }

  readonly #decide = (alias: number): boolean => {
    const rule = this.#ruleOf(alias);
    if (rule.unconditional) return true;
    const state = this.#deciding as S;
    const verdict = this.#judge(rule, state.segment, this.#aroundDeciding, false);
    if (typeof verdict !== 'string') return true;
    this.#noteWants(state, rule, verdict);
    return false;
  };

  /**
   * Why alias `alias` counts in `segment`, by the page as it is now (the mention index asks
   * when a card shows the mention; a mention whose evidence left was resolved away). Null
   * when it would not count.
   */
  explain(segment: Segment, alias: number): MatchReason | null {
    const rule = this.#ruleOf(alias);
    if (rule.unconditional) return rule.unconditional;
    const verdict = this.#judge(rule, segment, this.#aroundOnce(segment), true);
    return typeof verdict === 'object' ? verdict : null;
  }

  /** Takes a segment off the waiting lists (resolved again, or gone). */
  stopWaiting(state: S): void {
    if (!state.waiting) return;
    state.waiting = false;
    // Terms and roles do not change with the reader's marking choice: every list it joined.
    for (const { alias } of state.candidates) {
      const rule = this.#ruleOf(alias);
      for (const term of rule.terms) this.#waitingForTerm.get(term)?.delete(state);
      if (rule.passing) this.#waitingForPack.get(rule.alias.packId)?.delete(state);
    }
  }

  /**
   * A segment's subjects are its candidates of aliases that speak for their pack, none
   * overlapping the one before. This is the index of the first from `from` that starts at or
   * after `reached` (the end of the one before), or -1. Callers step from one subject `i` to
   * the next with `(candidates, i + 1, end of i)`: the subjects are walked, never listed.
   */
  #nextSubject(candidates: readonly Candidate[], from: number, reached: number): number {
    for (let i = from; i < candidates.length; i++) {
      const candidate = candidates[i] as Candidate;
      if (candidate.start >= reached && this.#ruleOf(candidate.alias).speaksForPack) return i;
    }
    return -1;
  }

  /** The rule of the first of `found`'s subjects that speaks for `packId`, if any. */
  #subjectIn({ candidates }: Evidence, packId: string): AliasRule | undefined {
    for (let i = this.#nextSubject(candidates, 0, 0); i >= 0;) {
      const candidate = candidates[i] as Candidate;
      const rule = this.#ruleOf(candidate.alias);
      if (rule.alias.packId === packId) return rule;
      i = this.#nextSubject(candidates, i + 1, candidate.end);
    }
    return undefined;
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
   * page's counts; says whether it named subjects, and whether the page became (or stopped
   * being) about a pack.
   */
  #count(terms: readonly number[], candidates: readonly Candidate[], sign: 1 | -1): Counted {
    for (const term of terms) {
      this.#termSegments.set(term, (this.#termSegments.get(term) ?? 0) + sign);
    }
    // Subjects one after another usually name one pack: counted in a run, added per run.
    let counted: Counted = NOTHING;
    let packId: string | null = null;
    let count = 0;
    for (let i = this.#nextSubject(candidates, 0, 0); i >= 0;) {
      const candidate = candidates[i] as Candidate;
      const next = this.#ruleOf(candidate.alias).alias.packId;
      if (next === packId) count++;
      else {
        counted = this.#addRun(packId, sign * count, counted);
        packId = next;
        count = 1;
      }
      i = this.#nextSubject(candidates, i + 1, candidate.end);
    }
    return this.#addRun(packId, sign * count, counted);
  }

  /**
   * Adds a run of `count` mentions of `packId`'s subjects (none when `packId` is null) to the
   * page's counts; answers what the segment has counted so far, with this run.
   */
  #addRun(packId: string | null, count: number, counted: Counted): Counted {
    if (packId === null) return counted;
    const before = this.#isAbout(packId);
    this.#subjectMentions.set(packId, (this.#subjectMentions.get(packId) ?? 0) + count);
    return before !== this.#isAbout(packId) ? FLIPPED : counted === NOTHING ? SUBJECTS : counted;
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
        if (!terms.has(term)) terms.set(term, { text: this.#lookup.contextTerm(term), ...place });
      }
      const { candidates } = found;
      for (let i = this.#nextSubject(candidates, 0, 0); i >= 0;) {
        const candidate = candidates[i] as Candidate;
        const { packId, text } = this.#ruleOf(candidate.alias).alias;
        if (!subjects.has(packId)) subjects.set(packId, { text, ...place });
        i = this.#nextSubject(candidates, i + 1, candidate.end);
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

  /** `#around(segment)`, walked the first time it is asked for: a segment's aliases share it. */
  #aroundOnce(segment: Segment): () => Nearby {
    let around: Nearby | null = null;
    return () => (around ??= this.#around(segment));
  }

  /**
   * Whether a conditional candidate counts in `segment` (with `explain`: why), or what it
   * lacks: a context term, a subject of its pack nearby, or nothing can help (the reader's
   * "never"). Its own block is looked at first, then, unless the page has none of what is
   * needed, the text around it (`around`, one walk per segment).
   */
  #judge(rule: AliasRule, segment: Segment, around: () => Nearby, explain: boolean): Verdict {
    // Plain loops, and the segment's evidence looked up only where needed: this runs for every
    // conditional candidate of a page (a closure per call showed in a dense page's profile).
    let contextTerm: FoundNearby | undefined;
    if (rule.terms.length > 0) {
      const own = this.#evidence.get(segment);
      const here = own ? firstShared(rule.terms, own.terms) : undefined;
      if (here !== undefined) {
        if (explain) contextTerm = this.#termPlace(here, 'same');
      } else {
        const onPage = this.#firstOnPage(rule.terms);
        if (onPage === undefined) return 'term';
        // A page about the pack takes the term from anywhere on it, as it takes context
        // entities: deciding, that settles it; explaining, a nearer place is the better answer.
        const about = this.#isAbout(rule.alias.packId);
        if (explain || !about) {
          const nearby = around();
          for (const term of rule.terms) {
            const place = nearby.term(term);
            if (place && (!contextTerm || place.distance < contextTerm.distance))
              contextTerm = place;
          }
          if (!contextTerm && about) contextTerm = this.#termPlace(onPage, 'page');
          if (!contextTerm) return 'term';
        }
      }
    }
    const { alias } = rule;
    if (!rule.passing) return explain ? reasonOf(alias, { contextTerm }) : true;
    const marking = this.#rules.marking;
    if (marking === 'never') return 'nothing';
    if (marking === 'everywhere')
      return explain ? reasonOf(alias, { contextTerm, passing: { rule: 'everywhere' } }) : true;
    const { packId } = alias;
    // Deciding, a page about the pack settles it; explaining, a subject nearby is the better answer.
    if (!explain && this.#isAbout(packId)) return true;
    const own = this.#evidence.get(segment);
    const inBlock = own && this.#subjectIn(own, packId);
    let subject: FoundNearby | undefined;
    if (inBlock) {
      if (!explain) return true;
      subject = { text: inBlock.alias.text, side: 'same', distance: 0 };
    } else if ((this.#subjectMentions.get(packId) ?? 0) > 0) {
      subject = around().subject(packId);
    }
    if (subject) {
      return explain
        ? reasonOf(alias, { contextTerm, passing: { rule: 'near-subject', subject } })
        : true;
    }
    if (!this.#isAbout(packId)) return 'subject';
    const subjectMentions = this.#subjectMentions.get(packId) ?? 0;
    return reasonOf(alias, { contextTerm, passing: { rule: 'about-pack', subjectMentions } });
  }

  /** The first of `terms` found anywhere on the page. */
  #firstOnPage(terms: readonly number[]): number | undefined {
    for (const term of terms) if ((this.#termSegments.get(term) ?? 0) > 0) return term;
    return undefined;
  }

  /** Where a term is when that does not depend on the mention: its own block, or the page. */
  #termPlace(term: number, side: 'same' | 'page'): FoundNearby {
    return { text: this.#lookup.contextTerm(term), side, distance: 0 };
  }

  /**
   * Remembers what a dropped candidate waits for, so only news of that resolves it again: its
   * context terms while it has none, then its pack's subjects. (Waiting for both at once had
   * every batch naming a subject resolve again, on a dense page, hundreds of segments whose
   * term never comes.)
   */
  #noteWants(state: S, rule: AliasRule, missing: Missing): void {
    if (missing === 'nothing') return;
    state.waiting = true;
    if (missing === 'term') {
      for (const term of rule.terms) setIn(this.#waitingForTerm, term).add(state);
    } else setIn(this.#waitingForPack, rule.alias.packId).add(state);
  }
}

/** Files a segment's evidence under its first and last text node: a walk meets one of them first. */
function indexEnds(byNode: WeakMap<Text, Evidence>, segment: Segment, found: Evidence): void {
  byNode.set(segment.nodes[0] as Text, found);
  byNode.set(segment.nodes[segment.nodes.length - 1] as Text, found);
}

/** The first of `wanted` that `found` holds. */
function firstShared(wanted: readonly number[], found: readonly number[]): number | undefined {
  for (const term of wanted) if (found.includes(term)) return term;
  return undefined;
}

/** The set under `key`, created empty when there is none. */
function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** What `#count` found in a segment: no subjects, subjects, subjects that flipped a pack's "about". */
const NOTHING = 0;
const SUBJECTS = 1;
const FLIPPED = 2;
type Counted = typeof NOTHING | typeof SUBJECTS | typeof FLIPPED;
