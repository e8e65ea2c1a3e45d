import type { AliasCaseRule, EntityRole } from '../pack/schema';

/**
 * Why a mention on a page is marked (issue 18): what the card's "Why is this marked?"
 * disclosure says. Worked out by the page's nearness rules (lib/engine/page/relevance.ts) the
 * first time a card asks for a mention's reason, by the same rules that let it through.
 */

/** Where something was found relative to the mention. */
export interface FoundNearby {
  /** The text as the pack spells it (a context term) or as the page wrote it (a subject). */
  text: string;
  /**
   * `same`: in the mention's own block; `before`, `after`: in the text around it; `page`:
   * farther away, on a page about the pack (lib/engine/page/nearness.ts).
   */
  side: 'same' | 'before' | 'after' | 'page';
  /** Characters of page text between the two blocks (0 for `same` and `page`). */
  distance: number;
}

/** Why a context entity was marked here. */
export type PassingReason =
  | { rule: 'near-subject'; subject: FoundNearby }
  | { rule: 'about-pack'; subjectMentions: number }
  | { rule: 'everywhere' };

export interface MatchReason {
  /** The alias that matched, and its case rule. */
  alias: { text: string; case: AliasCaseRule };
  packId: string;
  role: EntityRole;
  /** For an ambiguous (gated) alias: the context term found near it. */
  contextTerm?: FoundNearby;
  /** For a context entity: what let it through. */
  passing?: PassingReason;
}
