import { foldString } from '../engine/matcher/fold';

/**
 * The one tokenizer of the search index: documents are indexed with it and queries are split
 * with it, so a query term can only ever be compared with terms made the same way.
 *
 * - Text is folded first with the matcher's `foldString` (case, full-width ASCII, the many
 *   spaces and apostrophes). It maps each UTF-16 unit to one unit, so offsets into the folded
 *   text are offsets into the original: highlights need no offset map.
 * - Runs of letters, digits and marks of any script but the ones below are words. A word
 *   with accents is indexed without them (NFD, then U+0300–U+036F dropped), so "sao paulo"
 *   finds "São Paulo"; only the Latin/Greek/Cyrillic combining block is dropped, because
 *   marks are letters' vowels in scripts such as Devanagari or Thai.
 * - Han, Hiragana, Katakana and Hangul are written without spaces between words, so a run of
 *   them becomes its overlapping bigrams ("吴永辉" → "吴永", "永辉"): any substring of two or
 *   more characters is found by AND-ing its bigrams. A run of one character is that character.
 * - CJK terms are stored behind `CJK_MARK`, three characters no word contains. MiniSearch's
 *   fuzzy lookup walks every branch of its radix tree within the edit distance; with ten
 *   thousand bigrams under the root, each one-edit lookup of a Latin word visited them all
 *   (~1 ms). Under one long edge they are pruned at once, for any distance up to 2.
 */

/** Prefix of every CJK term (see above); longer than the largest fuzzy distance. */
export const CJK_MARK = '~~~';

export interface TokenSpan {
  /** The indexed term: folded, accents dropped for words; `CJK_MARK` + one or two CJK characters. */
  term: string;
  /** UTF-16 offsets into the original text: `[start, end)`. */
  start: number;
  end: number;
  cjk: boolean;
}

const SEPARATOR = 0;
const WORD = 1;
const CJK = 2;
type UnitKind = typeof SEPARATOR | typeof WORD | typeof CJK;

/** U+30FC (the katakana long vowel mark) is Script=Common but is written inside katakana words. */
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const ACCENTS = /[\u0300-\u036f]/g;

/** BMP code unit → kind + 1; 0 = not computed yet. A Unicode regex per unit is slow to repeat. */
const KIND_CACHE = new Uint8Array(0x10000);

function classify(char: string): UnitKind {
  if (CJK_CHAR.test(char)) return CJK;
  return WORD_CHAR.test(char) ? WORD : SEPARATOR;
}

function asciiKind(code: number): UnitKind {
  const letterOrDigit =
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a);
  return letterOrDigit ? WORD : SEPARATOR;
}

function bmpKind(code: number): UnitKind {
  if (code < 0x80) return asciiKind(code);
  const cached = KIND_CACHE[code] ?? 0;
  if (cached !== 0) return (cached - 1) as UnitKind;
  const kind = classify(String.fromCharCode(code));
  KIND_CACHE[code] = kind + 1;
  return kind;
}

/** Whether a high surrogate at `at` starts a pair; such a pair is one character. */
function pairAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff || at + 1 >= text.length) return false;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

function kindAt(text: string, at: number, pair: boolean): UnitKind {
  return pair ? classify(text.slice(at, at + 2)) : bmpKind(text.charCodeAt(at));
}

/**
 * Calls `visit` for each maximal run of word or CJK characters of the folded text. CJK runs
 * report each character's start so bigrams never split a surrogate pair. Allocation-free per
 * character: this loop sees every character of every pack when the index is built.
 */
function scanRuns(
  folded: string,
  visit: (kind: typeof WORD | typeof CJK, start: number, end: number, starts: number[]) => void,
): void {
  const length = folded.length;
  let at = 0;
  let pair = pairAt(folded, 0);
  let kind = length > 0 ? kindAt(folded, 0, pair) : SEPARATOR;
  while (at < length) {
    if (kind === SEPARATOR) {
      at += pair ? 2 : 1;
      pair = pairAt(folded, at);
      if (at < length) kind = kindAt(folded, at, pair);
      continue;
    }
    const runKind = kind;
    const start = at;
    const starts: number[] = [];
    while (at < length && kind === runKind) {
      if (runKind === CJK) starts.push(at);
      at += pair ? 2 : 1;
      pair = pairAt(folded, at);
      if (at < length) kind = kindAt(folded, at, pair);
    }
    visit(runKind, start, at, starts);
  }
}

function wordTerm(word: string): string {
  // ASCII needs no decomposition; most of the corpus is ASCII, and `normalize` is not free.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(word) ? word : word.normalize('NFD').replace(ACCENTS, '');
}

function eachToken(
  text: string,
  emit: (term: string, start: number, end: number, cjk: boolean) => void,
): void {
  const folded = foldString(text);
  scanRuns(folded, (kind, start, end, starts) => {
    if (kind === WORD) {
      emit(wordTerm(folded.slice(start, end)), start, end, false);
    } else if (starts.length === 1) {
      emit(CJK_MARK + folded.slice(start, end), start, end, true);
    } else {
      for (let i = 0; i + 1 < starts.length; i++) {
        const from = starts[i] ?? start;
        const to = starts[i + 2] ?? end;
        emit(CJK_MARK + folded.slice(from, to), from, to, true);
      }
    }
  });
}

/** Tokens with their offsets in `text`; highlights are computed from these. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  eachToken(text, (term, start, end, cjk) => spans.push({ term, start, end, cjk }));
  return spans;
}

/** The terms of `text`, for MiniSearch's `tokenize` option (index and query alike). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  eachToken(text, (term) => terms.push(term));
  return terms;
}

export function isCjkTerm(term: string): boolean {
  return term.startsWith(CJK_MARK);
}

/** A CJK term of one character (a query typed so far), as opposed to a bigram. */
export function isCjkUnigram(term: string): boolean {
  return isCjkTerm(term) && [...term.slice(CJK_MARK.length)].length === 1;
}

/**
 * The CJK runs of a query, folded ("吴永辉", "豆包"): a result must contain each run verbatim,
 * since AND-ing bigrams alone would also accept "吴永" and "永辉" far apart.
 */
export function cjkRuns(text: string): string[] {
  const folded = foldString(text);
  const runs: string[] = [];
  scanRuns(folded, (kind, start, end) => {
    if (kind === CJK) runs.push(folded.slice(start, end));
  });
  return runs;
}

/**
 * A name as a comparable key: its words (folded, without accents) and CJK runs, joined by one
 * space, so "Doubao-Seed-Code", "doubao seed code" and "ＤＯＵＢＡＯ Seed Code" are equal.
 * `starts` are the offsets in `key` where a word or a CJK character begins: the places a
 * typed prefix may start matching ("yo" finds "wu yonghui", "跳" finds "字节跳动").
 */
export function nameKey(text: string): { key: string; starts: number[] } {
  const folded = foldString(text);
  let key = '';
  const starts: number[] = [];
  scanRuns(folded, (kind, start, end, chars) => {
    if (key !== '') key += ' ';
    if (kind === WORD) {
      starts.push(key.length);
      key += wordTerm(folded.slice(start, end));
    } else {
      for (const at of chars) starts.push(key.length + at - start);
      key += folded.slice(start, end);
    }
  });
  return { key, starts };
}

/** `nameKey(text).key`: what the exact-name ranking tier compares. */
export function exactKey(text: string): string {
  return nameKey(text).key;
}
