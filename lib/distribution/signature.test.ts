import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../encoding/base64';
import {
  KeyFormatError,
  PRIVATE_KEY_PREFIX,
  PUBLIC_KEY_PREFIX,
  generateKeyPair,
  isPublicKeyText,
  parsePublicKey,
  publicKeyOf,
  signBytes,
  signatureFileText,
  verifySignature,
} from './signature';

const utf8 = (text: string) => new TextEncoder().encode(text);
const keyOfBytes = (count: number) => PUBLIC_KEY_PREFIX + bytesToBase64(new Uint8Array(count));

/** A copy of `bytes` with the bits of `mask` flipped in the byte at `index`. */
function flipBits(bytes: Uint8Array, index: number, mask: number): Uint8Array {
  return bytes.map((byte, at) => (at === index ? byte ^ mask : byte));
}

let alice: { publicKey: string; privateKey: string };
let bob: { publicKey: string; privateKey: string };

beforeAll(async () => {
  [alice, bob] = await Promise.all([generateKeyPair(), generateKeyPair()]);
});

describe('generateKeyPair', () => {
  it('writes both keys as prefixed one-line texts', () => {
    expect(alice.publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(alice.privateKey.startsWith(PRIVATE_KEY_PREFIX)).toBe(true);
    expect(alice.privateKey).not.toMatch(/\s/);
    expect(alice.publicKey).not.toBe(bob.publicKey);
  });

  it('derives the public key back from the private key', async () => {
    expect(await publicKeyOf(alice.privateKey)).toBe(alice.publicKey);
  });
});

describe('signBytes and verifySignature', () => {
  const pack = utf8('{"id":"test-pack","version":"1.0.0"}\n');

  it('verifies what the matching key signed, from a .sig file text', async () => {
    const signature = await signBytes(alice.privateKey, pack);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(await verifySignature(alice.publicKey, pack, signature)).toBe(true);
    expect(await verifySignature(alice.publicKey, pack, signatureFileText(signature))).toBe(true);
    expect(await verifySignature(` ${alice.publicKey}\n`, pack, `\r\n ${signature} \n`)).toBe(true);
  });

  it('is false for tampered data, another key, or a garbled signature', async () => {
    const signature = await signBytes(alice.privateKey, pack);
    const tampered = flipBits(pack, 3, 1);
    const flipped = bytesToBase64(Uint8Array.from(atob(signature), (c) => c.charCodeAt(0) ^ 1));
    expect(await verifySignature(alice.publicKey, tampered, signature)).toBe(false);
    expect(await verifySignature(bob.publicKey, pack, signature)).toBe(false);
    expect(
      await verifySignature(alice.publicKey, pack, await signBytes(bob.privateKey, pack)),
    ).toBe(false);
    for (const garbled of [
      flipped,
      '',
      'not base64!',
      signature.slice(4),
      'AAAA',
      signature + 'AA==',
    ]) {
      expect(await verifySignature(alice.publicKey, pack, garbled)).toBe(false);
    }
  });

  it('verifies every signed message and rejects every one-bit change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), fc.nat(), async (data, position) => {
        const signature = await signBytes(alice.privateKey, data);
        expect(await verifySignature(alice.publicKey, data, signature)).toBe(true);
        if (data.length === 0) return;
        const changed = flipBits(data, position % data.length, 0x80);
        expect(await verifySignature(alice.publicKey, changed, signature)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('malformed keys', () => {
  it.each([
    ['empty', '', 'does not start with "ed25519:"'],
    ['another scheme', 'rsa:AAAA', 'does not start with "ed25519:"'],
    ['upper-case prefix', keyOfBytes(32).replace('ed25519', 'ED25519'), 'does not start'],
    ['nothing after the prefix', 'ed25519:', 'holds 0 bytes, not 32'],
    ['not base64', 'ed25519:' + '!'.repeat(44), 'is not base64'],
    ['missing padding', keyOfBytes(32).replace(/=$/, ''), 'is not base64'],
    ['space inside', keyOfBytes(32).replace('AAAA', 'AA AA'), 'is not base64'],
    ['31 bytes', keyOfBytes(31), 'holds 31 bytes, not 32'],
    ['33 bytes', keyOfBytes(33), 'holds 33 bytes, not 32'],
    ['a private key', 'ed25519-private:AAAA', 'this is a private key'],
  ])('%s', async (_name, text, reason) => {
    expect(isPublicKeyText(text)).toBe(false);
    expect(() => parsePublicKey(text)).toThrow(KeyFormatError);
    expect(() => parsePublicKey(text)).toThrow(
      'a public key must look like "ed25519:<44 base64 characters>"',
    );
    expect(() => parsePublicKey(text)).toThrow(reason);
    await expect(verifySignature(text, utf8('x'), 'AAAA')).rejects.toThrow(KeyFormatError);
  });

  it('accepts a well-formed key with surrounding whitespace', () => {
    expect(isPublicKeyText(`  ${keyOfBytes(32)}\n`)).toBe(true);
    expect(parsePublicKey(`  ${keyOfBytes(32)}\n`)).toEqual(new Uint8Array(32));
  });

  it.each([
    ['a public key', () => alice.publicKey, 'this is a public key'],
    ['no prefix', () => 'AAAA', 'does not start with "ed25519-private:"'],
    ['not base64', () => `${PRIVATE_KEY_PREFIX}@@@@`, 'is not base64'],
    ['not PKCS #8', () => `${PRIVATE_KEY_PREFIX}AAAA`, 'not an Ed25519 private key'],
  ])('refuses a private key text that is %s', async (_name, text, reason) => {
    const error = await signBytes(text(), utf8('x')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeyFormatError);
    expect((error as Error).message).toContain('a private key must look like "ed25519-private:');
    expect((error as Error).message).toContain(reason);
  });
});
