import { PACK_LIMITS } from '../pack/limits';
import { validatePackText, type PackValidation } from '../pack/validate';

/**
 * Validates a pack file as the bytes that are hashed, signed and served. Decoding is
 * strict: bytes that are not UTF-8 are refused rather than replaced with U+FFFD, because
 * the text checked must be the text every reader of those bytes gets.
 */
export function validatePackBytes(bytes: Uint8Array): PackValidation {
  if (bytes.byteLength > PACK_LIMITS.documentBytes) {
    const message = `document is ${bytes.byteLength} bytes, over the limit of ${PACK_LIMITS.documentBytes}`;
    return { ok: false, issues: [{ path: [], message }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, issues: [{ path: [], message: 'not valid UTF-8 text' }] };
  }
  return validatePackText(text);
}
