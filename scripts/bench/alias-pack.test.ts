import { describe, expect, it } from 'vitest';
import type { AliasSpec } from '../../lib/engine/types';
import { validatePack } from '../../lib/pack/validate';
import { alternationRegex } from './alias-regex';
import { aliasPack, packAliases } from './alias-pack';
import { syntheticAliases } from '../../tests/support/synthetic-aliases';

const spec = (text: string, extra: Partial<AliasSpec> = {}): AliasSpec => ({
  text,
  case: 'insensitive',
  packId: 'synthetic',
  entityId: 'x',
  entityKind: 'product',
  ...extra,
});

describe('aliasPack', () => {
  it('makes a valid pack of one entity per generated alias', () => {
    const aliases = syntheticAliases(2_000, { seed: 3 });
    const pack = aliasPack(aliases, { id: 'bench-aliases', title: 'Bench' });
    const validation = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(validation.ok ? [] : validation.issues.slice(0, 3)).toEqual([]);
    const distinct = new Set(aliases.map((a) => a.text.toLowerCase()));
    expect(pack.entities).toHaveLength(distinct.size);
  });

  it('drops repeats that differ only in case, keeps case rules, context and language', () => {
    const pack = aliasPack(
      [
        spec('Velora Pro 1', { case: 'sensitive' }),
        spec('velora pro 1'),
        spec('豆包模型', { context: ['AI'] }),
      ],
      { id: 'p', title: 'P' },
    );
    expect(pack.entities.map((e) => e.aliases[0])).toEqual([
      { text: 'Velora Pro 1', lang: 'en', case: 'sensitive' },
      { text: '豆包模型', lang: 'zh', case: 'insensitive', context: ['AI'] },
    ]);
  });

  it('gives back aliases whose regex is that of the aliases it was made of', () => {
    const aliases = syntheticAliases(500, { seed: 9 });
    const pack = aliasPack(aliases, { id: 'p', title: 'P' });
    expect(alternationRegex(packAliases(pack))).toEqual(alternationRegex(aliases));
    expect(packAliases(pack).every((a) => a.packId === 'p')).toBe(true);
  });
});
