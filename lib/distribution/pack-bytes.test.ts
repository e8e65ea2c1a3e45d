import { describe, expect, it } from 'vitest';
import { validPack } from '../../tests/support/pack-fixtures';
import { formatIssue } from '../pack/validate';
import { validatePackBytes } from './pack-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

function issues(bytes: Uint8Array): string[] {
  const result = validatePackBytes(bytes);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validatePackBytes', () => {
  it('accepts a valid pack, with or without a byte order mark', () => {
    const text = JSON.stringify(validPack());
    expect(issues(utf8(text))).toEqual([]);
    expect(issues(utf8(`\uFEFF${text}`))).toEqual([]);
  });

  it.each([
    ['bytes that are not UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d), '$: not valid UTF-8 text'],
    ['text that is not JSON', utf8('{'), '$: not valid JSON'],
    ['JSON that is not a pack', utf8('{"format":1}'), '$.id:'],
  ])('refuses %s', (_name, bytes, issue) => {
    expect(issues(bytes)[0]).toContain(issue);
  });

  it('refuses a document over the size limit before decoding it', () => {
    const huge = new Uint8Array(64 * 1024 * 1024 + 1);
    expect(issues(huge)).toEqual([
      `$: document is ${huge.byteLength} bytes, over the limit of ${64 * 1024 * 1024}`,
    ]);
  });
});
