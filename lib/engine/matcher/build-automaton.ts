import type { AutomatonCore } from './automaton';
import { cacheFold, FOLD_TABLE } from './fold';

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
 * The background compiles once per pack set, with the JIT still cold: the inner loops are
 * small functions (V8 optimises each sooner and cheaper than one big one), without `??`
 * guards (indexes are in range by the loop bounds).
 */
export function buildAutomaton(texts: readonly string[]): BuiltAutomaton {
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
    foldKeys(texts, order, keys, from, to, depth);
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
      if (state === 0) rootNext[unit] = states;
      else fail[states] = failTarget(label, fanout, firstChild, fail, rootNext, up, unit);
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

/** Keys of `order[from..to)` at `depth`: the folded unit there, or -1 where the text ends. */
function foldKeys(
  texts: readonly string[],
  order: Int32Array,
  keys: Int32Array,
  from: number,
  to: number,
  depth: number,
): void {
  const fold = FOLD_TABLE;
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
}

/** The fail target of a child on `unit` of a state whose fail link is `up`. */
function failTarget(
  label: Uint16Array,
  fanout: Uint16Array,
  firstChild: Int32Array,
  fail: Int32Array,
  rootNext: Int32Array,
  up: number,
  unit: number,
): number {
  for (let candidate = up; candidate !== 0; candidate = fail[candidate] as number) {
    const next = findChild(
      label,
      firstChild[candidate] as number,
      fanout[candidate] as number,
      unit,
    );
    if (next !== 0) return next;
  }
  return rootNext[unit] as number;
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
