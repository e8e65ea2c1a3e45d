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
  return {
    format: 1,
    key,
    aliases: [...aliases],
    contextTerms: patterns.contextTerms,
    tables: {
      label: encodeUnsigned(core.label),
      fanout: encodeUnsigned(core.fanout),
      fail: encodeUnsigned(core.fail),
      patternState: encodeUnsigned(core.patternState),
      patternLength: encodeUnsigned(patterns.patternLength),
      patternTerm: encodeUnsigned(patterns.patternTerm),
      aliasPattern: encodeUnsigned(patterns.aliasPattern),
      aliasFlags: encodeTable(patterns.aliasFlags),
      termFlags: encodeTable(patterns.termFlags),
    },
  };
}
