/**
 * Folding for matching. Every UTF-16 code unit maps to exactly one code unit, so an offset
 * in the folded text is the same offset in the original: highlights are ranges over the
 * page's own text, and no offset map is ever needed.
 *
 * Two levels:
 * - `shapeUnit` erases differences of *form* that readers do not see as different text:
 *   full-width ASCII (U+FF01–U+FF5E, common on Chinese pages), the many spaces (no-break,
 *   ideographic, thin ...) and ASCII control whitespace (HTML renders a newline inside a
 *   text node as a space), typographic apostrophes, non-breaking hyphens.
 * - `foldUnit` = `shapeUnit` then case: lower(upper(c)), which is close to Unicode simple
 *   case folding ("ſ" → "s", final "ς" → "σ", Kelvin sign → "k"), kept only where the
 *   result is a single code unit. The one BMP letter whose lowercase is two units, "İ"
 *   (U+0130, lowercase "i" + U+0307), folds to plain "i": Turkish names then match the
 *   way a reader types them. Surrogates fold to themselves (astral letters are not
 *   case-folded; no alias script we know of needs it).
 *
 * Not folded, because it cannot be done 1:1: runs of spaces ("Wu  Yonghui"), soft hyphens
 * and zero-width characters inside a name, decomposed accents (NFD "e" + U+0301 vs "é").
 */

/** Code unit → folded code unit; 0 = not computed yet (only U+0000 folds to 0, see `foldUnit`). */
const FOLD = new Uint16Array(0x10000);
for (let code = 1; code < 0x80; code++) FOLD[code] = asciiFold(code);

function asciiShape(code: number): number {
  // \t \n \v \f \r render as a space in HTML text.
  return code >= 0x09 && code <= 0x0d ? 0x20 : code;
}

function asciiFold(code: number): number {
  const shaped = asciiShape(code);
  return shaped >= 0x41 && shaped <= 0x5a ? shaped + 0x20 : shaped;
}

/** Case-preserving part of the folding; used for case-sensitive aliases. */
export function shapeUnit(code: number): number {
  if (code < 0x80) return asciiShape(code);
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0x00a0: // no-break space
    case 0x1680: // ogham space mark
    case 0x202f: // narrow no-break space
    case 0x205f: // medium mathematical space
    case 0x3000: // ideographic space
      return 0x20;
    case 0x2018: // left single quotation mark, also written as an apostrophe ("‘90s")
    case 0x2019: // right single quotation mark: the typographic apostrophe
    case 0x02bc: // modifier letter apostrophe
      return 0x27;
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
      return 0x2d;
  }
  // U+2000–U+200A: en quad … hair space.
  return code >= 0x2000 && code <= 0x200a ? 0x20 : code;
}

/**
 * Blocks without case (CJK radicals to Yi: kana, Bopomofo, Hangul jamo, CJK ideographs;
 * Hangul syllables; CJK compatibility ideographs), and surrogates. A Chinese page brings
 * thousands of distinct units; case-mapping each through ICU cost ~1–4 µs apiece.
 */
function caseless(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function computeFold(code: number): number {
  const shaped = shapeUnit(code);
  if (shaped < 0x80) return asciiFold(shaped);
  if (caseless(shaped)) return shaped;
  const char = String.fromCharCode(shaped);
  const upper = char.toUpperCase();
  const lower = (upper.length === 1 ? upper : char).toLowerCase();
  if (lower.length === 1) return lower.charCodeAt(0);
  // Only "İ" gets here: its lowercase is "i" + combining dot above; keep the "i".
  return shaped === 0x130 ? 0x69 : shaped;
}

/** Folds one UTF-16 code unit to one code unit. Computed once per distinct unit, then cached. */
export function foldUnit(code: number): number {
  const folded = FOLD[code];
  if (folded !== 0 || code === 0) return folded ?? code;
  return cacheFold(code);
}

/** The slow path of `foldUnit`, separate so the fast path stays small enough to inline. */
export function cacheFold(code: number): number {
  const folded = computeFold(code);
  FOLD[code] = folded;
  return folded;
}

/**
 * The cache itself, for hot loops that inline the lookup: `FOLD_TABLE[c]`, and when that is
 * 0 and `c !== 0`, `cacheFold(c)`.
 */
export const FOLD_TABLE: Readonly<Uint16Array> = FOLD;

/** Folds `text` into `out` (which must be at least `text.length` long). */
export function foldInto(text: string, out: Uint16Array): Uint16Array {
  for (let i = 0; i < text.length; i++) out[i] = foldUnit(text.charCodeAt(i));
  return out;
}

/** Folds a whole string (aliases, context terms; not page text, which is folded while scanning). */
export function foldString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII letters alone: the native lowercase gives the same result, much faster.
    if (code < 0x80 ? code >= 0x09 && code <= 0x0d : foldUnit(code) !== code) {
      return unitsToString(foldInto(text, new Uint16Array(text.length)));
    }
  }
  return text.toLowerCase();
}

function unitsToString(units: Uint16Array): string {
  // In chunks: spreading a long array into one call overflows the argument limit.
  let text = '';
  for (let at = 0; at < units.length; at += 4096) {
    text += String.fromCharCode.apply(null, units.subarray(at, at + 4096) as unknown as number[]);
  }
  return text;
}

/** Fills the whole cache now; for measuring what lazy filling saves. */
export function foldAllUnits(): void {
  for (let code = 0x80; code < 0x10000; code++) if (FOLD[code] === 0) cacheFold(code);
}
