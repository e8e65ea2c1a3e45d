import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/pack/validate';
import { LARGE_PACK, syntheticPack } from './synthetic-pack';

const small = { entities: 300, facts: 1_500, sources: 30, propositions: 6 };

describe('syntheticPack', () => {
  it('is a valid pack of the size asked for', () => {
    const pack = syntheticPack(1, small);
    const result = validatePack(pack);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(pack.entities).toHaveLength(300);
    expect(pack.facts).toHaveLength(1_500);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(syntheticPack(1, small))).toBe(JSON.stringify(syntheticPack(1, small)));
    expect(JSON.stringify(syntheticPack(2, small))).not.toBe(
      JSON.stringify(syntheticPack(1, small)),
    );
  });

  it('mixes Latin and Chinese names', () => {
    const aliases = syntheticPack(1, small).entities.flatMap((entity) => entity.aliases);
    const han = aliases.filter((alias) => /\p{Script=Han}/u.test(alias.text));
    expect(han.length / aliases.length).toBeGreaterThan(0.2);
    expect(han.length / aliases.length).toBeLessThan(0.6);
  });

  it('defaults to the size the budget names', () => {
    expect(LARGE_PACK).toMatchObject({ entities: 10_000, facts: 50_000 });
  });
});
