import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../lib/encoding/base64';
import { installNativeBase64 } from './native-base64';

describe('installNativeBase64', () => {
  it('gives lib/encoding native-speed methods with the same results', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 131) % 256);
    const before = bytesToBase64(bytes);
    installNativeBase64();
    expect('fromBase64' in Uint8Array && 'toBase64' in Uint8Array.prototype).toBe(true);
    expect(bytesToBase64(bytes)).toBe(before);
    const decoded = base64ToBytes(before);
    expect(decoded).toEqual(bytes);
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(bytes.length);
  });
});
