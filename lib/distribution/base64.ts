/**
 * Standard base64 (RFC 4648 §4, with padding) for the short texts of keys and signatures.
 * `atob` is forgiving (it skips spaces and accepts missing padding), so text is checked
 * against the strict alphabet first: a key copied with a stray character must be refused,
 * not silently decoded to something else.
 */

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The decoded bytes, or `undefined` when `text` is not strict padded base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!STRICT_BASE64.test(text)) return undefined;
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
