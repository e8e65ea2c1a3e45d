import { afterEach, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, strictBase64ToBytes } from './base64';

interface Base64Methods {
  fromBase64?: (text: string) => Uint8Array;
  toBase64?: () => string;
}
const statics = Uint8Array as Base64Methods;
const prototype = Uint8Array.prototype as Base64Methods;
const saved = {
  fromBase64: Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64'),
  toBase64: Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64'),
};

/** Runs with or without the native methods, whatever this Node has. */
function withNative(native: boolean, calls: string[] = []): void {
  if (native) {
    statics.fromBase64 = (text) => {
      calls.push('fromBase64');
      return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
    };
    prototype.toBase64 = function (this: Uint8Array) {
      calls.push('toBase64');
      return btoa(String.fromCharCode(...this));
    };
  } else {
    delete statics.fromBase64;
    delete prototype.toBase64;
  }
}

afterEach(() => {
  delete statics.fromBase64;
  delete prototype.toBase64;
  if (saved.fromBase64) Object.defineProperty(Uint8Array, 'fromBase64', saved.fromBase64);
  if (saved.toBase64) Object.defineProperty(Uint8Array.prototype, 'toBase64', saved.toBase64);
});

describe('base64', () => {
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);

  it.each([false, true])('round-trips bytes (native methods: %s)', (native) => {
    const calls: string[] = [];
    withNative(native, calls);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(calls).toEqual(native ? ['toBase64', 'fromBase64'] : []);
  });

  it('decodes into a buffer of its own, from offset 0', () => {
    const decoded = base64ToBytes('AAECAw==');
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(4);
  });

  it.each([
    ['AAECAw==', [0, 1, 2, 3]],
    ['AAEC', [0, 1, 2]],
    ['', []],
  ])('strictly decodes %j', (text, expected) => {
    expect(Array.from(strictBase64ToBytes(text) ?? [-1])).toEqual(expected);
  });

  it.each(['AAECAw', 'AA ECAw==', 'AAECAw==\n', 'AA-_', 'AAECA==='])(
    'refuses %j when strict',
    (text) => {
      expect(strictBase64ToBytes(text)).toBeUndefined();
    },
  );
});
