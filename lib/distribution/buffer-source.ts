/**
 * Web Crypto takes only views over a plain `ArrayBuffer`; a view over a
 * `SharedArrayBuffer` is copied. Other views are passed as they are, so hashing a
 * 64 MiB pack does not copy it.
 */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}
