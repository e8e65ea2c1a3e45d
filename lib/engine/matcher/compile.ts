import type { AliasSpec, CompiledMatcher } from '../types';
import { collectPatterns } from './patterns';
import { encodeTable, encodeUnsigned } from './serialize';

/**
 * Compiles aliases into the JSON-safe form the background caches and sends to content
 * scripts. Deterministic: the same aliases give the same JSON, byte for byte.
 *
 * Tables (all unsigned; "+1" means 0 stands for "none"):
 * - per state: `label`, `fanout`, `fail` (see automaton.ts)
 * - per pattern: `patternState`, `patternLength`, `patternTerm` (+1)
 * - per alias: `aliasPattern` (+1), `aliasFlags`; per context term: `termFlags`
 */
export function compileMatcher(aliases: readonly AliasSpec[], key: string): CompiledMatcher {
  const patterns = collectPatterns(aliases);
  const { core } = patterns;
  const states = core.label.length;
  return {
    format: 1,
    key,
    aliases: [...aliases],
    contextTerms: patterns.contextTerms,
    tables: {
      // Bounds: labels, fanouts and lengths as measured while building; fail links and
      // state ids < states; pattern and term ids ("+1") ≤ their count.
      label: encodeUnsigned(core.label, patterns.maxLabel),
      fanout: encodeUnsigned(core.fanout, patterns.maxFanout),
      fail: encodeUnsigned(core.fail, states),
      patternState: encodeUnsigned(core.patternState, states),
      patternLength: encodeUnsigned(patterns.patternLength, patterns.maxLength),
      patternTerm: encodeUnsigned(patterns.patternTerm, patterns.contextTerms.length),
      aliasPattern: encodeUnsigned(patterns.aliasPattern, core.patternState.length),
      aliasFlags: encodeTable(patterns.aliasFlags),
      termFlags: encodeTable(patterns.termFlags),
    },
  };
}
