import { bytesToBase64, strictBase64ToBytes } from '../encoding/base64';
import { asBufferSource } from './buffer-source';

/**
 * Ed25519 keys and detached signatures through Web Crypto, so the publisher's CLI (Node)
 * and the extension's service worker verify with the same code.
 *
 * Key texts are one line each, safe to paste into a settings field or a README:
 * - public:  `ed25519:` + base64 of the raw 32-byte key;
 * - private: `ed25519-private:` + base64 of the PKCS #8 document.
 * A signature is base64 of the 64 signature bytes; a signature file holds that text and
 * a newline.
 */

export const PUBLIC_KEY_PREFIX = 'ed25519:';
export const PRIVATE_KEY_PREFIX = 'ed25519-private:';
export const SIGNATURE_FILE_SUFFIX = '.sig';

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_SHAPE = `a public key must look like "${PUBLIC_KEY_PREFIX}<44 base64 characters>"`;
const PRIVATE_KEY_SHAPE = `a private key must look like "${PRIVATE_KEY_PREFIX}<base64 of a PKCS #8 Ed25519 key>"`;

/** A key text that cannot be a key; the message says what it should look like. */
export class KeyFormatError extends Error {
  override name = 'KeyFormatError';
}

/** The raw 32 bytes of a public key text; throws `KeyFormatError` with the reason. */
export function parsePublicKey(text: string): Uint8Array<ArrayBuffer> {
  const trimmed = text.trim();
  if (trimmed.startsWith(PRIVATE_KEY_PREFIX)) {
    throw new KeyFormatError(`${PUBLIC_KEY_SHAPE}; this is a private key, which must stay secret`);
  }
  if (!trimmed.startsWith(PUBLIC_KEY_PREFIX)) {
    throw new KeyFormatError(`${PUBLIC_KEY_SHAPE}; it does not start with "${PUBLIC_KEY_PREFIX}"`);
  }
  const bytes = strictBase64ToBytes(trimmed.slice(PUBLIC_KEY_PREFIX.length));
  if (bytes === undefined) {
    throw new KeyFormatError(`${PUBLIC_KEY_SHAPE}; the part after the prefix is not base64`);
  }
  if (bytes.byteLength !== PUBLIC_KEY_BYTES) {
    throw new KeyFormatError(
      `${PUBLIC_KEY_SHAPE}; it holds ${bytes.byteLength} bytes, not ${PUBLIC_KEY_BYTES}`,
    );
  }
  return bytes;
}

export function isPublicKeyText(text: string): boolean {
  try {
    parsePublicKey(text);
    return true;
  } catch (error) {
    if (error instanceof KeyFormatError) return false;
    throw error;
  }
}

function publicKeyText(raw: Uint8Array): string {
  return PUBLIC_KEY_PREFIX + bytesToBase64(raw);
}

export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await globalThis.crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
  const [raw, pkcs8] = await Promise.all([
    globalThis.crypto.subtle.exportKey('raw', pair.publicKey),
    globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey),
  ]);
  return {
    publicKey: publicKeyText(new Uint8Array(raw)),
    privateKey: PRIVATE_KEY_PREFIX + bytesToBase64(new Uint8Array(pkcs8)),
  };
}

/** Extractable so `publicKeyOf` can read the public half, which PKCS #8 carries. */
async function importPrivateKey(text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith(PUBLIC_KEY_PREFIX)) {
    throw new KeyFormatError(`${PRIVATE_KEY_SHAPE}; this is a public key`);
  }
  if (!trimmed.startsWith(PRIVATE_KEY_PREFIX)) {
    throw new KeyFormatError(
      `${PRIVATE_KEY_SHAPE}; it does not start with "${PRIVATE_KEY_PREFIX}"`,
    );
  }
  const pkcs8 = strictBase64ToBytes(trimmed.slice(PRIVATE_KEY_PREFIX.length));
  if (pkcs8 === undefined) {
    throw new KeyFormatError(`${PRIVATE_KEY_SHAPE}; the part after the prefix is not base64`);
  }
  try {
    return await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
  } catch {
    throw new KeyFormatError(`${PRIVATE_KEY_SHAPE}; the bytes are not an Ed25519 private key`);
  }
}

async function importPublicKey(text: string): Promise<CryptoKey> {
  const raw = parsePublicKey(text);
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
  } catch {
    // 32 bytes that are not a point on the curve; some engines refuse them at import.
    throw new KeyFormatError(`${PUBLIC_KEY_SHAPE}; the bytes are not an Ed25519 public key`);
  }
}

/** The public key text matching a private key text, so a signer can say what verifies it. */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const key = await importPrivateKey(privateKey);
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', key);
  const raw = jwk.x === undefined ? undefined : strictBase64ToBytes(base64UrlToBase64(jwk.x));
  if (raw === undefined) throw new KeyFormatError(`${PRIVATE_KEY_SHAPE}; it has no public half`);
  return publicKeyText(raw);
}

function base64UrlToBase64(text: string): string {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return standard + '='.repeat((4 - (standard.length % 4)) % 4);
}

/** Base64 of the 64-byte Ed25519 signature over exactly `data`. */
export async function signBytes(privateKey: string, data: Uint8Array): Promise<string> {
  const key = await importPrivateKey(privateKey);
  const signature = await globalThis.crypto.subtle.sign(ED25519, key, asBufferSource(data));
  return bytesToBase64(new Uint8Array(signature));
}

/**
 * Whether `signatureText` (surrounding whitespace allowed, as in a `.sig` file) is a valid
 * signature of exactly `data` by `publicKey`. A wrong or garbled signature is an answer,
 * `false`; only a malformed public key throws (`KeyFormatError`), since that is the
 * subscriber's mistake to fix, not the publisher's.
 */
export async function verifySignature(
  publicKey: string,
  data: Uint8Array,
  signatureText: string,
): Promise<boolean> {
  const key = await importPublicKey(publicKey);
  const signature = strictBase64ToBytes(signatureText.trim());
  if (signature === undefined || signature.byteLength !== SIGNATURE_BYTES) return false;
  try {
    return await globalThis.crypto.subtle.verify(ED25519, key, signature, asBufferSource(data));
  } catch {
    return false;
  }
}

/** The contents of a `.sig` file for a signature text. */
export function signatureFileText(signature: string): string {
  return `${signature}\n`;
}
