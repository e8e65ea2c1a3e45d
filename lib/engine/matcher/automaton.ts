import { cacheFold, FOLD_TABLE } from './fold';

/**
 * Aho–Corasick automaton in flat typed arrays (no object per state).
 *
 * States are numbered in breadth-first order, and the children of a state are numbered
 * consecutively in ascending label order. So a state's edges are just the id range
 * `[firstChild[s], firstChild[s + 1])`, searched by label; no edge array is stored. BFS
 * numbering also gives `fail[s] < s` (a fail target is shallower), which lets every derived
 * array be filled in one forward pass and guarantees that following fail links terminates.
 *
 * Stored (see compile.ts): `label`, `fanout` (child count), `fail`, `patternState`.
 * Derived on load (`linkAutomaton`): `firstChild`, a dense root row, output links.
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
  /** Per state: the pattern ending exactly here, or -1. */
  output: Int32Array;
  /** Per state: the nearest state on its suffix chain (itself included) with an output, or -1. */
  outputLink: Int32Array;
  /** Per state: `outputLink` of its fail state: the next output after this state's own. */
  nextOutput: Int32Array;
  /** How many of the shallowest states have a row in `asciiRows`. */
  rowStates: number;
  /**
   * Complete transitions (fail links already followed) of the first `rowStates` states on
   * the 128 ASCII units: `asciiRows[(s << 7) | unit]`. See `ROW_STATES`.
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

/** Prefix sums of `fanout` and the dense root row. */
function linkEdges(
  label: Uint16Array,
  fanout: Uint16Array,
): Pick<Automaton, 'firstChild' | 'rootNext'> {
  const states = label.length;
  const firstChild = new Int32Array(states + 1);
  let next = 1;
  for (let state = 0; state < states; state++) {
    firstChild[state] = next;
    next += fanout[state] as number;
  }
  firstChild[states] = next;
  if (next !== states) throw new Error('Automaton tables are inconsistent (fanout)');
  const rootNext = new Int32Array(0x10000);
  const rootEnd = firstChild[1] ?? 1;
  for (let child = 1; child < rootEnd; child++) rootNext[label[child] as number] = child;
  return { firstChild, rootNext };
}

export interface BuiltAutomaton {
  core: AutomatonCore;
  /** Per input text: its pattern id, or -1 for an empty text. */
  textPattern: Int32Array;
  /** Per pattern: its length in code units. */
  patternLength: Int32Array;
  /** The largest label, fanout and pattern length: bounds for narrow serialisation. */
  maxLabel: number;
  maxFanout: number;
  maxLength: number;
}

/**
 * Builds the trie and fail links over the *folded* `texts` (folded on the fly; texts that
 * fold alike become one pattern). Pattern ids follow the BFS order of their end states.
 *
 * The trie is built breadth-first by a most-significant-digit radix sort fused with state
 * numbering: each state owns a slice of `order` (the texts sharing its prefix); sorting that
 * slice by the folded unit at the state's depth yields its children as runs of equal units,
 * in ascending order, numbered consecutively. No strings are created, sorted or hashed, and
 * work is proportional to the total text length (plus small sorts where the trie branches).
 *
 * The background compiles once per pack set, often with the JIT still cold, so the loops
 * avoid calls and `??` guards (indexes are in range by the loop bounds).
 */
export function buildAutomaton(texts: readonly string[]): BuiltAutomaton {
  const fold = FOLD_TABLE;
  let totalLength = 1;
  for (let i = 0; i < texts.length; i++) totalLength += (texts[i] as string).length;
  // States ≤ total length + 1, but shared prefixes make them far fewer: start smaller, grow.
  let capacity = Math.min(totalLength, 4 * texts.length + 1024);
  let label: Uint16Array = new Uint16Array(capacity);
  let fanout: Uint16Array = new Uint16Array(capacity);
  let firstChild: Int32Array = new Int32Array(capacity);
  let fail: Int32Array = new Int32Array(capacity);
  let sliceStart: Int32Array = new Int32Array(capacity);
  let sliceEnd: Int32Array = new Int32Array(capacity);
  const rootNext = new Int32Array(0x10000);
  const order = new Int32Array(texts.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const keys = new Int32Array(texts.length);
  const scratch = new Float64Array(texts.length);
  const textPattern = new Int32Array(texts.length).fill(-1);
  const patternState = new Int32Array(texts.length);
  const patternLength = new Int32Array(texts.length);
  let patterns = 0;
  let maxLabel = 0;
  let maxFanout = 0;
  sliceEnd[0] = texts.length;

  let states = 1;
  let depth = 0;
  let depthEnd = 1; // states below this id are at most `depth` deep (BFS order)
  for (let state = 0; state < states; state++) {
    if (state === depthEnd) {
      depth++;
      depthEnd = states;
    }
    const from = sliceStart[state] as number;
    const to = sliceEnd[state] as number;
    for (let k = from; k < to; k++) {
      const text = texts[order[k] as number] as string;
      if (depth < text.length) {
        const code = text.charCodeAt(depth);
        const unit = fold[code] as number;
        keys[k] = unit !== 0 || code === 0 ? unit : cacheFold(code);
      } else {
        keys[k] = -1;
      }
    }
    if (to - from > 1) sortSlice(order, keys, scratch, from, to);
    let k = from;
    // Texts that end here (key -1, sorted first) share one pattern; at the root they are empty.
    if (k < to && keys[k] === -1) {
      const pattern = state === 0 ? -1 : patterns++;
      if (pattern >= 0) {
        patternState[pattern] = state;
        patternLength[pattern] = depth;
      }
      for (; k < to && keys[k] === -1; k++) textPattern[order[k] as number] = pattern;
    }
    if (states + (to - k) > capacity) {
      capacity = Math.max(2 * capacity, states + (to - k));
      label = grown16(label, capacity);
      fanout = grown16(fanout, capacity);
      firstChild = grown32(firstChild, capacity);
      fail = grown32(fail, capacity);
      sliceStart = grown32(sliceStart, capacity);
      sliceEnd = grown32(sliceEnd, capacity);
    }
    firstChild[state] = states;
    const up = fail[state] as number;
    while (k < to) {
      const unit = keys[k] as number;
      let until = k + 1;
      while (until < to && keys[until] === unit) until++;
      label[states] = unit;
      if (unit > maxLabel) maxLabel = unit;
      sliceStart[states] = k;
      sliceEnd[states] = until;
      // Fail link now: every state on the fail chain is shallower, so its children exist.
      if (state === 0) {
        rootNext[unit] = states;
      } else {
        for (let candidate = up; ; candidate = fail[candidate] as number) {
          const next =
            candidate === 0
              ? (rootNext[unit] as number)
              : findChild(
                  label,
                  firstChild[candidate] as number,
                  fanout[candidate] as number,
                  unit,
                );
          if (next !== 0 || candidate === 0) {
            fail[states] = next;
            break;
          }
        }
      }
      states++;
      k = until;
    }
    const children = states - (firstChild[state] as number);
    fanout[state] = children;
    if (children > maxFanout) maxFanout = children;
  }

  const core: AutomatonCore = {
    label: label.slice(0, states),
    fanout: fanout.slice(0, states),
    fail: fail.slice(0, states),
    patternState: patternState.slice(0, patterns),
  };
  const lengths = patternLength.slice(0, patterns);
  return { core, textPattern, patternLength: lengths, maxLabel, maxFanout, maxLength: depth };
}

function grown16(table: Uint16Array, capacity: number): Uint16Array {
  const next = new Uint16Array(capacity);
  next.set(table);
  return next;
}

function grown32(table: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(table);
  return next;
}

/** Binary search for `unit` among the `count` children starting at state `first`; 0 if absent. */
function findChild(label: Uint16Array, first: number, count: number, unit: number): number {
  let lo = first;
  let hi = first + count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = label[mid] as number;
    if (at === unit) return mid;
    if (at < unit) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Sorts `order[from..to)` by (`keys`, text index), moving `keys` along. Deep in the trie
 * slices are short or already sorted; where the trie branches widely (the root) the pairs
 * are packed into doubles and sorted natively.
 */
function sortSlice(
  order: Int32Array,
  keys: Int32Array,
  scratch: Float64Array,
  from: number,
  to: number,
): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) {
    const key = keys[k] as number;
    const before = keys[k - 1] as number;
    sorted = before < key || (before === key && (order[k - 1] as number) < (order[k] as number));
  }
  if (sorted) return;
  if (to - from <= 16) {
    for (let k = from + 1; k < to; k++) {
      const key = keys[k] as number;
      const text = order[k] as number;
      let j = k - 1;
      for (; j >= from; j--) {
        const other = keys[j] as number;
        if (other < key || (other === key && (order[j] as number) < text)) break;
        keys[j + 1] = other;
        order[j + 1] = order[j] as number;
      }
      keys[j + 1] = key;
      order[j + 1] = text;
    }
    return;
  }
  const SHIFT = 0x100000000; // key + 1 < 2^17 and text index < 2^32: exact in a double
  for (let k = from; k < to; k++)
    scratch[k] = ((keys[k] as number) + 1) * SHIFT + (order[k] as number);
  scratch.subarray(from, to).sort();
  for (let k = from; k < to; k++) {
    const packed = scratch[k] as number;
    const high = Math.floor(packed / SHIFT);
    keys[k] = high - 1;
    order[k] = packed - high * SHIFT;
  }
}

/** Derives the runtime arrays; `rowStates` is a parameter only so tests can vary it. */
export function linkAutomaton(core: AutomatonCore, rowStates = ROW_STATES): Automaton {
  const { label, fanout, fail, patternState } = core;
  const states = label.length;
  if (states === 0 || fanout.length !== states || fail.length !== states) {
    throw new Error('Automaton tables are inconsistent (lengths)');
  }
  const edges = linkEdges(label, fanout);
  // Plain index loops with unguarded reads (indexes are in range by the loop bounds): this
  // runs on every page load, mostly before the JIT has warmed up.
  const output = new Int32Array(states).fill(-1);
  for (let pattern = 0; pattern < patternState.length; pattern++) {
    const state = patternState[pattern] as number;
    if (state <= 0 || state >= states) {
      throw new Error('Automaton tables are inconsistent (patterns)');
    }
    output[state] = pattern;
  }
  const outputLink = new Int32Array(states);
  const nextOutput = new Int32Array(states);
  outputLink[0] = -1;
  nextOutput[0] = -1;
  for (let state = 1; state < states; state++) {
    const to = fail[state] as number;
    // fail[s] < s is what makes the scan's fail loop terminate; a corrupt table must not hang a page.
    if (to < 0 || to >= state) throw new Error('Automaton tables are inconsistent (fail links)');
    const inherited = outputLink[to] as number;
    nextOutput[state] = inherited;
    outputLink[state] = (output[state] as number) >= 0 ? state : inherited;
  }
  const rows = Math.max(0, Math.min(states, rowStates));
  return {
    ...core,
    ...edges,
    output,
    outputLink,
    nextOutput,
    rowStates: rows,
    asciiRows: asciiRows(core, edges.firstChild, rows),
  };
}

/** A state's row is its fail state's row (built before it: `fail[s] < s`) plus its own edges. */
function asciiRows(core: AutomatonCore, firstChild: Int32Array, rowStates: number): Int32Array {
  const { label, fail } = core;
  const rows = new Int32Array(rowStates << 7);
  if (rowStates === 0) return rows;
  const rootEnd = firstChild[1] ?? 1;
  for (let child = 1; child < rootEnd; child++) {
    const unit = label[child] ?? 0;
    if (unit < 0x80) rows[unit] = child;
  }
  for (let state = 1; state < rowStates; state++) {
    const from = (fail[state] ?? 0) << 7;
    rows.copyWithin(state << 7, from, from + 0x80);
    const end = firstChild[state + 1] ?? 0;
    for (let child = firstChild[state] ?? 0; child < end; child++) {
      const unit = label[child] ?? 0;
      if (unit < 0x80) rows[(state << 7) | unit] = child;
    }
  }
  return rows;
}
