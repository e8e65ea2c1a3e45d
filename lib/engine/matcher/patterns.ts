import type { AliasSpec } from '../types';
import type { AutomatonCore } from './automaton';
import { buildAutomaton } from './build-automaton';
import { boundaryChecks } from './word-boundary';

/**
 * The automaton's patterns: distinct folded texts of all aliases, all context terms and all
 * words aliases must not match inside ("blockers": 豆包子 for 豆包). One text can be an alias
 * of several entities (across packs), a context term and a blocker at the same time; it is
 * still one pattern, so the automaton reports it once per position and the scanner fans it
 * out to its aliases, its term and the aliases it blocks.
 */

export const SENSITIVE = 1;

export interface PatternSet {
  core: AutomatonCore;
  /** Per pattern: length in code units. */
  patternLength: Int32Array;
  /** Per pattern: context term id + 1, or 0 when the pattern is no context term. */
  patternTerm: Uint32Array;
  /**
   * Per pattern: its aliases, ascending, at `patternAliases[patternAliasStart[p] ..
   * patternAliasStart[p + 1]]`. An alias that can never match (empty text) is in none.
   */
  patternAliasStart: Uint32Array;
  patternAliases: Uint32Array;
  /**
   * Per pattern: the aliases it blocks (it is one of their `notInside` words), ascending, at
   * `patternBlocked[patternBlockStart[p] .. patternBlockStart[p + 1]]`.
   */
  patternBlockStart: Uint32Array;
  patternBlocked: Uint32Array;
  /** Per pattern: `CHECK_START | CHECK_END` as a blocker (only read for blockers). */
  patternFlags: Uint8Array;
  /** Per alias: `SENSITIVE | CHECK_START | CHECK_END`. */
  aliasFlags: Uint8Array;
  /** Distinct context terms (distinct after folding; the first spelling seen is kept). */
  contextTerms: string[];
  /** Per context term: `CHECK_START | CHECK_END`. */
  termFlags: Uint8Array;
  /**
   * Per alias: its context-term ids, ascending and distinct, at
   * `aliasTerms[aliasTermStart[a] .. aliasTermStart[a + 1]]`. Empty: the alias is not gated
   * (also when all its terms fold to nothing, since those can never be found).
   */
  aliasTermStart: Uint32Array;
  aliasTerms: Uint32Array;
  /** Bounds for narrow serialisation: the largest label, fanout and pattern length. */
  maxLabel: number;
  maxFanout: number;
  maxLength: number;
}

export function collectPatterns(aliases: readonly AliasSpec[]): PatternSet {
  // One automaton input per alias, then one per context-term mention, in alias order.
  const texts: string[] = [];
  for (const alias of aliases) texts.push(alias.text);
  for (const alias of aliases)
    if (alias.context) for (const term of alias.context) texts.push(term);
  const blockersFrom = texts.length;
  for (const alias of aliases)
    if (alias.notInside) for (const word of alias.notInside) texts.push(word);
  const built = buildAutomaton(texts);
  const { core, textPattern } = built;

  const aliasPattern = new Uint32Array(aliases.length);
  const aliasFlags = new Uint8Array(aliases.length);
  for (let index = 0; index < aliases.length; index++) {
    const pattern = textPattern[index] as number;
    if (pattern < 0) continue;
    const alias = aliases[index] as AliasSpec;
    aliasPattern[index] = pattern + 1;
    aliasFlags[index] = (alias.case === 'sensitive' ? SENSITIVE : 0) | boundaryChecks(alias.text);
  }

  // A term's id is the order of its first mention, so ids do not depend on the trie layout.
  const patternTerm = new Uint32Array(core.patternState.length);
  const contextTerms: string[] = [];
  for (let index = aliases.length; index < blockersFrom; index++) {
    const pattern = textPattern[index] as number;
    if (pattern < 0 || patternTerm[pattern] !== 0) continue;
    contextTerms.push(texts[index] as string);
    patternTerm[pattern] = contextTerms.length;
  }
  const termFlags = Uint8Array.from(contextTerms, boundaryChecks);

  const aliasTermStart = new Uint32Array(aliases.length + 1);
  const aliasTerms: number[] = [];
  let mention = aliases.length;
  for (let index = 0; index < aliases.length; index++) {
    const ids = new Set<number>();
    const mentions = aliases[index]?.context?.length ?? 0;
    for (let k = 0; k < mentions; k++) {
      const pattern = textPattern[mention++] as number;
      if (pattern >= 0) ids.add((patternTerm[pattern] as number) - 1);
    }
    aliasTerms.push(...[...ids].sort((a, b) => a - b));
    aliasTermStart[index + 1] = aliasTerms.length;
  }
  // Blockers: (pattern, alias) pairs, grouped by pattern like the aliases below.
  const blockPairs = new Pairs();
  const patternFlags = new Uint8Array(core.patternState.length);
  let word = blockersFrom;
  aliases.forEach((alias, index) => {
    for (const text of alias.notInside ?? []) {
      const pattern = textPattern[word++] as number;
      if (pattern < 0) continue;
      blockPairs.add(pattern, index);
      patternFlags[pattern] = boundaryChecks(text);
    }
  });
  const blocks = groupPairs(blockPairs, core.patternState.length);
  return {
    core,
    patternLength: built.patternLength,
    patternTerm,
    patternBlockStart: blocks.start,
    patternBlocked: blocks.grouped,
    patternFlags,
    ...groupByPattern(aliasPattern, core.patternState.length),
    aliasFlags,
    contextTerms,
    termFlags,
    aliasTermStart,
    aliasTerms: Uint32Array.from(aliasTerms),
    maxLabel: built.maxLabel,
    maxFanout: built.maxFanout,
    maxLength: built.maxLength,
  };
}

/**
 * Inverts alias → pattern (+1) into pattern → aliases, aliases ascending within a pattern.
 * Done here, once per compile, rather than in every content script on every page load.
 */
function groupByPattern(
  aliasPattern: Uint32Array,
  patterns: number,
): Pick<PatternSet, 'patternAliasStart' | 'patternAliases'> {
  const pairs = new Pairs();
  aliasPattern.forEach((tagged, alias) => {
    if (tagged > 0) pairs.add(tagged - 1, alias);
  });
  const { start, grouped } = groupPairs(pairs, patterns);
  return { patternAliasStart: start, patternAliases: grouped };
}

/** (pattern, alias) pairs as two parallel lists: a pair per alias, and no array per pair. */
class Pairs {
  readonly patterns: number[] = [];
  readonly aliases: number[] = [];

  add(pattern: number, alias: number): void {
    this.patterns.push(pattern);
    this.aliases.push(alias);
  }
}

/**
 * (pattern, alias) pairs, in ascending alias order, as a start index per pattern (one more
 * entry than patterns) into the aliases grouped by pattern: a counting sort, stable.
 */
function groupPairs(pairs: Pairs, patterns: number): { start: Uint32Array; grouped: Uint32Array } {
  const start = new Uint32Array(patterns + 1);
  const count = pairs.patterns.length;
  for (let k = 0; k < count; k++) {
    const pattern = pairs.patterns[k] as number;
    start[pattern + 1] = (start[pattern + 1] as number) + 1;
  }
  for (let p = 0; p < patterns; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, patterns);
  const grouped = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const pattern = pairs.patterns[k] as number;
    const at = next[pattern] as number;
    grouped[at] = pairs.aliases[k] as number;
    next[pattern] = at + 1;
  }
  return { start, grouped };
}
