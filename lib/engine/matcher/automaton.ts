import { foldUnit } from './fold';

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
}

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
    next += fanout[state] ?? 0;
  }
  firstChild[states] = next;
  if (next !== states) throw new Error('Automaton tables are inconsistent (fanout)');
  const rootNext = new Int32Array(0x10000);
  const rootEnd = firstChild[1] ?? 1;
  for (let child = 1; child < rootEnd; child++) rootNext[label[child] ?? 0] = child;
  return { firstChild, rootNext };
}

export interface BuiltAutomaton {
  core: AutomatonCore;
  /** Per input text: its pattern id, or -1 for an empty text. */
  textPattern: Int32Array;
  /** Per pattern: its length in code units. */
  patternLength: Int32Array;
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
 */
export function buildAutomaton(texts: readonly string[]): BuiltAutomaton {
  let totalLength = 1;
  for (const text of texts) totalLength += text.length;
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
  sliceEnd[0] = texts.length;

  let states = 1;
  let depth = 0;
  let depthEnd = 1; // states below this id are at most `depth` deep (BFS order)
  for (let state = 0; state < states; state++) {
    if (state === depthEnd) {
      depth++;
      depthEnd = states;
    }
    const from = sliceStart[state] ?? 0;
    const to = sliceEnd[state] ?? 0;
    for (let k = from; k < to; k++) {
      const text = texts[order[k] ?? 0] ?? '';
      keys[k] = depth < text.length ? foldUnit(text.charCodeAt(depth)) : -1;
    }
    sortSlice(order, keys, scratch, from, to);
    let k = from;
    // Texts that end here (key -1, sorted first) share one pattern; at the root they are empty.
    if (k < to && keys[k] === -1) {
      const pattern = state === 0 ? -1 : patterns++;
      if (pattern >= 0) {
        patternState[pattern] = state;
        patternLength[pattern] = depth;
      }
      for (; k < to && keys[k] === -1; k++) textPattern[order[k] ?? 0] = pattern;
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
    const up = fail[state] ?? 0;
    while (k < to) {
      const unit = keys[k] ?? 0;
      let until = k + 1;
      while (until < to && keys[until] === unit) until++;
      label[states] = unit;
      sliceStart[states] = k;
      sliceEnd[states] = until;
      // Fail link now: every state on the fail chain is shallower, so its children exist.
      if (state === 0) {
        rootNext[unit] = states;
      } else {
        for (let candidate = up; ; candidate = fail[candidate] ?? 0) {
          const next =
            candidate === 0
              ? (rootNext[unit] ?? 0)
              : findChild(label, firstChild[candidate] ?? 0, fanout[candidate] ?? 0, unit);
          if (next !== 0 || candidate === 0) {
            fail[states] = next;
            break;
          }
        }
      }
      states++;
      k = until;
    }
    fanout[state] = states - (firstChild[state] ?? 0);
  }

  const core: AutomatonCore = {
    label: label.slice(0, states),
    fanout: fanout.slice(0, states),
    fail: fail.slice(0, states),
    patternState: patternState.slice(0, patterns),
  };
  return { core, textPattern, patternLength: patternLength.slice(0, patterns) };
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
    const at = label[mid] ?? 0;
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
    const key = keys[k] ?? 0;
    const before = keys[k - 1] ?? 0;
    sorted = before < key || (before === key && (order[k - 1] ?? 0) < (order[k] ?? 0));
  }
  if (sorted) return;
  if (to - from <= 16) {
    for (let k = from + 1; k < to; k++) {
      const key = keys[k] ?? 0;
      const text = order[k] ?? 0;
      let j = k - 1;
      for (; j >= from; j--) {
        const other = keys[j] ?? 0;
        if (other < key || (other === key && (order[j] ?? 0) < text)) break;
        keys[j + 1] = other;
        order[j + 1] = order[j] ?? 0;
      }
      keys[j + 1] = key;
      order[j + 1] = text;
    }
    return;
  }
  const SHIFT = 0x100000000; // key + 1 < 2^17 and text index < 2^32: exact in a double
  for (let k = from; k < to; k++) scratch[k] = ((keys[k] ?? 0) + 1) * SHIFT + (order[k] ?? 0);
  scratch.subarray(from, to).sort();
  for (let k = from; k < to; k++) {
    const packed = scratch[k] ?? 0;
    const high = Math.floor(packed / SHIFT);
    keys[k] = high - 1;
    order[k] = packed - high * SHIFT;
  }
}

/** Derives the runtime arrays; throws if the stored tables are inconsistent. */
export function linkAutomaton(core: AutomatonCore): Automaton {
  const { label, fanout, fail, patternState } = core;
  const states = label.length;
  if (states === 0 || fanout.length !== states || fail.length !== states) {
    throw new Error('Automaton tables are inconsistent (lengths)');
  }
  const edges = linkEdges(label, fanout);
  const output = new Int32Array(states).fill(-1);
  patternState.forEach((state, pattern) => {
    if (state <= 0 || state >= states)
      throw new Error('Automaton tables are inconsistent (patterns)');
    output[state] = pattern;
  });
  const outputLink = new Int32Array(states);
  const nextOutput = new Int32Array(states);
  outputLink[0] = -1;
  nextOutput[0] = -1;
  for (let state = 1; state < states; state++) {
    const to = fail[state] ?? 0;
    // fail[s] < s is what makes the scan's fail loop terminate; a corrupt table must not hang a page.
    if (to < 0 || to >= state) throw new Error('Automaton tables are inconsistent (fail links)');
    const inherited = outputLink[to] ?? -1;
    nextOutput[state] = inherited;
    outputLink[state] = (output[state] ?? -1) >= 0 ? state : inherited;
  }
  return { ...core, ...edges, output, outputLink, nextOutput };
}
