/**
 * Matcher build time and size, in Node: the background compiles once per set of enabled pack
 * versions, and the budget (10k aliases < 100 ms, 100k < 1 s) is about that step alone.
 */
import type { AliasSpec } from '../../../lib/engine/types';
import { SYNTHETIC_SEED } from '../alias-sets';
import { BUILD_BUDGET_MS } from '../budgets';
import { compileMatcher } from '../../../lib/engine/matcher/compile';
import { syntheticAliases } from '../../../tests/support/synthetic-aliases';
import { bytes, count, ms, table, verdict } from '../markdown';
import { median } from '../stats';
import type { BenchContext, Section } from './types';

function timeBuilds(aliases: AliasSpec[], runs: number): { times: number[]; jsonBytes: number } {
  const times: number[] = [];
  let json = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const compiled = compileMatcher(aliases, `bench-build-${aliases.length}`);
    times.push(performance.now() - start);
    json = JSON.stringify(compiled);
  }
  return { times, jsonBytes: Buffer.byteLength(json) };
}

async function run({ options, aliasSets, log }: BenchContext): Promise<string> {
  const seed = aliasSets.find((set) => set.id === 'seed');
  const inputs: { label: string; aliases: AliasSpec[] }[] = [
    ...(seed ? [{ label: 'seed pack', aliases: seed.aliases }] : []),
    ...[10_000, 100_000].map((n) => ({
      label: 'generated',
      aliases: syntheticAliases(n, { seed: SYNTHETIC_SEED }),
    })),
  ];
  const rows: string[][] = [];
  for (const { label, aliases } of inputs) {
    log(`matcher build: ${aliases.length} aliases × ${options.runs}`);
    const { times, jsonBytes } = timeBuilds(aliases, options.runs);
    const mid = median(times);
    const limit = BUILD_BUDGET_MS[aliases.length];
    rows.push([
      `${count(aliases.length)} (${label})`,
      ms(times[0] ?? Number.NaN),
      ms(mid),
      bytes(jsonBytes),
      limit === undefined ? '—' : `< ${count(limit)} ms`,
      limit === undefined ? '—' : verdict(mid < limit),
    ]);
  }
  return [
    '## Matcher build (Node)',
    '',
    table(['aliases', 'first run ms', 'median ms', 'compiled JSON', 'budget', 'verdict'], rows),
    '',
    `\`compileMatcher\` in this Node process, ${options.runs} run${options.runs === 1 ? '' : 's'} ` +
      'per size, alias generation not timed. "first run" is the coldest (the seed pack goes ' +
      'first, so later sizes start with a warm JIT). "compiled JSON" is the UTF-8 size of the ' +
      '`CompiledMatcher` a content script receives.',
  ].join('\n');
}

export const matcherBuildSection: Section = { id: 'matcher-build', run };
