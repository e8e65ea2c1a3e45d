import { asBufferSource } from './buffer-source';

/** SHA-256 of exactly these bytes, as 64 lowercase hex digits (the index's `sha256`). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', asBufferSource(bytes));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
