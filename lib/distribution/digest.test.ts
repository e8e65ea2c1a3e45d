import { describe, expect, it } from 'vitest';
import { sha256Hex } from './digest';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('%j', async (text, hex) => {
    expect(await sha256Hex(utf8(text))).toBe(hex);
  });

  it('hashes only the bytes a view covers', async () => {
    const whole = utf8('xxabcxx');
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex(utf8('abc')));
  });
});
