import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * Typed arrays ⇄ strings, for tables that travel or are stored as JSON: the compiled matcher's
 * (`CompiledMatcher.tables`, sent through `runtime.sendMessage`, where a typed array would
 * arrive as `{ "0": .., "1": .. }`) and the search index's forward index.
 *
 * Format: `<kind>:<base64 of the array's bytes>`, kind one of `u8`, `u16`, `u32`, `i32`, or
 * `<kind>*<length>` for a table of zeros only (a matcher's tables for features no alias uses:
 * words aliases must not match inside, context entities). Unsigned tables are stored in the
 * narrowest kind that fits, so a small pack's tables take half the space. Bytes are in
 * platform order, which is little-endian on every platform a browser extension runs on.
 */

type Kind = 'u8' | 'u16' | 'u32' | 'i32';
type Table = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** The array of each kind: one table for both forms of decoding. */
const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;

function arrayOf(kind: string): (typeof ARRAYS)[Kind] {
  if (!Object.hasOwn(ARRAYS, kind)) throw new Error(`Unknown table encoding "${kind}"`);
  return ARRAYS[kind as Kind];
}

function kindOf(table: Table): Kind {
  if (table instanceof Uint8Array) return 'u8';
  if (table instanceof Uint16Array) return 'u16';
  if (table instanceof Uint32Array) return 'u32';
  return 'i32';
}

/** Encodes a typed array as-is (its own element kind). */
export function encodeTable(table: Table): string {
  if (table.every((value) => value === 0)) return `${kindOf(table)}*${table.length}`;
  const bytes = new Uint8Array(table.buffer, table.byteOffset, table.byteLength);
  return `${kindOf(table)}:${bytesToBase64(bytes)}`;
}

/**
 * Encodes non-negative integers, all at most `max`, in the narrowest unsigned kind that holds
 * `max`. The caller knows the bound (a state count, a pattern count), which spares a pass
 * over the values.
 */
export function encodeUnsigned(values: ArrayLike<number>, max: number): string {
  const Narrow = max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
  return encodeTable(new Narrow(values));
}

/** Decodes any encoded table. Throws on a malformed string. */
export function decodeTable(encoded: string): Table {
  const zeros = encoded.indexOf('*');
  if (zeros >= 0) return zeroTable(encoded.slice(0, zeros), encoded.slice(zeros + 1));
  const colon = encoded.indexOf(':');
  if (colon < 0) throw new Error(`Unknown table encoding "${encoded.slice(0, 8)}"`);
  const TableArray = arrayOf(encoded.slice(0, colon));
  const bytes = base64ToBytes(encoded.slice(colon + 1));
  const size = TableArray.BYTES_PER_ELEMENT;
  if (bytes.byteLength % size !== 0)
    throw new Error('Table length is not a whole number of elements');
  // A decode starts at offset 0 of its own buffer (base64ToBytes), so the view is aligned.
  return new TableArray(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
}

/** A table of `length` zeros of `kind` (the `<kind>*<length>` form). */
function zeroTable(kind: string, length: string): Table {
  const count = Number(length);
  if (!/^\d+$/.test(length) || !Number.isSafeInteger(count))
    throw new Error(`Malformed table length "${length}"`);
  return new (arrayOf(kind))(count);
}

/** Decodes a table of non-negative integers and widens it to Int32 (one array kind in hot loops). */
export function decodeInt32(encoded: string): Int32Array {
  const table = decodeTable(encoded);
  if (table instanceof Int32Array) return table;
  // Same bytes: a view, no copy. Counts and ids stay far below 2^31.
  if (table instanceof Uint32Array)
    return new Int32Array(table.buffer, table.byteOffset, table.length);
  return new Int32Array(table);
}

/** Decodes a table that must hold code units (any unsigned kind up to 16 bits). */
export function decodeUint16(encoded: string): Uint16Array {
  const table = decodeTable(encoded);
  if (table instanceof Uint16Array) return table;
  if (table instanceof Uint8Array) return new Uint16Array(table);
  throw new Error('Expected a 16-bit table');
}

/** Decodes a table that must hold bytes. */
export function decodeUint8(encoded: string): Uint8Array {
  const table = decodeTable(encoded);
  if (table instanceof Uint8Array) return table;
  throw new Error('Expected an 8-bit table');
}
