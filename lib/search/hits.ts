import type { SearchDocument, SearchKind } from './search-documents';
import { excerpt, highlightRanges, type MatchedTerms, type TextRange } from './highlight';
import type { EntityRef } from '../domain/entity';
import type { EntityKind } from '../pack/schema';

/** One result as the popup shows it: text to display and where to mark it, never HTML. */
export interface SearchHit {
  kind: SearchKind;
  packId: string;
  id: string;
  /** Entity name, proposition or source title, fact claim (shortened around the match). */
  title: string;
  /** See `SearchDocument.titleLang`. */
  titleLang?: string;
  /** Matched aliases, or the summary, quote or publisher, shortened around the match. */
  snippet: string;
  /**
   * MiniSearch's BM25+ score, comparable only within one query and kind; 0 when only names
   * were searched (`SearchResults.namesOnly`), which are ranked without a score.
   */
  score: number;
  /** The whole query is the entity's name or one of its aliases (or the item's title). */
  exact: boolean;
  titleRanges: TextRange[];
  snippetRanges: TextRange[];
  /** See `SearchDocument.opens`. */
  opens: EntityRef | null;
  entityKind?: EntityKind;
}

const TITLE_MAX = 160;
const SNIPPET_MAX = 160;
const ALIAS_SEPARATOR = ' · ';

/** The aliases that matched, joined, with their ranges moved into the joined string. */
function matchedAliases(
  aliases: readonly string[],
  matched: MatchedTerms,
): { text: string; ranges: TextRange[] } | null {
  const parts: string[] = [];
  const ranges: TextRange[] = [];
  let offset = 0;
  for (const alias of aliases) {
    const found = highlightRanges(alias, matched);
    if (found.length === 0) continue;
    if (parts.length > 0) offset += ALIAS_SEPARATOR.length;
    for (const range of found)
      ranges.push({ start: range.start + offset, end: range.end + offset });
    parts.push(alias);
    offset += alias.length;
  }
  return parts.length > 0 ? { text: parts.join(ALIAS_SEPARATOR), ranges } : null;
}

/**
 * An entity found by an alias shows that alias ("豆包" under "Doubao"), so the user sees why it
 * matched; otherwise the second line is the document's text around its first match.
 */
function snippetOf(document: SearchDocument, matched: MatchedTerms, titleMatched: boolean) {
  const aliases = titleMatched ? null : matchedAliases(document.aliases, matched);
  if (aliases) return excerpt(aliases.text, aliases.ranges, SNIPPET_MAX);
  return excerpt(document.text, highlightRanges(document.text, matched), SNIPPET_MAX);
}

export function toHit(
  document: SearchDocument,
  { score, exact, matched }: { score: number; exact: boolean; matched: MatchedTerms },
): SearchHit {
  const title = excerpt(document.title, highlightRanges(document.title, matched), TITLE_MAX);
  const snippet = snippetOf(document, matched, title.ranges.length > 0);
  const hit: SearchHit = {
    kind: document.kind,
    packId: document.packId,
    id: document.id,
    title: title.text,
    snippet: snippet.text,
    score,
    exact,
    titleRanges: title.ranges,
    snippetRanges: snippet.ranges,
    opens: document.opens,
  };
  if (document.titleLang !== undefined) hit.titleLang = document.titleLang;
  if (document.entityKind !== undefined) hit.entityKind = document.entityKind;
  return hit;
}
