import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '../pack/validate';
import {
  INDEX_FORMAT,
  looksLikeIndex,
  packIndexSchema,
  resolveIndexUrl,
  type PackIndex,
} from './pack-index';

const DIGEST = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

function validIndex(): PackIndex {
  return {
    format: INDEX_FORMAT,
    generatedAt: '2026-03-01T12:00:00.000Z',
    packs: [
      {
        id: 'test-pack',
        version: '1.2.0',
        title: 'Test pack',
        url: 'test-pack-1.2.0.pack.json',
        sha256: DIGEST,
        size: 1234,
        signatureUrl: 'test-pack-1.2.0.pack.json.sig',
      },
    ],
  };
}

/** The paths of every issue `packIndexSchema` finds after `mutate`. */
function issuePaths(
  mutate: (index: Record<string, unknown>, entry: Record<string, unknown>) => void,
) {
  const index = validIndex();
  mutate(index as unknown as Record<string, unknown>, index.packs[0] as Record<string, unknown>);
  const parsed = packIndexSchema.safeParse(index);
  return parsed.success ? [] : parsed.error.issues.map((issue) => formatIssuePath(issue.path));
}

describe('packIndexSchema', () => {
  it('says which pack is listed twice, and where first', () => {
    const index = validIndex();
    const [entry] = index.packs;
    if (entry) index.packs.push({ ...entry, version: '9.0.0' });
    const parsed = packIndexSchema.safeParse(index);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'pack "test-pack" is listed twice (also at packs[0]); an index lists each pack once',
    ]);
  });

  it('accepts a valid index, with or without signatures, and an empty one', () => {
    expect(issuePaths(() => {})).toEqual([]);
    expect(issuePaths((_index, entry) => delete entry.signatureUrl)).toEqual([]);
    expect(issuePaths((index) => (index.packs = []))).toEqual([]);
    expect(issuePaths((_index, entry) => (entry.url = 'https://cdn.example/p.json'))).toEqual([]);
  });

  type Mutation = (index: Record<string, unknown>, entry: Record<string, unknown>) => void;
  const first = '$.packs[0]';
  it.each<[string, Mutation, string]>([
    ['another format', (index) => (index.format = 'fact-lens-index/2'), '$.format'],
    ['format missing', (index) => delete index.format, '$.format'],
    ['generatedAt not a date-time', (index) => (index.generatedAt = '2026-03-01'), '$.generatedAt'],
    [
      'more than 100 packs',
      (index) =>
        (index.packs = Array.from({ length: 101 }, (_, i) => ({
          ...validIndex().packs[0],
          id: `pack-${i}`,
        }))),
      '$.packs',
    ],
    ['unknown key in the index', (index) => (index.extra = true), '$'],
    ['id not a slug', (_i, entry) => (entry.id = 'Test Pack'), `${first}.id`],
    ['version not semver', (_i, entry) => (entry.version = '1.2'), `${first}.version`],
    ['title too long', (_i, entry) => (entry.title = 'x'.repeat(201)), `${first}.title`],
    ['url too long', (_i, entry) => (entry.url = 'a'.repeat(2049)), `${first}.url`],
    ['url missing', (_i, entry) => delete entry.url, `${first}.url`],
    ['sha256 upper case', (_i, entry) => (entry.sha256 = DIGEST.toUpperCase()), `${first}.sha256`],
    ['sha256 too short', (_i, entry) => (entry.sha256 = DIGEST.slice(1)), `${first}.sha256`],
    ['size zero', (_i, entry) => (entry.size = 0), `${first}.size`],
    ['size fractional', (_i, entry) => (entry.size = 1.5), `${first}.size`],
    [
      'size over the pack limit',
      (_i, entry) => (entry.size = 64 * 1024 * 1024 + 1),
      `${first}.size`,
    ],
    ['size as text', (_i, entry) => (entry.size = '1234'), `${first}.size`],
    [
      'signatureUrl too long',
      (_i, entry) => (entry.signatureUrl = 'a'.repeat(2049)),
      `${first}.signatureUrl`,
    ],
    ['unknown key in an entry', (_i, entry) => (entry.signature = 'AAAA'), first],
    [
      'two entries for one pack id',
      (index, entry) => (index.packs = [entry, { ...entry, version: '9.0.0', url: 'other.json' }]),
      '$.packs[1].id',
    ],
  ])('rejects %s', (_name, mutate, path) => {
    expect(issuePaths(mutate)).toEqual([path]);
  });
});

describe('looksLikeIndex', () => {
  it.each<[unknown, boolean]>([
    [validIndex(), true],
    [{ format: INDEX_FORMAT }, true],
    [{ format: 1, id: 'test-pack' }, false],
    [{ format: 'fact-lens-index/2' }, false],
    [[INDEX_FORMAT], false],
    [INDEX_FORMAT, false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikeIndex(value)).toBe(expected);
  });
});

describe('resolveIndexUrl', () => {
  const index = 'https://packs.example.com/fact-lens/index.json';

  it.each([
    [
      'a file beside the index',
      'a-1.0.0.pack.json',
      'https://packs.example.com/fact-lens/a-1.0.0.pack.json',
    ],
    ['a sub-folder', 'old/a.pack.json', 'https://packs.example.com/fact-lens/old/a.pack.json'],
    ['a parent folder', '../a.pack.json', 'https://packs.example.com/a.pack.json'],
    ['a root path', '/a.pack.json', 'https://packs.example.com/a.pack.json'],
    [
      'an absolute https URL',
      'https://cdn.example.org/a.pack.json',
      'https://cdn.example.org/a.pack.json',
    ],
    ['an absolute http URL', 'http://cdn.example.org/a.json', 'http://cdn.example.org/a.json'],
    ['a protocol-relative URL', '//cdn.example.org/a.json', 'https://cdn.example.org/a.json'],
    ['a signature file', 'a.pack.json.sig', 'https://packs.example.com/fact-lens/a.pack.json.sig'],
  ])('resolves %s', (_name, relative, expected) => {
    expect(resolveIndexUrl(index, relative)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)', 'resolves to a javascript: URL; only http(s) links are allowed'],
    ['JavaScript:alert(1)', 'resolves to a javascript: URL'],
    ['data:application/json,{}', 'resolves to a data: URL'],
    ['file:///etc/passwd', 'resolves to a file: URL'],
    ['ftp://example.com/a.json', 'resolves to a ftp: URL'],
  ])('refuses %s', (relative, message) => {
    expect(() => resolveIndexUrl(index, relative)).toThrow(message);
  });

  it('refuses a relative link when the index URL itself cannot be resolved against', () => {
    expect(() => resolveIndexUrl('not a url', 'a.pack.json')).toThrow(
      'cannot resolve "a.pack.json" against the index URL not a url',
    );
  });
});
