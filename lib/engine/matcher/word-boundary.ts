/**
 * Word boundaries. A *word unit* is a letter, digit or mark of any script (\p{L}\p{N}\p{M}).
 * Scripts written with spaces between words (Latin, Cyrillic, Greek, Hangul, Arabic ...)
 * *need* boundaries: "Trae" must not match inside "Traeger", nor "K2" inside "K2O". Scripts
 * written without spaces (Han, kana, Thai ...) do not: 豆包 inside 字节跳动的豆包日活 is a
 * mention.
 *
 * Rule: an alias whose first character needs a boundary matches only where the character
 * before it is not a word unit *of a spaced script*; the same at its end. The "spaced"
 * part is deliberate: Chinese and Japanese text embeds Latin names without spaces
 * ("字节的Seedance模型", "Claudeを使う"), and there the script change is the boundary.
 * A combining mark counts as spaced (script Inherited), so "Trae\u0301" is not "Trae".
 *
 * Surrogate pairs are decoded, and the code point is classified like any other: "Trae𝐀"
 * (a mathematical letter) is one word, "Trae😀" is not. Lone surrogates are not word units.
 */

const WORD = /[\p{L}\p{N}\p{M}]/u;
// Script_Extensions, not Script: the kana prolonged sound mark "ー" and the voicing marks
// are Common/Inherited by Script but belong to kana by extension.
const UNSPACED =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Yi}]/u;

const KNOWN = 4;
const IS_WORD = 1;
const IS_SPACED_WORD = 2;

/**
 * Flags per BMP code unit, filled lazily: classifying all 65,536 units with the regexes
 * costs ~10 ms, too much on every page load; a page uses a few hundred distinct units.
 */
const FLAGS = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

/**
 * Blocks classified without the regexes, whose first use compiles them (~3 ms, most of it
 * for Script_Extensions): text around mentions on most pages stays within these.
 * word-boundary.test.ts checks every BMP code point against the regex definition.
 */
function classifyCommon(code: number): number {
  const spacedWord = KNOWN | IS_WORD | IS_SPACED_WORD;
  // Latin-1 Supplement letters and Latin Extended-A/B (all letters but × and ÷).
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? KNOWN : spacedWord;
  // General Punctuation: spaces, dashes, quotes, invisible format characters.
  if (code >= 0x2000 && code <= 0x206f) return KNOWN;
  // CJK punctuation: 、。〃〄 and the brackets and marks up to 〠.
  if ((code >= 0x3000 && code <= 0x3004) || (code >= 0x3008 && code <= 0x3020)) return KNOWN;
  // CJK unified ideographs (the range assigned since Unicode 1.1) and Hangul syllables.
  if (code >= 0x4e00 && code <= 0x9fa5) return KNOWN | IS_WORD;
  if (code >= 0xac00 && code <= 0xd7a3) return spacedWord;
  // Full-width forms: digits and Latin letters are words; the punctuation between is not.
  if (code >= 0xff01 && code <= 0xff65) {
    const ascii = code - 0xfee0;
    const alnum =
      (ascii >= 0x30 && ascii <= 0x39) || ((ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7a);
    return alnum ? spacedWord : KNOWN;
  }
  return 0;
}

function classify(codePoint: number): number {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return KNOWN;
  const common = codePoint < 0x10000 ? classifyCommon(codePoint) : 0;
  if (common !== 0) return common;
  const char = String.fromCodePoint(codePoint);
  if (!WORD.test(char)) return KNOWN;
  return KNOWN | IS_WORD | (UNSPACED.test(char) ? 0 : IS_SPACED_WORD);
}

function flagsOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = FLAGS[codePoint] ?? 0;
    if (known !== 0) return known;
    const computed = classify(codePoint);
    FLAGS[codePoint] = computed;
    return computed;
  }
  let computed = ASTRAL.get(codePoint);
  if (computed === undefined) {
    computed = classify(codePoint);
    ASTRAL.set(codePoint, computed);
  }
  return computed;
}

/** Letter, digit or mark of any script. Takes a code point (a lone surrogate is not a word unit). */
export function isWordUnit(codePoint: number): boolean {
  return (flagsOf(codePoint) & IS_WORD) !== 0;
}

/** A word unit of a script written with spaces between words. Takes a code point. */
export function needsBoundary(codePoint: number): boolean {
  return (flagsOf(codePoint) & IS_SPACED_WORD) !== 0;
}

/** The code point that ends just before `index`, or -1 at the start of the text. */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point that starts at `index`, or -1 at the end of the text. */
export function codePointAtOrEnd(text: string, index: number): number {
  return index < text.length ? (text.codePointAt(index) ?? -1) : -1;
}

/** True when the text before `start` continues a spaced-script word, so no match may start there. */
export function joinsBefore(text: string, start: number): boolean {
  const code = codePointBefore(text, start);
  return code >= 0 && needsBoundary(code);
}

/** True when the text at `end` continues a spaced-script word, so no match may end there. */
export function joinsAfter(text: string, end: number): boolean {
  const code = codePointAtOrEnd(text, end);
  return code >= 0 && needsBoundary(code);
}

export const CHECK_START = 2;
export const CHECK_END = 4;

/** Which ends of a pattern text need a boundary check: `CHECK_START | CHECK_END` bits. */
export function boundaryChecks(pattern: string): number {
  if (pattern.length === 0) return 0;
  const first = codePointAtOrEnd(pattern, 0);
  const last = codePointBefore(pattern, pattern.length);
  return (needsBoundary(first) ? CHECK_START : 0) | (needsBoundary(last) ? CHECK_END : 0);
}
