/**
 * The one-alternation regex handed to mark.js `markRegExp`, for comparison only: the design
 * rules a giant alternation out for our engine, and this measures what that rule saves.
 *
 * It gets the same boundary rule as our engine (Latin ends need a non-word neighbour, CJK ends
 * do not) so both find roughly the same mentions. It ignores per-alias case rules, context
 * terms and leftmost-longest across boundary groups; that only makes mark.js's job easier.
 */

const WORD = '[\\p{L}\\p{N}\\p{M}]';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces: an alias end in them needs no boundary. */
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function needsBoundary(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !UNSPACED_CHAR.test(char);
}

/** Escapes regex syntax characters; only these, because the `u` flag rejects other escapes. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

export interface AlternationRegex {
  source: string;
  flags: string;
}

/**
 * One alternation of all distinct aliases (case-folded), longest first. Aliases are grouped by
 * which ends need a boundary so each group gets one lookbehind/lookahead pair, not one per alias.
 */
export function alternationRegex(aliases: readonly { text: string }[]): AlternationRegex {
  const groups = new Map<string, Set<string>>();
  for (const { text } of aliases) {
    const chars = Array.from(text);
    const key = `${needsBoundary(chars[0])}|${needsBoundary(chars.at(-1))}`;
    const group = groups.get(key) ?? new Set<string>();
    group.add(text.toLowerCase());
    groups.set(key, group);
  }
  const parts: string[] = [];
  // Fixed group order keeps the source identical from run to run.
  for (const key of ['true|true', 'true|false', 'false|true', 'false|false']) {
    const group = groups.get(key);
    if (!group) continue;
    const alts = [...group]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
      .map(escapeRegExp);
    const [before, after] = key.split('|');
    parts.push(
      (before === 'true' ? `(?<!${WORD})` : '') +
        `(?:${alts.join('|')})` +
        (after === 'true' ? `(?!${WORD})` : ''),
    );
  }
  // mark.js loops with exec(), which needs `g`; `u` for \p{…}; `i` for case-insensitive aliases.
  return { source: parts.join('|'), flags: 'giu' };
}
