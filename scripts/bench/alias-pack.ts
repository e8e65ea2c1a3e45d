/**
 * A fact pack made of a generated alias set, so the real extension can be given the same
 * aliases the page benchmark's "10,000 aliases" set has (the seed pack's come from the seed
 * pack itself, which the extension installs on its own): one entity per alias, no facts.
 */
import { aliasSpecsOf } from '../../lib/engine/alias-specs';
import type { AliasSpec } from '../../lib/engine/types';
import type { FactPack } from '../../lib/pack/schema';

/** Han aliases are Chinese; everything else the generator makes is Latin. */
const HAN = /\p{Script=Han}/u;

/**
 * One entity per alias of `aliases`, in order. A pack may not give two entities the same alias
 * (any case, `lib/pack/references.ts`), so an alias whose case-folded text came before is left
 * out; a regex of the aliases (`alternationRegex`, which folds case too) is the same either way.
 */
export function aliasPack(
  aliases: readonly AliasSpec[],
  { id, title }: { id: string; title: string },
): FactPack {
  const seen = new Set<string>();
  const entities: FactPack['entities'] = [];
  for (const alias of aliases) {
    const folded = alias.text.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    const context = alias.context?.filter((term) => term.trim() !== '');
    entities.push({
      id: `e-${entities.length + 1}`,
      name: alias.text,
      kind: alias.entityKind,
      role: alias.entityRole ?? 'subject',
      summary: `Generated entity ${entities.length + 1} for the benchmark.`,
      aliases: [
        {
          text: alias.text,
          lang: HAN.test(alias.text) ? 'zh' : 'en',
          case: alias.case,
          ...(context && context.length > 0 ? { context } : {}),
        },
      ],
      propositionIds: [],
      related: [],
    });
  }
  return {
    format: 1,
    id,
    version: '1.0.0',
    title,
    description: 'Generated aliases for the page-load benchmark; no facts.',
    language: 'en',
    publishedAt: '2026-01-01',
    publisher: { name: 'Fact Lens bench' },
    sources: [
      {
        id: 'bench',
        title: 'Generated for the benchmark',
        publisher: 'Fact Lens bench',
        authors: [],
        editors: [],
        kind: 'other',
      },
    ],
    propositions: [],
    entities,
    facts: [],
  };
}

/** The aliases of a pack as the matcher sees them (for the mark.js regex of the same names). */
export function packAliases(pack: FactPack): AliasSpec[] {
  return pack.entities.flatMap((entity) => aliasSpecsOf(pack.id, entity));
}
