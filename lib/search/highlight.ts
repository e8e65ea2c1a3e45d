import { tokenSpans } from './tokenize';

/**
 * Where a query matched inside a text, as offsets the UI can wrap in `<mark>` without ever
 * treating pack text as HTML. Computed from the same tokenizer as the index, so a highlight
 * is exactly a term the index matched, not a guess by a second regex.
 */

/** `[start, end)` in UTF-16 units of the displayed string. */
export interface TextRange {
  start: number;
  end: number;
}

/** What one result matched. */
export interface MatchedTerms {
  /** Latin (non-CJK) query terms, folded. */
  queryTerms: readonly string[];
  /** Whether a word of the text is one the query matched (exactly, by prefix or fuzzily). */
  matches: (term: string) => boolean;
  /** CJK runs of the query, found as substrings (see `cjkRuns`). */
  cjkRuns: readonly string[];
}

/** The ranges sorted by start, overlapping or touching ones joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * A word the index matched by prefix is marked only as far as the query typed it ("See" of
 * "Seedance" for "see"), which shows why it matched; a fuzzy match is marked whole. When
 * dropping accents changed the word's length, offsets into the term are not offsets into the
 * text, so the whole word is marked.
 */
function wordRange(
  span: { term: string; start: number; end: number },
  queryTerms: readonly string[],
): TextRange {
  let typed = 0;
  for (const query of queryTerms) {
    if (query.length > typed && query.length < span.term.length && span.term.startsWith(query)) {
      typed = query.length;
    }
  }
  const sameLength = span.end - span.start === span.term.length;
  return { start: span.start, end: typed > 0 && sameLength ? span.start + typed : span.end };
}

export function highlightRanges(text: string, matched: MatchedTerms): TextRange[] {
  if (text === '') return [];
  const ranges: TextRange[] = [];
  for (const span of tokenSpans(text)) {
    if (!span.cjk && matched.matches(span.term)) {
      ranges.push(wordRange(span, matched.queryTerms));
    }
  }
  // CJK is not folded (it has no case or width forms), so the original text is searched as is.
  for (const run of matched.cjkRuns) {
    for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) {
      ranges.push({ start: at, end: at + run.length });
    }
  }
  return mergeRanges(ranges);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves `at` back to just after a space within `reach` units, and off a surrogate pair's middle. */
function snapBack(text: string, at: number, reach: number): number {
  for (let i = at; i > at - reach && i > 0; i--) {
    if (text.charAt(i - 1) === ' ') return i;
  }
  return at > 0 && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

const ELLIPSIS = '…';

/**
 * At most about `max` units of `text`, around the first range, with "…" where it was cut, and
 * the ranges moved to match. Short texts come back unchanged.
 */
export function excerpt(
  text: string,
  ranges: readonly TextRange[],
  max: number,
): { text: string; ranges: TextRange[] } {
  if (text.length <= max) return { text, ranges: [...ranges] };
  const first = ranges[0]?.start ?? 0;
  // Some words before the first match, so it is read in context, not at the very edge.
  const lead = Math.floor(max / 4);
  const start = first <= lead ? 0 : snapBack(text, first - lead, 15);
  const cut = Math.min(text.length, start + max);
  const end = cut === text.length ? cut : snapBack(text, cut, 15);
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const moved = ranges
    .filter((range) => range.end > start && range.start < end)
    .map((range) => ({
      start: Math.max(range.start, start) + shift,
      end: Math.min(range.end, end) + shift,
    }));
  return { text: prefix + text.slice(start, end).trimEnd() + suffix, ranges: moved };
}
