import { describe, expect, it } from 'vitest';
import { chooseText, packLanguages } from '../../lib/pack/localized';
import type { LocalizedText } from '../../lib/pack/schema';
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

  it('can carry every text also in Chinese, the English content unchanged', () => {
    const english = syntheticPack(1, small);
    const both = syntheticPack(1, small, { chinese: true });
    const result = validatePack(both);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(both.format).toBe(2);
    const en = (value: LocalizedText) => chooseText(value, ['en'], 'en').text;
    expect(both.facts.map((fact) => en(fact.claim))).toEqual(english.facts.map((f) => f.claim));
    expect(both.entities.map((entity) => en(entity.name))).toEqual(
      english.entities.map((entity) => entity.name),
    );
    const localized = both.facts.filter((fact) => typeof fact.claim !== 'string');
    expect(localized).toHaveLength(both.facts.length);
    expect(packLanguages(both)).toEqual(['en', 'zh-CN']);
  });

  it('defaults to the size the budget names', () => {
    expect(LARGE_PACK).toMatchObject({ entities: 10_000, facts: 50_000 });
  });
});
