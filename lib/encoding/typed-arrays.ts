import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * Typed arrays ⇄ strings, for tables that travel or are stored as JSON: the compiled matcher's
 * (`CompiledMatcher.tables`, sent through `runtime.sendMessage`, where a typed array would
 * arrive as `{ "0": .., "1": .. }`) and the search index's forward index.
 *
 * Format: `<kind>:<base64 of the array's bytes>`, kind one of `u8`, `u16`, `u32`, `i32`, or
 * `<kind>*<length>` for a table of zeros only (a matcher's tables for features no alias uses:
 * words aliases must not match inside, context entities). Unsigned tables are stored in the
 * narrowest kind that fits, so a small pack's tables take half the space. Bytes are in platform order, which is little-endian on every platform a
 * browser extension runs on.
 */

type Kind = 'u8' | 'u16' | 'u32' | 'i32';
type Table = Uint8Array | Uint16Array | Uint32Array | Int32Array;

const BYTES: Record<Kind, number> = { u8: 1, u16: 2, u32: 4, i32: 4 };

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
  const kind = encoded.slice(0, colon) as Kind;
  const size = BYTES[kind] as number | undefined;
  if (colon < 0 || size === undefined) throw new Error(`Unknown table encoding "${kind}"`);
  const bytes = base64ToBytes(encoded.slice(colon + 1));
  if (bytes.byteLength % size !== 0)
    throw new Error('Table length is not a whole number of elements');
  // A decode starts at offset 0 of its own buffer (base64ToBytes), so the view is aligned.
  const { buffer, byteOffset, byteLength } = bytes;
  if (kind === 'u8') return bytes;
  if (kind === 'u16') return new Uint16Array(buffer, byteOffset, byteLength / 2);
  if (kind === 'u32') return new Uint32Array(buffer, byteOffset, byteLength / 4);
  return new Int32Array(buffer, byteOffset, byteLength / 4);
}

/** A table of `length` zeros of `kind` (the `<kind>*<length>` form). */
function zeroTable(kind: string, length: string): Table {
  const count = Number(length);
  if (!/^\d+$/.test(length) || !Number.isSafeInteger(count))
    throw new Error(`Malformed table length "${length}"`);
  if (kind === 'u8') return new Uint8Array(count);
  if (kind === 'u16') return new Uint16Array(count);
  if (kind === 'u32') return new Uint32Array(count);
  if (kind === 'i32') return new Int32Array(count);
  throw new Error(`Unknown table encoding "${kind}"`);
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
