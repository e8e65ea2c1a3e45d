/**
 * Aho–Corasick automaton in flat typed arrays (no object per state).
 *
 * States are numbered in breadth-first order, and the children of a state are numbered
 * consecutively in ascending label order. So a state's edges are just the id range
 * `[firstChild[s], firstChild[s + 1])`, searched by label; no edge array is stored. BFS
 * numbering also gives `fail[s] < s` (a fail target is shallower), which lets every derived
 * array be filled in one forward pass and guarantees that following fail links terminates.
 *
 * Built by build-automaton.ts. Stored (see compile.ts): `label`, `fanout` (child count),
 * `fail`, `patternState`.
 * Derived on load (`linkAutomaton`): `firstChild`, dense rows (the root's, and ASCII rows of
 * shallow states), output links.
 */

export interface AutomatonCore {
  /** Per state: the folded code unit on the edge into it (0 for the root). */
  label: Uint16Array;
  /** Per state: number of children. */
  fanout: Uint16Array;
  /** Per state: longest proper suffix that is also a state. */
  fail: Int32Array;
  /** Per pattern: the state where it ends. */
  patternState: Int32Array;
}

export interface Automaton extends AutomatonCore {
  /** Per state + 1 sentinel: id of the first child; children of s are `[firstChild[s], firstChild[s+1])`. */
  firstChild: Int32Array;
  /** Per code unit: the root's child on that unit, 0 when none (the root's row, dense for speed). */
  rootNext: Int32Array;
  /**
   * Per state: the longest pattern that ends here (the state's own, or one on its suffix
   * chain), or -1. The next shorter one is `outputLink[fail[patternState[p]]]`, so reporting
   * costs per hit and needs no other array.
   */
  outputLink: Int32Array;
  /** How many of the shallowest states have a row in `asciiRows`. */
  rowStates: number;
  /**
   * Complete transitions (fail links already followed) of the first `rowStates` states on
   * the 128 ASCII code units *as they appear in the text*, folding included ("D" and "d"
   * lead to the same state): `asciiRows[(s << 7) | code]`. See `ROW_STATES`.
   */
  asciiRows: Int32Array;
}

/**
 * On English text most steps start from the root or a shallow state, where sparse edge
 * search plus fail links cost ~3× a dense row lookup (mostly unpredictable branches).
 * Dense ASCII rows for the 512 shallowest states (BFS order: depth 1 and the start of depth
 * 2) cost 256 KB and take the scan from ~4× to ~2.5× the bare `charCodeAt` loop.
 */
const ROW_STATES = 512;

/**
 * Derives the runtime arrays and checks the stored ones; `rowStates` is a parameter only so
 * tests can vary it. Runs on every page load, mostly before the JIT has warmed up, so each
 * array is filled by one plain index loop, and the checks ride along in the same loops.
 */
export function linkAutomaton(core: AutomatonCore, rowStates = ROW_STATES): Automaton {
  const { label, fanout, fail, patternState } = core;
  const states = label.length;
  if (states === 0 || fanout.length !== states || fail.length !== states) {
    throw new Error('Automaton tables are inconsistent (lengths)');
  }
  const outputLink = new Int32Array(states).fill(-1);
  for (let pattern = 0; pattern < patternState.length; pattern++) {
    const state = patternState[pattern] as number;
    if (state <= 0 || state >= states) {
      throw new Error('Automaton tables are inconsistent (patterns)');
    }
    outputLink[state] = pattern;
  }
  // One pass over the states: edge ranges (prefix sums of fanout), fail-link checks and
  // inherited outputs. fail[s] < s is what makes the scan's fail loop terminate; a corrupt
  // table must not hang a page.
  const firstChild = new Int32Array(states + 1);
  firstChild[0] = 1;
  let next = 1 + (fanout[0] as number);
  for (let state = 1; state < states; state++) {
    firstChild[state] = next;
    next += fanout[state] as number;
    const to = fail[state] as number;
    if (to < 0 || to >= state) throw new Error('Automaton tables are inconsistent (fail links)');
    if ((outputLink[state] as number) < 0) outputLink[state] = outputLink[to] as number;
  }
  firstChild[states] = next;
  if (next !== states) throw new Error('Automaton tables are inconsistent (fanout)');
  const rootNext = new Int32Array(0x10000);
  const rootEnd = firstChild[1] as number;
  for (let child = 1; child < rootEnd; child++) rootNext[label[child] as number] = child;
  const rows = Math.max(0, Math.min(states, rowStates));
  return {
    ...core,
    firstChild,
    rootNext,
    outputLink,
    rowStates: rows,
    asciiRows: asciiRows(core, firstChild, rows),
  };
}

/**
 * The ASCII codes that fold to `unit` (see fold.ts): a lowercase letter and its capital,
 * the space and the control whitespace HTML renders as one; any other unit only itself.
 */
function setAsciiEntry(rows: Int32Array, base: number, unit: number, to: number): void {
  rows[base | unit] = to;
  if (unit >= 0x61 && unit <= 0x7a) rows[base | (unit - 0x20)] = to;
  else if (unit === 0x20) for (let code = 0x09; code <= 0x0d; code++) rows[base | code] = to;
}

/** A state's row is its fail state's row (built before it: `fail[s] < s`) plus its own edges. */
function asciiRows(core: AutomatonCore, firstChild: Int32Array, rowStates: number): Int32Array {
  const { label, fail } = core;
  const rows = new Int32Array(rowStates << 7);
  if (rowStates === 0) return rows;
  const rootEnd = firstChild[1] ?? 1;
  for (let child = 1; child < rootEnd; child++) {
    const unit = label[child] ?? 0;
    if (unit < 0x80) setAsciiEntry(rows, 0, unit, child);
  }
  for (let state = 1; state < rowStates; state++) {
    const from = (fail[state] ?? 0) << 7;
    rows.copyWithin(state << 7, from, from + 0x80);
    const end = firstChild[state + 1] ?? 0;
    for (let child = firstChild[state] ?? 0; child < end; child++) {
      const unit = label[child] ?? 0;
      if (unit < 0x80) setAsciiEntry(rows, state << 7, unit, child);
    }
  }
  return rows;
}
