import type { AliasSpec, Candidate, ScanResult } from '../../lib/engine/types';

/**
 * Test-only: the obviously correct, slow matcher that `Matcher` must agree with exactly.
 * It restates the rules from lib/engine/matcher/README.md with plain string operations and regexes, sharing
 * no code (no tables, no caches) with the fast path.
 */

const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x02bc]);
const HYPHENS = new Set([0x2010, 0x2011]);

export function referenceShape(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (SPACES.has(code) || (code >= 0x2000 && code <= 0x200a)) return ' ';
  if (APOSTROPHES.has(code)) return "'";
  if (HYPHENS.has(code)) return '-';
  return unit;
}

export function referenceFold(unit: string): string {
  const shaped = referenceShape(unit);
  if (/[\uD800-\uDFFF]/.test(shaped)) return shaped;
  if (shaped === '\u0130') return 'i';
  const upper = shaped.toUpperCase();
  const lower = (upper.length === 1 ? upper : shaped).toLowerCase();
  return lower.length === 1 ? lower : shaped;
}

/** The code units of `text`, as one-unit strings (surrogates split on purpose). */
const units = (text: string): string[] =>
  Array.from({ length: text.length }, (_, i) => text.charAt(i));

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Yi}]$/u;

/** Word character of a spaced script; `char` is one code point (or a lone surrogate). */
export function referenceNeedsBoundary(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !UNSPACED.test(char);
}

/** The character (code point) ending at `index`, undefined at the start. */
function charBefore(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const pair = text.slice(Math.max(0, index - 2), index);
  return /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair) ? pair : text[index - 1];
}

/** The character (code point) starting at `index`, undefined at the end. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** A text prepared once per scan: each unit folded, and shaped (for case-sensitive aliases). */
interface Prepared {
  text: string;
  folded: string[];
  shaped: string[];
}

function prepare(text: string): Prepared {
  const all = units(text);
  return { text, folded: all.map(referenceFold), shaped: all.map(referenceShape) };
}

function occursAt(at: Prepared, pattern: Prepared, start: number, sensitive: boolean): boolean {
  const end = start + pattern.text.length;
  const same = (k: number): boolean =>
    sensitive
      ? at.shaped[start + k] === pattern.shaped[k]
      : at.folded[start + k] === pattern.folded[k];
  for (let k = 0; k < pattern.text.length; k++) if (!same(k)) return false;
  const startNeeds = referenceNeedsBoundary(charAt(pattern.text, 0));
  const endNeeds = referenceNeedsBoundary(charBefore(pattern.text, pattern.text.length));
  if (startNeeds && referenceNeedsBoundary(charBefore(at.text, start))) return false;
  if (endNeeds && referenceNeedsBoundary(charAt(at.text, end))) return false;
  return true;
}

/** Distinct context terms, first spelling kept, distinct after folding. */
export function referenceContextTerms(aliases: readonly AliasSpec[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const alias of aliases) {
    for (const term of alias.context ?? []) {
      const key = units(term).map(referenceFold).join('');
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      terms.push(term);
    }
  }
  return terms;
}

export function referenceScan(aliases: readonly AliasSpec[], text: string): ScanResult {
  const at = prepare(text);
  const candidates: Candidate[] = [];
  aliases.forEach((alias, index) => {
    if (alias.text.length === 0) return;
    const pattern = prepare(alias.text);
    for (let start = 0; start + alias.text.length <= text.length; start++) {
      if (occursAt(at, pattern, start, alias.case === 'sensitive')) {
        candidates.push({ start, end: start + alias.text.length, alias: index });
      }
    }
  });
  // A candidate inside an occurrence of one of its alias's `notInside` words does not count.
  const blockedSpans = aliases.map((alias) =>
    (alias.notInside ?? []).flatMap((word) => {
      if (word.length === 0) return [];
      const pattern = prepare(word);
      const spans: [number, number][] = [];
      for (let start = 0; start + word.length <= text.length; start++) {
        if (occursAt(at, pattern, start, false)) spans.push([start, start + word.length]);
      }
      return spans;
    }),
  );
  const kept = candidates.filter(
    (c) => !(blockedSpans[c.alias] ?? []).some(([start, end]) => start <= c.start && c.end <= end),
  );
  candidates.length = 0;
  candidates.push(...kept);
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.alias - b.alias);
  const contextHits: number[] = [];
  referenceContextTerms(aliases).forEach((term, index) => {
    const pattern = prepare(term);
    for (let start = 0; start + term.length <= text.length; start++) {
      if (occursAt(at, pattern, start, false)) {
        contextHits.push(index);
        return;
      }
    }
  });
  return { candidates, contextHits };
}

/**
 * Leftmost-longest by repeated selection: among active candidates not overlapping anything
 * chosen, take the one with the smallest start, then the largest end, then the lowest alias.
 */
export function referenceResolve(
  candidates: readonly Candidate[],
  isActive: (alias: number) => boolean,
): Candidate[] {
  const chosen: Candidate[] = [];
  const overlapsChosen = (c: Candidate): boolean =>
    chosen.some((d) => c.start < d.end && d.start < c.end);
  const better = (a: Candidate, b: Candidate): boolean =>
    a.start !== b.start ? a.start < b.start : a.end !== b.end ? a.end > b.end : a.alias < b.alias;
  for (;;) {
    let best: Candidate | undefined;
    for (const c of candidates) {
      if (!isActive(c.alias) || overlapsChosen(c) || chosen.includes(c)) continue;
      // Only candidates after everything chosen so far: leftmost first.
      if (chosen.some((d) => c.start < d.start)) continue;
      if (best === undefined || better(c, best)) best = c;
    }
    if (best === undefined) return chosen;
    chosen.push(best);
  }
}
