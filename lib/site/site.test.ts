import { describe, expect, it } from 'vitest';
import { hostSchema } from './host-schema';
import { siteOf } from './site';

describe('siteOf', () => {
  it.each<[string, string | null]>([
    ['https://Example.COM./path', 'example.com'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['file:///tmp/a.html', null],
    ['not a url', null],
  ])('siteOf(%j) = %j', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

it('has no site without a URL', () => {
  expect(siteOf(undefined)).toBeNull();
});

describe('hostSchema', () => {
  it.each<[string, boolean]>([
    ['example.com', true],
    ['a b', false],
    ['a/b', false],
    ['', false],
    ['x'.repeat(254), false],
  ])('%j valid: %j', (host, valid) => {
    expect(hostSchema.safeParse(host).success).toBe(valid);
  });
});
