import { decodeInt32, encodeUnsigned } from '../encoding/typed-arrays';

/**
 * Each document's distinct terms, as term ids, in two flat arrays. MiniSearch answers "which
 * documents contain this term" (posting lists); this answers the reverse, "does document n
 * contain one of these terms", in a few array reads. A query with one rare and one common
 * term uses it to check the rare term's few matches for the common one, instead of walking
 * the common term's tens of thousands of postings (see `plan.ts`).
 */
export class ForwardIndex {
  private constructor(
    /** Document n's term ids are `terms[starts[n]]` up to `terms[starts[n + 1]]`. */
    private readonly starts: Int32Array,
    private readonly terms: Int32Array,
  ) {}

  /** Add documents in order (document n is the n-th `add`), then `finish`. */
  static builder(): { add: (termIds: Iterable<number>) => void; finish: () => ForwardIndex } {
    const starts = [0];
    const terms: number[] = [];
    return {
      add: (termIds) => {
        for (const id of termIds) terms.push(id);
        starts.push(terms.length);
      },
      finish: () => new ForwardIndex(Int32Array.from(starts), Int32Array.from(terms)),
    };
  }

  /** Whether document `n` contains a term whose id is set in `wanted`. */
  containsAny(n: number, wanted: Uint8Array): boolean {
    const end = this.starts[n + 1] ?? 0;
    for (let at = this.starts[n] ?? 0; at < end; at++) {
      if (wanted[this.terms[at] ?? -1] === 1) return true;
    }
    return false;
  }

  /** Typed arrays as `kind:base64` strings: a plain number array would be 3× the JSON. */
  toJSON(termCount: number): ForwardIndexJSON {
    const last = this.starts[this.starts.length - 1] ?? 0;
    return {
      starts: encodeUnsigned(this.starts, last),
      terms: encodeUnsigned(this.terms, Math.max(0, termCount - 1)),
    };
  }

  static fromJSON(json: ForwardIndexJSON): ForwardIndex {
    return new ForwardIndex(decodeInt32(json.starts), decodeInt32(json.terms));
  }
}

export interface ForwardIndexJSON {
  starts: string;
  terms: string;
}
