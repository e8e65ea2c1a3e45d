/**
 * The alias sets pages are measured with: the shipped seed pack, and 10,000 aliases (the seed
 * pack's plus generated ones: a quarter CJK, shared prefixes) standing in for a large installed
 * pack set.
 */
import type { AliasSpec } from '../../lib/engine/types';
import type { AlternationRegex } from './alias-regex';
import { alternationRegex } from './alias-regex';
import { compileMatcher } from '../../lib/engine/matcher/compile';
import { syntheticAliases } from '../../tests/support/synthetic-aliases';
import { seedAliases } from './seed-aliases';

export interface AliasSet {
  id: string;
  title: string;
  aliases: AliasSpec[];
  /** `CompiledMatcher` as JSON: the page parses it inside the measured time. */
  compiledJson: string;
  /** The same aliases as one alternation, for mark.js. */
  regex: AlternationRegex;
}

/** Same seed every run: the synthetic pack is part of the benchmark's fixed input. */
export const SYNTHETIC_SEED = 3;

function aliasSet(id: string, title: string, aliases: AliasSpec[]): AliasSet {
  const compiled = compileMatcher(aliases, `bench-${id}`);
  return {
    id,
    title,
    aliases,
    compiledJson: JSON.stringify(compiled),
    regex: alternationRegex(aliases),
  };
}

export async function prepareAliasSets(seedPackFile: string): Promise<AliasSet[]> {
  const seed = await seedAliases(seedPackFile);
  return [
    aliasSet('seed', `Seed pack (${seed.length} aliases)`, seed),
    aliasSet(
      'large-10k',
      `Seed pack + generated aliases (10,000 in all, a quarter of the generated ones CJK)`,
      // The seed aliases stay in, so pages still have mentions to paint with the large set.
      [...seed, ...syntheticAliases(10_000 - seed.length, { seed: SYNTHETIC_SEED })],
    ),
  ];
}
