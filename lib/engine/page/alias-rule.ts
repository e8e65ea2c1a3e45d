import type { MatchReason } from '../../domain/match-reason';
import type { MatchedAlias } from '../types';
import type { AliasLookup } from './scanner';

/**
 * Where a pack's context entities are marked: near its subjects (or anywhere on a page about
 * the pack), everywhere like subjects, or never. The reader's setting (lib/settings).
 */
export type ContextMarking = 'near' | 'everywhere' | 'never';

/** What an alias needs to count, decided once per alias (and marking choice). */
export interface AliasRule {
  /** The alias's index in the matcher. */
  index: number;
  alias: MatchedAlias;
  /** Its context terms (gated when non-empty). */
  terms: readonly number[];
  /** A context entity of its pack. */
  passing: boolean;
  /** A subject with no context terms: a mention of it tells that the text is about its pack. */
  speaksForPack: boolean;
  /** The reason for an alias that needs nothing (shared by all its mentions); null otherwise. */
  unconditional: MatchReason | null;
}

/**
 * The rule of each alias of one matcher under the reader's marking choice, worked out the
 * first time the alias is met. Alias indexes are small dense numbers: an array, not a Map,
 * since dense pages ask once per candidate.
 */
export class AliasRules {
  readonly #lookup: AliasLookup;
  #marking: ContextMarking;
  #rules: (AliasRule | undefined)[] = [];

  constructor(lookup: AliasLookup, marking: ContextMarking) {
    this.#lookup = lookup;
    this.#marking = marking;
  }

  get marking(): ContextMarking {
    return this.#marking;
  }

  of(index: number): AliasRule {
    return (this.#rules[index] ??= aliasRule(this.#lookup, index, this.#marking));
  }

  setMarking(marking: ContextMarking): void {
    this.#marking = marking;
    this.#rules = [];
  }
}

function aliasRule(lookup: AliasLookup, index: number, marking: ContextMarking): AliasRule {
  const alias = lookup.alias(index);
  const terms = lookup.contextTermIdsOf(index);
  const passing = alias.entityRole === 'context';
  const unconditional =
    terms.length === 0 && (!passing || marking === 'everywhere')
      ? reasonOf(alias, passing ? { passing: { rule: 'everywhere' } } : {})
      : null;
  const speaksForPack = !passing && terms.length === 0;
  return { index, alias, terms, passing, speaksForPack, unconditional };
}

/** A mention's reason, built from the alias that matched and what let it in. */
export function reasonOf(
  alias: MatchedAlias,
  found: Pick<MatchReason, 'contextTerm' | 'passing'>,
): MatchReason {
  return {
    alias: { text: alias.text, case: alias.case },
    packId: alias.packId,
    role: alias.entityRole,
    ...(found.contextTerm ? { contextTerm: found.contextTerm } : {}),
    ...(found.passing ? { passing: found.passing } : {}),
  };
}
