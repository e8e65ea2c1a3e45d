import type { Candidate, CompiledMatcher, MatchedAlias, ScanResult } from '../types';
import { AliasIdentity } from './alias-identity';
import type { Automaton } from './automaton';
import { linkAutomaton } from './automaton';
import { cacheFold, FOLD_TABLE } from './fold';
import { SENSITIVE } from './patterns';
import { compareCandidates } from './resolve';
import { decodeInt32, decodeUint16, decodeUint8 } from '../../encoding/typed-arrays';
import { MATCHER_VERSION } from '../matcher-version';
import { CHECK_END, CHECK_START, joinsAfter, joinsBefore } from './word-boundary';

const NOT_GATED: readonly number[] = [];

/**
 * Scans text with a compiled automaton. Build it once per page from the `CompiledMatcher`
 * the background sends, then call `scan` per block of text.
 */
export class Matcher {
  readonly key: string;
  readonly aliasCount: number;
  readonly contextTerms: readonly string[];
  /** Aliases with context terms, ascending: they count only when one of their terms is on the page. */
  readonly gatedAliases: readonly number[];

  readonly #automaton: Automaton;
  readonly #patternLength: Int32Array;
  readonly #patternTerm: Int32Array;
  /** Aliases of each pattern, ascending: `#patternAliases[#patternAliasStart[p] .. #patternAliasStart[p + 1]]`. */
  readonly #patternAliasStart: Int32Array;
  readonly #patternAliases: Int32Array;
  /** Aliases each pattern blocks (a `notInside` word), laid out like `#patternAliases`. */
  readonly #patternBlockStart: Int32Array;
  readonly #patternBlocked: Int32Array;
  readonly #patternFlags: Uint8Array;
  /** The longest pattern, in code units: how far a blocker can reach past a candidate's start. */
  readonly #longestPattern: number;
  readonly #aliasFlags: Uint8Array;
  readonly #termFlags: Uint8Array;
  readonly #identity: AliasIdentity;
  /** Context terms of each alias: `#aliasTerms[#aliasTermStart[a] .. #aliasTermStart[a + 1]]`. */
  readonly #aliasTermStart: Int32Array;
  readonly #aliasTerms: Int32Array;
  readonly #termLists = new Map<number, readonly number[]>();
  /** Per context term: the scan that last reported it, so each term is reported once per scan. */
  readonly #termSeenIn: Int32Array;
  #scanNumber = 0;

  static fromCompiled(compiled: CompiledMatcher): Matcher {
    return new Matcher(compiled);
  }

  /**
   * Decodes and checks the tables; throws on a wrong format or inconsistent tables.
   * `tuning` exists for tests, to exercise the sparse path where dense rows would be used.
   */
  constructor(compiled: CompiledMatcher, tuning: { asciiRowStates?: number } = {}) {
    if (compiled.format !== MATCHER_VERSION) {
      throw new Error(`Unsupported matcher version ${String(compiled.format)}`);
    }
    const table = (name: string): string => {
      const encoded = compiled.tables[name];
      if (encoded === undefined) throw new Error(`Matcher table "${name}" is missing`);
      return encoded;
    };
    this.key = compiled.key;
    this.contextTerms = compiled.contextTerms;
    this.#automaton = linkAutomaton(
      {
        label: decodeUint16(table('label')),
        fanout: decodeUint16(table('fanout')),
        fail: decodeInt32(table('fail')),
        patternState: decodeInt32(table('patternState')),
      },
      tuning.asciiRowStates,
    );
    this.#patternLength = decodeInt32(table('patternLength'));
    this.#patternTerm = decodeInt32(table('patternTerm'));
    this.#aliasFlags = decodeUint8(table('aliasFlags'));
    this.#termFlags = decodeUint8(table('termFlags'));
    this.aliasCount = this.#aliasFlags.length;
    const patterns = this.#automaton.patternState.length;
    this.#patternAliasStart = decodeInt32(table('patternAliasStart'));
    this.#patternAliases = decodeInt32(table('patternAliases'));
    this.#patternBlockStart = decodeInt32(table('patternBlockStart'));
    this.#patternBlocked = decodeInt32(table('patternBlocked'));
    this.#patternFlags = decodeUint8(table('patternFlags'));
    this.#checkPatterns(patterns);
    this.#checkGroups(this.#patternAliasStart, this.#patternAliases, patterns, 'pattern aliases');
    this.#checkGroups(this.#patternBlockStart, this.#patternBlocked, patterns, 'blockers');
    if (this.#patternFlags.length !== patterns)
      throw new Error('Matcher tables do not fit its aliases');
    this.#longestPattern = this.#patternLength.reduce(
      (longest, length) => Math.max(longest, length),
      0,
    );
    this.#identity = new AliasIdentity(compiled, this.#aliasFlags, {
      textEnd: decodeInt32(table('aliasTextEnd')),
      entityIdEnd: decodeInt32(table('entityIdEnd')),
      aliasEntity: decodeInt32(table('aliasEntity')),
      entityPack: decodeInt32(table('entityPack')),
      entityKind: decodeInt32(table('entityKind')),
      entityRole: decodeInt32(table('entityRole')),
    });
    this.#aliasTermStart = decodeInt32(table('aliasTermStart'));
    this.#aliasTerms = decodeInt32(table('aliasTerms'));
    this.gatedAliases = this.#checkAliasTerms();
    this.#termSeenIn = new Int32Array(this.contextTerms.length);
  }

  /**
   * Checks the per-pattern tables in one pass, so that reporting can read them unguarded
   * even from a corrupt cache: lengths, term ids, and each pattern's range of aliases.
   */
  #checkPatterns(patterns: number): void {
    const lengths = this.#patternLength;
    const terms = this.#patternTerm;
    if (
      lengths.length !== patterns ||
      terms.length !== patterns ||
      this.#termFlags.length !== this.contextTerms.length
    ) {
      throw new Error('Matcher tables do not fit its aliases');
    }
    for (let p = 0; p < patterns; p++) {
      const term = terms[p] as number;
      if ((lengths[p] as number) < 1 || term < 0 || term > this.contextTerms.length) {
        throw new Error('Matcher tables are inconsistent (patterns)');
      }
    }
  }

  /** Checks a pattern → aliases grouping: one start per pattern + 1, ranges in order, aliases in range. */
  #checkGroups(start: Int32Array, aliases: Int32Array, patterns: number, what: string): void {
    if (start.length !== patterns + 1 || start[0] !== 0 || start[patterns] !== aliases.length) {
      throw new Error(`Matcher tables are inconsistent (${what})`);
    }
    for (let p = 0; p < patterns; p++) {
      if ((start[p + 1] as number) < (start[p] as number)) {
        throw new Error(`Matcher tables are inconsistent (${what})`);
      }
    }
    for (let k = 0; k < aliases.length; k++) {
      const alias = aliases[k] as number;
      if (alias < 0 || alias >= this.aliasCount) {
        throw new Error(`Matcher tables are inconsistent (${what})`);
      }
    }
  }

  /** Validates the alias → context-term lists and returns the gated aliases. */
  #checkAliasTerms(): number[] {
    const start = this.#aliasTermStart;
    const ids = this.#aliasTerms;
    if (start.length !== this.aliasCount + 1 || start[0] !== 0 || start.at(-1) !== ids.length) {
      throw new Error('Matcher tables are inconsistent (context terms)');
    }
    const gated: number[] = [];
    for (let alias = 0; alias < this.aliasCount; alias++) {
      const from = start[alias] as number;
      const to = start[alias + 1] as number;
      if (to < from) throw new Error('Matcher tables are inconsistent (context terms)');
      if (to > from) gated.push(alias);
    }
    for (let k = 0; k < ids.length; k++) {
      if ((ids[k] as number) >= this.contextTerms.length) {
        throw new Error('Matcher tables are inconsistent (context terms)');
      }
    }
    return gated;
  }

  /** Who alias `index` stands for: its text, case rule, pack, entity and kind. */
  alias(index: number): MatchedAlias {
    return this.#identity.get(index);
  }

  /** Ids (into `contextTerms`) of the terms gating `alias`, ascending; empty when not gated. */
  contextTermIdsOf(alias: number): readonly number[] {
    const from = this.#aliasTermStart[alias] ?? 0;
    const to = this.#aliasTermStart[alias + 1] ?? 0;
    if (to === from) return NOT_GATED;
    let list = this.#termLists.get(alias);
    if (list === undefined) {
      list = Array.from(this.#aliasTerms.subarray(from, to));
      this.#termLists.set(alias, list);
    }
    return list;
  }

  /** A context term's text, as the pack first spelled it. */
  contextTerm(term: number): string {
    const text = this.contextTerms[term];
    if (text === undefined) throw new RangeError(`No context term ${term}`);
    return text;
  }

  /**
   * All alias occurrences in `text` that pass their case rule and word boundaries, and the
   * context terms present. Cost: one pass over `text` plus work per occurrence.
   */
  scan(text: string): ScanResult {
    const { label, firstChild, fail, rootNext, outputLink, rowStates, asciiRows } = this.#automaton;
    const fold = FOLD_TABLE;
    const candidates: Candidate[] = [];
    const contextHits: number[] = [];
    const blocked: Candidate[] = [];
    const scanNumber = this.#nextScanNumber();
    const length = text.length;
    let state = 0;
    // A page scan runs this once per code unit while the JIT is still cold: the common case
    // (ASCII at a shallow state) is tested first and costs one load, with no fold lookup.
    // Typed-array reads are cast, not `?? 0`-guarded: every index is in range by
    // construction, checked once on load (linkAutomaton).
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80 && state < rowStates) {
        // Shallow state, ASCII text: one dense lookup, folding built into the row.
        state = asciiRows[(state << 7) | code] as number;
      } else {
        let unit = fold[code] as number;
        // 0 = not folded yet; only U+0000 folds to 0, and that is ASCII.
        if (unit === 0 && code !== 0) unit = cacheFold(code);
        // Follow fail links until a state has an edge on `unit`; the root's row is dense for
        // every unit. Inline, not a call: a call per code unit made CJK pages ~20% slower.
        step: {
          for (; state !== 0; state = fail[state] as number) {
            let lo = firstChild[state] as number;
            const end = firstChild[state + 1] as number;
            // Children are sorted by label. Most states have one or two; a few have
            // thousands (a Han first character). Strided skips keep the wide ones cheap
            // without a second code path.
            while (lo + 64 < end && (label[lo + 64] as number) < unit) lo += 64;
            while (lo + 8 < end && (label[lo + 8] as number) < unit) lo += 8;
            while (lo < end && (label[lo] as number) < unit) lo++;
            if (lo < end && label[lo] === unit) {
              state = lo;
              break step;
            }
          }
          state = rootNext[unit] as number;
        }
      }
      const found = outputLink[state] as number;
      if (found >= 0)
        this.#report(text, i + 1, found, scanNumber, candidates, contextHits, blocked);
    }
    if (blocked.length > 0) dropBlocked(candidates, blocked, this.#longestPattern);
    sortCandidates(candidates);
    contextHits.sort((a, b) => a - b);
    return { candidates, contextHits };
  }

  /** Fans out every pattern ending at `end`, from the longest (`first`), to its aliases and term. */
  #report(
    text: string,
    end: number,
    first: number,
    scanNumber: number,
    candidates: Candidate[],
    contextHits: number[],
    blocked: Candidate[],
  ): void {
    const { fail, outputLink, patternState } = this.#automaton;
    let pattern = first;
    while (pattern >= 0) {
      const start = end - (this.#patternLength[pattern] ?? 0);
      const term = (this.#patternTerm[pattern] ?? 0) - 1;
      if (term >= 0 && this.#termSeenIn[term] !== scanNumber) {
        if (fitsBoundaries(text, start, end, this.#termFlags[term] ?? 0)) {
          this.#termSeenIn[term] = scanNumber;
          contextHits.push(term);
        }
      }
      const lastBlocked = this.#patternBlockStart[pattern + 1] ?? 0;
      let k = this.#patternBlockStart[pattern] ?? 0;
      if (k < lastBlocked && fitsBoundaries(text, start, end, this.#patternFlags[pattern] ?? 0)) {
        for (; k < lastBlocked; k++)
          blocked.push({ start, end, alias: this.#patternBlocked[k] ?? 0 });
      }
      const last = this.#patternAliasStart[pattern + 1] ?? 0;
      for (let k = this.#patternAliasStart[pattern] ?? 0; k < last; k++) {
        const alias = this.#patternAliases[k] ?? 0;
        const flags = this.#aliasFlags[alias] ?? 0;
        if (!fitsBoundaries(text, start, end, flags)) continue;
        if ((flags & SENSITIVE) !== 0 && !this.#identity.sameShape(alias, text, start)) continue;
        candidates.push({ start, end, alias });
      }
      // The next shorter pattern ending here: the longest one on the fail state's chain.
      pattern = outputLink[fail[patternState[pattern] ?? 0] ?? 0] ?? -1;
    }
  }

  #nextScanNumber(): number {
    if (this.#scanNumber === 0x7fffffff) {
      this.#termSeenIn.fill(0);
      this.#scanNumber = 0;
    }
    return ++this.#scanNumber;
  }
}

/**
 * Removes the candidates that lie inside a word their alias must not match inside (`blocked`:
 * one entry per blocker occurrence and alias it blocks). Runs only when a blocker occurred,
 * so a text without one pays nothing. Both lists come in the scan's order, by end ascending,
 * and a blocker holding a candidate ends at most `longest` units after the candidate starts,
 * so each candidate looks at the few blockers ending in that window: linear, even for a text
 * made of nothing but blocked words.
 */
function dropBlocked(
  candidates: Candidate[],
  blocked: readonly Candidate[],
  longest: number,
): void {
  let kept = 0;
  let from = 0;
  for (const candidate of candidates) {
    while (from < blocked.length && (blocked[from] as Candidate).end < candidate.end) from++;
    let inside = false;
    for (let k = from; k < blocked.length; k++) {
      const word = blocked[k] as Candidate;
      if (word.end > candidate.start + longest) break;
      if (word.alias === candidate.alias && word.start <= candidate.start) {
        inside = true;
        break;
      }
    }
    if (!inside) candidates[kept++] = candidate;
  }
  candidates.length = kept;
}

function fitsBoundaries(text: string, start: number, end: number, flags: number): boolean {
  if ((flags & CHECK_START) !== 0 && joinsBefore(text, start)) return false;
  return (flags & CHECK_END) === 0 || !joinsAfter(text, end);
}

/**
 * Start ascending, end descending, alias ascending. The scan emits by end position, so the
 * list is usually sorted already (only overlapping candidates are out of order); the check
 * skips the sort then, and TimSort is near-linear on the nearly sorted rest.
 */
function sortCandidates(candidates: Candidate[]): void {
  for (let i = 1; i < candidates.length; i++) {
    if (compareCandidates(candidates[i - 1] as Candidate, candidates[i] as Candidate) > 0) {
      candidates.sort(compareCandidates);
      return;
    }
  }
}
