import type { FoundNearby, MatchReason, PassingReason } from '../../domain/match-reason';
import type { Candidate } from '../types';
import { reasonOf, type AliasRule, type AliasRules } from './alias-rule';
import { ABOUT_PACK_MENTIONS, NEAR_CHARS, visitTextAround } from './nearness';
import type { AliasLookup } from './scanner';
import type { Segment } from './segments';

/**
 * The nearness rules of one document (issue 18, issue 15's local context): what the page offers
 * conditional mentions (context terms, subjects of a pack, how often each pack's subjects are
 * named), and whether a gated alias or a context entity may count at one place, with the
 * reason. The mention index (mention-index.ts) asks it only about segments holding a
 * conditional candidate; the content script loads it as `relevance.js` once a document holds
 * one (lib/content/relevance-script.ts), so frames that never name a bystander never pay for it.
 */

/** A segment with a conditional candidate, as the mention index keeps it. */
export interface ConditionalState {
  readonly segment: Segment;
  readonly candidates: readonly Candidate[];
  /**
   * After a resolve that dropped a conditional candidate: the context terms and packs whose
   * appearance near it could let the candidate in. Null otherwise.
   */
  wants: { terms: Set<number>; packs: Set<string> } | null;
}

/** What one batch of new segments changed for the segments taken before. */
export interface BatchNews<S extends ConditionalState> {
  /** A page became (or stopped being) about a pack: every conditional segment may change. */
  aboutChanged: boolean;
  /** Segments waiting for a context term or subject this batch brought. */
  waiting: Set<S>;
}

/** What a segment offers the conditional mentions near it. */
interface Evidence {
  /** Context terms found in its text. */
  terms: readonly number[];
  /**
   * Per pack: how one of its subjects was written here (an ungated alias of a subject), and how
   * many (non-overlapping) mentions of its subjects are here, for the "about the pack" rule.
   */
  subjects: SubjectsHere[];
}

/** One pack's subjects in one segment (a segment rarely names more than one pack: an array). */
interface SubjectsHere {
  packId: string;
  text: string;
  count: number;
}

/** What is near one segment: the nearest place of each context term and of each pack's subject. */
interface Nearby {
  term(id: number): FoundNearby | undefined;
  subject(packId: string): FoundNearby | undefined;
}

/** What keeps a conditional candidate out: a context term, a subject nearby, or the reader's "never". */
type Missing = 'term' | 'subject' | 'nothing';

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

  /** The reader's choice for context entities changed (in the rules); the index resolves again. */
  markingChanged(): void {
    this.#shared.clear();
  }

  /**
   * Takes one segment's scan (`candidates`, and the context terms found in its text) as
   * evidence for the mentions near it. Call `batchDone` once the batch's segments are taken.
   */
  take(segment: Segment, candidates: readonly Candidate[], terms: readonly number[]): void {
    const found = this.#evidenceIn(candidates, terms);
    if (!found) return;
    this.#evidence.set(segment, found);
    if (this.#evidenceByNode) indexEnds(this.#evidenceByNode, segment, found);
    const news = this.#news;
    if (this.#count(found, 1)) news.aboutChanged = true;
    if (this.#waitingForTerm.size > 0) {
      for (const term of found.terms) {
        for (const state of this.#waitingForTerm.get(term) ?? []) news.waiting.add(state);
      }
    }
    if (this.#waitingForPack.size > 0) {
      for (const { packId } of found.subjects) {
        for (const state of this.#waitingForPack.get(packId) ?? []) news.waiting.add(state);
      }
    }
  }

  /** What the segments taken since the last call changed for those taken before. */
  batchDone(): BatchNews<S> {
    // The page's counts changed: reasons holding them are built afresh.
    this.#shared.clear();
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
      this.#count(found, -1);
      lost = true;
    }
    if (lost) this.#shared.clear();
    return lost;
  }

  /**
   * Starts a resolve of `state`: forgets what it waited for and answers, per alias, why it may
   * count here or null, noting what a left-out one waits for.
   */
  decider(state: S): (alias: number) => MatchReason | null {
    this.stopWaiting(state);
    let inBlock: Nearby | null = null;
    let around: Nearby | null = null;
    return (alias) => {
      const rule = this.#ruleOf(alias);
      let found =
        rule.unconditional ?? this.#reasonHere(rule, (inBlock ??= this.#inBlock(state.segment)));
      if (typeof found === 'string' && found !== 'nothing') {
        found =
          this.#missingFromPage(rule) ??
          this.#reasonHere(rule, (around ??= this.#around(state.segment)));
      }
      if (typeof found !== 'string') return found;
      this.#noteWants(state, rule, found);
      return null;
    };
  }

  /** Takes a segment off the waiting lists (resolved again, or gone). */
  stopWaiting(state: S): void {
    const { wants } = state;
    if (!wants) return;
    for (const term of wants.terms) this.#waitingForTerm.get(term)?.delete(state);
    for (const packId of wants.packs) this.#waitingForPack.get(packId)?.delete(state);
    state.wants = null;
  }

  /** What `candidates` and `terms` of one segment offer nearby mentions, or null. */
  #evidenceIn(candidates: readonly Candidate[], terms: readonly number[]): Evidence | null {
    let subjects: SubjectsHere[] | null = null;
    let reached = 0;
    for (const candidate of candidates) {
      const rule = this.#ruleOf(candidate.alias);
      // Only an unambiguous subject speaks for its pack: a gated alias needs evidence itself.
      if (rule.passing || rule.terms.length > 0 || candidate.start < reached) continue;
      reached = candidate.end;
      const { packId } = rule.alias;
      subjects ??= [];
      const seen = subjectsOf(subjects, packId);
      if (seen) seen.count++;
      else subjects.push({ packId, text: rule.alias.text, count: 1 });
    }
    if (!subjects && terms.length === 0) return null;
    return { terms, subjects: subjects ?? NO_SUBJECTS };
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
  #count(found: Evidence, sign: 1 | -1): boolean {
    for (const term of found.terms) {
      this.#termSegments.set(term, (this.#termSegments.get(term) ?? 0) + sign);
    }
    let flipped = false;
    for (const { packId, count } of found.subjects) {
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
        const text = own && subjectsOf(own.subjects, packId)?.text;
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
        if (!terms.has(term)) terms.set(term, { text: this.#lookup.contextTerm(term), ...place });
      }
      for (const { packId, text } of found.subjects) {
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
    if (this.#rules.marking === 'everywhere')
      return this.#sharedReason(rule, contextTerm, { rule: 'everywhere' });
    if (this.#rules.marking === 'never') return 'nothing';
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
      places.set(term, (place = { text: this.#lookup.contextTerm(term), side, distance: 0 }));
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
   * Remembers what a dropped candidate waits for, so only news of that resolves it again: its
   * context terms while it has none, then its pack's subjects. (Waiting for both at once had
   * every batch naming a subject resolve again, on a dense page, hundreds of segments whose
   * term never comes.)
   */
  #noteWants(state: S, rule: AliasRule, missing: Missing): void {
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
}

/** Files a segment's evidence under its first and last text node: a walk meets one of them first. */
function indexEnds(byNode: WeakMap<Text, Evidence>, segment: Segment, found: Evidence): void {
  byNode.set(segment.nodes[0] as Text, found);
  byNode.set(segment.nodes[segment.nodes.length - 1] as Text, found);
}

/** The set under `key`, created empty when there is none. */
function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

const NO_SUBJECTS: SubjectsHere[] = [];

function subjectsOf(subjects: readonly SubjectsHere[], packId: string): SubjectsHere | undefined {
  for (const here of subjects) if (here.packId === packId) return here;
  return undefined;
}

/** The key of a shared reason without a context term or without a subject. */
const NONE: FoundNearby = { text: '', side: 'same', distance: 0 };
