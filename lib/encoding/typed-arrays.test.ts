import { describe, expect, it } from 'vitest';
import {
  decodeInt32,
  decodeTable,
  decodeUint16,
  decodeUint8,
  encodeTable,
  encodeUnsigned,
} from './typed-arrays';

describe('table encoding', () => {
  it.each([
    ['u8', new Uint8Array([0, 1, 255])],
    ['u16', new Uint16Array([0, 256, 65535])],
    ['u32', new Uint32Array([0, 65536, 2 ** 32 - 1])],
    ['i32', new Int32Array([-1, 0, 2 ** 31 - 1])],
  ])('round-trips %s tables through JSON', (kind, table) => {
    const encoded = JSON.parse(JSON.stringify(encodeTable(table))) as string;
    expect(encoded.startsWith(`${kind}:`)).toBe(true);
    expect(decodeTable(encoded)).toEqual(table);
  });

  it.each([
    [[0, 255], 255, 'u8'],
    [[0, 256], 256, 'u16'],
    [[0, 1], 256, 'u16'],
    [[70000], 70000, 'u32'],
    [[], 0, 'u8'],
  ])('stores %j (at most %i) as %s', (values, max, kind) => {
    const encoded = encodeUnsigned(values, max);
    expect(encoded.split(/[:*]/)[0]).toBe(kind);
    expect(Array.from(decodeInt32(encoded))).toEqual(values);
  });

  it.each([
    ['u8', new Uint8Array(0), 'u8*0'],
    ['u16', new Uint16Array(3), 'u16*3'],
    ['u32', new Uint32Array(100_000), 'u32*100000'],
    ['i32', new Int32Array(2), 'i32*2'],
  ])('writes a %s table of zeros as its length alone', (_, table, expected) => {
    expect(encodeTable(table)).toBe(expected);
    const decoded = decodeTable(expected);
    expect(decoded).toEqual(table);
    expect(decoded.constructor).toBe(table.constructor);
  });

  it('widens narrow tables to the kind the scanner uses', () => {
    expect(decodeUint16(encodeUnsigned([1, 2], 2))).toBeInstanceOf(Uint16Array);
    expect(decodeInt32(encodeUnsigned([1, 2], 2))).toBeInstanceOf(Int32Array);
    expect(() => decodeUint8(encodeUnsigned([300], 300))).toThrow(/8-bit/);
    expect(() => decodeUint16(encodeUnsigned([70000], 70000))).toThrow(/16-bit/);
  });

  it('round-trips a table larger than one chunk of the btoa fallback', () => {
    const table = Uint32Array.from({ length: 70_000 }, (_, i) => i * 7919);
    expect(decodeTable(encodeTable(table))).toEqual(table);
  });

  it.each(['x8:AAAA', 'AAAA', 'u16:AAAA', 'x8*3', 'u8*', 'u8*-1', 'u8*1e3', 'u8*3.5'])(
    'rejects malformed %j',
    (encoded) => {
      expect(() => decodeTable(encoded)).toThrow();
    },
  );
});
