/**
 * Standard base64 (RFC 4648 §4, with padding) for bytes that travel as text: the typed
 * arrays of the compiled matcher and of the search index (`typed-arrays.ts`), and the keys
 * and signatures of published packs (lib/distribution).
 *
 * Web-platform APIs only, so the same code runs in content scripts, the background and Node
 * (the publisher's CLI, tests, the benchmark). Decoding a matcher runs in a content script on
 * every page load, so the native `Uint8Array.fromBase64` / `toBase64` (Chrome 140+, Firefox
 * 133+, Safari 18.2+; not Node 20) are used where present, `atob` / `btoa` otherwise.
 */

interface NativeDecoder {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}
interface NativeEncoder {
  toBase64?: () => string;
}

/** Bytes per `String.fromCharCode` call: one call per byte is slow, one for all overflows the stack. */
const CHUNK = 0x8000;

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeEncoder).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    // `apply` takes the typed array directly; spreading it would go through the iterator.
    binary += String.fromCharCode.apply(
      null,
      bytes.subarray(at, at + CHUNK) as unknown as number[],
    );
  }
  return btoa(binary);
}

/**
 * The bytes `text` encodes, in a buffer of their own starting at offset 0 (so typed-array
 * views over it are aligned). Lenient like `atob` about spaces and padding; throws on
 * characters outside the alphabet.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as NativeDecoder).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The bytes of strict padded base64, or `undefined` for anything else: for texts a person
 * copies (keys, signatures), where a stray character must be refused, not silently decoded
 * to something else.
 */
export function strictBase64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  return STRICT_BASE64.test(text) ? base64ToBytes(text) : undefined;
}
