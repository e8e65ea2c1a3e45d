import type { VocabularyEntry } from '../messaging/protocol';

/**
 * First-slice recognition: a plain scan per alias, good enough to prove the stack
 * end to end on ordinary pages. The automaton-based engine (issue #3) replaces it.
 */

export interface Mention {
  start: number;
  end: number;
  entry: VocabularyEntry;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces: an alias in them needs no word boundary. */
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function needsBoundary(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !UNSPACED_CHAR.test(char);
}

function isBoundary(text: string, index: number): boolean {
  return !WORD_CHAR.test(text.charAt(index));
}

/**
 * Keeps aliases without context terms, and those with a context term on the page.
 * Context terms obey the same boundary rule as aliases: "AI" must not be found in "said".
 */
export function activeVocabulary(
  vocabulary: readonly VocabularyEntry[],
  pageText: string,
): VocabularyEntry[] {
  const seen = new Map<string, boolean>();
  const onPage = (term: string): boolean => {
    let found = seen.get(term);
    if (found === undefined) {
      const probe = { ...CONTEXT_PROBE, text: term };
      found = occurrences(pageText, probe).length > 0;
      seen.set(term, found);
    }
    return found;
  };
  return vocabulary.filter((entry) => entry.context === undefined || entry.context.some(onPage));
}

const CONTEXT_PROBE: VocabularyEntry = {
  packId: '',
  entityId: '',
  entityKind: 'concept',
  text: '',
  case: 'insensitive',
};

function occurrences(text: string, entry: VocabularyEntry): Mention[] {
  // toLowerCase can change length (e.g. "İ"); then fall back to exact matching so
  // offsets stay valid.
  const lower = text.toLowerCase();
  const insensitive = entry.case === 'insensitive' && lower.length === text.length;
  const haystack = insensitive ? lower : text;
  const needle = insensitive ? entry.text.toLowerCase() : entry.text;
  const checkStart = needsBoundary(entry.text[0]);
  const checkEnd = needsBoundary(entry.text.at(-1));
  const found: Mention[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (checkStart && at > 0 && !isBoundary(text, at - 1)) continue;
    if (checkEnd && !isBoundary(text, end)) continue;
    found.push({ start: at, end, entry });
  }
  return found;
}

/** Non-overlapping mentions, leftmost first and, at the same start, longest first. */
export function findMentions(text: string, vocabulary: readonly VocabularyEntry[]): Mention[] {
  const all = vocabulary.flatMap((entry) => occurrences(text, entry));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Mention[] = [];
  let reached = 0;
  for (const mention of all) {
    if (mention.start < reached) continue;
    chosen.push(mention);
    reached = mention.end;
  }
  return chosen;
}
