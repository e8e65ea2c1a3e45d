/**
 * Whether quotes occur verbatim in their sources' texts, in bounded time.
 *
 * The obvious `text.includes(quote)` per fact costs up to the text's length for every quote:
 * 3,000 quotes that are not there against a 200,000-character text took 2.6 s, and a pack at
 * the limits (100,000 facts) would take minutes. Here each source's quotes are checked
 * together: a source with few quotes is searched with `indexOf`; a source with many gets an
 * index of its text's 8-character windows, built once (sorted hashes), so a quote costs a few
 * lookups of its rarest window plus a comparison at each place that window occurs. Every step
 * is counted in work units (about one character compared), and a pack whose checks would
 * exceed `QUOTE_CHECK_BUDGET` is refused instead of checked for minutes.
 */

/** Characters per indexed window; quotes shorter than this are searched with `indexOf`. */
export const QUOTE_WINDOW = 8;
/**
 * Work units (about one character compared) all quote checks of one pack may take: about
 * 1.5 s at the slowest measured rate (scripts/bench "worst-case validation"). Ordinary packs
 * use a small fraction; only a pack built to be slow to check is refused.
 */
export const QUOTE_CHECK_BUDGET = 150_000_000;
/** What building one window index costs per character of text (hashing and sorting). */
const INDEX_COST_PER_CHAR = 24;
/** What one index lookup (two binary searches) costs. */
const LOOKUP_COST = 40;

/** One quote to check: which source text, and where to report it. */
export interface QuoteCheck {
  sourceId: string;
  quote: string;
  /** Index of the fact, for the caller's report. */
  fact: number;
}

export interface QuoteCheckResult {
  /** The facts (their `fact` index) whose quote is not in their source's text. */
  missing: number[];
  /** Work units spent. */
  work: number;
  /** True when the budget ran out: `missing` is then incomplete and the pack must be refused. */
  overBudget: boolean;
}

class BudgetExceeded extends Error {}

/** Counts work and stops it at the budget. */
class Meter {
  work = 0;
  constructor(private readonly budget: number) {}
  spend(units: number): void {
    this.work += units;
    if (this.work > this.budget) throw new BudgetExceeded();
  }
}

/**
 * Checks every quote against `texts` (source id → text; a source without text is not
 * checked). Identical (source, quote) pairs are checked once.
 */
export function checkQuotes(
  texts: ReadonlyMap<string, string>,
  checks: readonly QuoteCheck[],
  budget = QUOTE_CHECK_BUDGET,
): QuoteCheckResult {
  const bySource = new Map<string, QuoteCheck[]>();
  for (const check of checks) {
    if (!texts.has(check.sourceId)) continue;
    const list = bySource.get(check.sourceId);
    if (list) list.push(check);
    else bySource.set(check.sourceId, [check]);
  }
  const meter = new Meter(budget);
  const missing: number[] = [];
  try {
    for (const [sourceId, list] of bySource) {
      const text = texts.get(sourceId) ?? '';
      const distinct = new Map<string, boolean>();
      for (const { quote } of list) distinct.set(quote, false);
      const long = [...distinct.keys()].filter((quote) => quote.length >= QUOTE_WINDOW);
      // An index pays for itself once scanning the text for every long quote would cost more.
      const index =
        long.length * text.length > INDEX_COST_PER_CHAR * text.length && text.length >= QUOTE_WINDOW
          ? WindowIndex.build(text, meter)
          : null;
      for (const quote of distinct.keys()) {
        const found =
          index && quote.length >= QUOTE_WINDOW
            ? index.contains(quote, meter)
            : scan(text, quote, meter);
        distinct.set(quote, found);
      }
      for (const check of list) if (!distinct.get(check.quote)) missing.push(check.fact);
    }
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return { missing: missing.sort((a, b) => a - b), work: meter.work, overBudget: true };
  }
  return { missing: missing.sort((a, b) => a - b), work: meter.work, overBudget: false };
}

function scan(text: string, quote: string, meter: Meter): boolean {
  meter.spend(text.length + quote.length);
  return text.includes(quote);
}

/** 2^21: window positions (< 200,001) fit below it, and hash × 2^21 + position below 2^53. */
const POSITION_SCALE = 2 ** 21;
const HASH_BASE = 0x01000193;
/** HASH_BASE^(QUOTE_WINDOW - 1) mod 2^32, to roll the first character out. */
const HASH_TOP = (() => {
  let power = 1;
  for (let i = 1; i < QUOTE_WINDOW; i++) power = Math.imul(power, HASH_BASE);
  return power;
})();

/** The hash of each window of `text`, in order (length − QUOTE_WINDOW + 1 values). */
function windowHashes(text: string): Uint32Array {
  const count = text.length - QUOTE_WINDOW + 1;
  const hashes = new Uint32Array(Math.max(count, 0));
  if (count <= 0) return hashes;
  let hash = 0;
  for (let i = 0; i < QUOTE_WINDOW; i++)
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  hashes[0] = hash >>> 0;
  for (let i = 1; i < count; i++) {
    hash = (hash - Math.imul(text.charCodeAt(i - 1), HASH_TOP)) | 0;
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i + QUOTE_WINDOW - 1)) | 0;
    hashes[i] = hash >>> 0;
  }
  return hashes;
}

/**
 * Every window of a text, grouped by hash: `positions` holds the window positions sorted by
 * hash, and an open-addressing table maps a hash to its run in `positions`.
 */
class WindowIndex {
  private constructor(
    private readonly text: string,
    private readonly positions: Int32Array,
    private readonly slots: Uint32Array,
    private readonly runs: Int32Array,
    private readonly mask: number,
  ) {}

  static build(text: string, meter: Meter): WindowIndex {
    meter.spend(INDEX_COST_PER_CHAR * text.length);
    const hashes = windowHashes(text);
    const keys = new Float64Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) keys[i] = (hashes[i] ?? 0) * POSITION_SCALE + i;
    keys.sort();
    const positions = new Int32Array(keys.length);
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    const mask = size - 1;
    // Slot i holds a hash in slots[i] and its run as runs[2i] (start) and runs[2i + 1] (end);
    // an empty slot has end 0.
    const slots = new Uint32Array(size);
    const runs = new Int32Array(size * 2);
    let runStart = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] ?? 0;
      const position = key % POSITION_SCALE;
      positions[k] = position;
      const hash = (key - position) / POSITION_SCALE;
      const next = keys[k + 1];
      if (next === undefined || Math.floor(next / POSITION_SCALE) !== hash) {
        let slot = mix(hash) & mask;
        while ((runs[slot * 2 + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
        slots[slot] = hash;
        runs[slot * 2] = runStart;
        runs[slot * 2 + 1] = k + 1;
        runStart = k + 1;
      }
    }
    return new WindowIndex(text, positions, slots, runs, mask);
  }

  /** The run of `positions` whose windows have this hash: [start, end), empty when none. */
  private run(hash: number): [number, number] {
    let slot = mix(hash) & this.mask;
    for (;;) {
      const end = this.runs[slot * 2 + 1] ?? 0;
      if (end === 0) return [0, 0];
      if (this.slots[slot] === hash) return [this.runs[slot * 2] ?? 0, end];
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Looks up the quote's first, last and then every eighth window until one occurs rarely
   * (or never: then the quote is not there), and compares the quote at each place the
   * rarest window occurs.
   */
  contains(quote: string, meter: Meter): boolean {
    meter.spend(quote.length);
    const hashes = windowHashes(quote);
    const last = hashes.length - 1;
    const offsets = [0, last];
    for (let offset = QUOTE_WINDOW; offset < last; offset += QUOTE_WINDOW) offsets.push(offset);
    let best = { offset: 0, start: 0, end: Number.POSITIVE_INFINITY };
    for (const offset of offsets) {
      meter.spend(LOOKUP_COST);
      const [start, end] = this.run(hashes[offset] ?? 0);
      if (start === end) return false;
      if (end - start < best.end - best.start) best = { offset, start, end };
      if (end - start <= RARE_RUN) break;
    }
    for (let k = best.start; k < best.end; k++) {
      meter.spend(quote.length);
      const at = (this.positions[k] ?? 0) - best.offset;
      if (at >= 0 && this.text.startsWith(quote, at)) return true;
    }
    return false;
  }
}

/** A window that occurs at most this often is rare enough to compare at each place. */
const RARE_RUN = 4;

/** Spreads a hash over the table's slots. */
function mix(hash: number): number {
  return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 0;
}
