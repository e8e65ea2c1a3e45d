import { beforeAll, describe, expect, it } from 'vitest';
import { packWith } from '../../tests/support/pack-fixtures';
import { sha256Hex } from './digest';
import { packIndexSchema } from './pack-index';
import {
  buildPublication,
  isPublishedFileName,
  normalizeBaseUrl,
  type PackFileInput,
  type Publication,
  type PublishOptions,
} from './publish';
import { generateKeyPair, verifySignature } from './signature';

const utf8 = (text: string) => new TextEncoder().encode(text);
const generatedAt = new Date('2026-03-01T12:00:00Z');

/** Pack files as authors write them: pretty-printed, so re-serialising would change bytes. */
function packFile(fileName: string, id: string, version = '1.0.0'): PackFileInput {
  const pack = packWith((draft) => {
    draft.id = id;
    draft.version = version;
    draft.title = `Pack ${id}`;
  });
  return { fileName, bytes: utf8(`${JSON.stringify(pack, null, 4)}\n`) };
}

async function published(
  inputs: PackFileInput[],
  options: Partial<PublishOptions> = {},
): Promise<Publication> {
  const result = await buildPublication(inputs, { generatedAt, ...options });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.publication;
}

async function problems(inputs: PackFileInput[], options: Partial<PublishOptions> = {}) {
  const result = await buildPublication(inputs, { generatedAt, ...options });
  return result.ok ? [] : result.problems;
}

function fileNamed(publication: Publication, name: string): Uint8Array {
  const file = publication.files.find((candidate) => candidate.name === name);
  if (file === undefined) throw new Error(`no output file ${name}`);
  return file.bytes;
}

let keys: { publicKey: string; privateKey: string };
beforeAll(async () => {
  keys = await generateKeyPair();
});

describe('buildPublication', () => {
  const zeta = packFile('zeta.pack.json', 'zeta', '2.1.0-beta.1');
  const alpha = packFile('alpha.pack.json', 'alpha');

  it('writes each pack byte for byte under its published name, and an index sorted by id', async () => {
    const publication = await published([zeta, alpha]);
    expect(publication.files.map(({ name }) => name)).toEqual([
      'alpha-1.0.0.pack.json',
      'zeta-2.1.0-beta.1.pack.json',
      'index.json',
    ]);
    expect(fileNamed(publication, 'alpha-1.0.0.pack.json')).toEqual(alpha.bytes);
    expect(fileNamed(publication, 'zeta-2.1.0-beta.1.pack.json')).toEqual(zeta.bytes);

    const indexText = new TextDecoder().decode(fileNamed(publication, 'index.json'));
    const index = packIndexSchema.parse(JSON.parse(indexText));
    expect(index).toEqual(publication.index);
    expect(index).toEqual({
      format: 'fact-lens-index/1',
      generatedAt: '2026-03-01T12:00:00.000Z',
      packs: [
        {
          id: 'alpha',
          version: '1.0.0',
          title: 'Pack alpha',
          url: 'alpha-1.0.0.pack.json',
          sha256: await sha256Hex(alpha.bytes),
          size: alpha.bytes.byteLength,
        },
        {
          id: 'zeta',
          version: '2.1.0-beta.1',
          title: 'Pack zeta',
          url: 'zeta-2.1.0-beta.1.pack.json',
          sha256: await sha256Hex(zeta.bytes),
          size: zeta.bytes.byteLength,
        },
      ],
    });
    expect(indexText.endsWith('}\n')).toBe(true);
    expect(publication.packs.map(({ sourceFile, signature }) => [sourceFile, signature])).toEqual([
      ['alpha.pack.json', 'none'],
      ['zeta.pack.json', 'none'],
    ]);
  });

  it.each([
    [
      'https://packs.example.com/fact-lens',
      'https://packs.example.com/fact-lens/alpha-1.0.0.pack.json',
    ],
    [
      'https://packs.example.com/fact-lens/',
      'https://packs.example.com/fact-lens/alpha-1.0.0.pack.json',
    ],
    ['http://localhost:8080', 'http://localhost:8080/alpha-1.0.0.pack.json'],
  ])('makes URLs absolute under base URL %s', async (baseUrl, url) => {
    const publication = await published([alpha], { baseUrl, privateKey: keys.privateKey });
    expect(publication.index.packs[0]?.url).toBe(url);
    expect(publication.index.packs[0]?.signatureUrl).toBe(`${url}.sig`);
  });

  it('signs the exact bytes of each pack when given a key', async () => {
    const publication = await published([zeta, alpha], { privateKey: keys.privateKey });
    expect(publication.files.map(({ name }) => name)).toEqual([
      'alpha-1.0.0.pack.json',
      'alpha-1.0.0.pack.json.sig',
      'zeta-2.1.0-beta.1.pack.json',
      'zeta-2.1.0-beta.1.pack.json.sig',
      'index.json',
    ]);
    for (const entry of publication.index.packs) {
      expect(entry.signatureUrl).toBe(`${entry.url}.sig`);
      const signature = new TextDecoder().decode(fileNamed(publication, `${entry.url}.sig`));
      expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
      const bytes = fileNamed(publication, entry.url);
      expect(await verifySignature(keys.publicKey, bytes, signature)).toBe(true);
    }
    expect(publication.packs.every(({ signature }) => signature === 'signed')).toBe(true);
  });

  it('copies a signature found beside a pack when no key is given, and replaces it when one is', async () => {
    const existingSignature = utf8('whatever the publisher signed\n');
    const copied = await published([{ ...alpha, existingSignature }]);
    expect(fileNamed(copied, 'alpha-1.0.0.pack.json.sig')).toEqual(existingSignature);
    expect(copied.index.packs[0]?.signatureUrl).toBe('alpha-1.0.0.pack.json.sig');
    expect(copied.packs[0]?.signature).toBe('copied');

    const resigned = await published([{ ...alpha, existingSignature }], {
      privateKey: keys.privateKey,
    });
    expect(fileNamed(resigned, 'alpha-1.0.0.pack.json.sig')).not.toEqual(existingSignature);
    expect(resigned.packs[0]?.signature).toBe('signed');
  });

  it('reports every invalid file, each line naming the file and the JSON path', async () => {
    const broken = packWith((pack) => {
      pack.facts[0].sourceId = 'nowhere';
    });
    expect(
      await problems([
        alpha,
        { fileName: 'broken.pack.json', bytes: utf8(JSON.stringify(broken)) },
        { fileName: 'empty.pack.json', bytes: new Uint8Array() },
      ]),
    ).toEqual([
      'broken.pack.json: $.facts[0].sourceId: unknown source id "nowhere"',
      expect.stringMatching(/^empty\.pack\.json: \$: not valid JSON/),
    ]);
  });

  it('refuses two files holding the same pack', async () => {
    const newer = packFile('alpha-new.pack.json', 'alpha', '1.1.0');
    expect(await problems([alpha, newer])).toEqual([
      'alpha-new.pack.json: pack id "alpha" is also in alpha.pack.json; an index lists one version of each pack',
    ]);
  });

  it('refuses more packs than an index may list', async () => {
    const many = Array.from({ length: 101 }, (_, index) =>
      packFile(`p${index}.pack.json`, `p${index}`),
    );
    expect(await problems(many)).toEqual(['an index lists at most 100 packs; there are 101 files']);
  });

  it('refuses a base URL so long that entry URLs would not fit the index', async () => {
    const baseUrl = `https://example.com/${'a'.repeat(2040)}/`;
    expect(await problems([alpha], { baseUrl })).toEqual([
      'index.json: $.packs[0].url: Too big: expected string to have <=2048 characters',
    ]);
  });

  it('publishes an empty index for no packs', async () => {
    const publication = await published([]);
    expect(publication.index.packs).toEqual([]);
    expect(publication.files.map(({ name }) => name)).toEqual(['index.json']);
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/packs', 'https://example.com/packs/'],
    ['https://example.com/packs/', 'https://example.com/packs/'],
    ['HTTP://Example.com/a?x=1#top', 'http://example.com/a/'],
  ])('%s → %s', (text, url) => {
    expect(normalizeBaseUrl(text)).toBe(url);
  });

  it.each([
    ['packs/', 'base URL "packs/" is not an absolute URL'],
    ['file:///srv/packs/', 'base URL "file:///srv/packs/" must be http:// or https://'],
    ['javascript:alert(1)', 'must be http:// or https://'],
  ])('refuses %s', (text, message) => {
    expect(() => normalizeBaseUrl(text)).toThrow(message);
  });
});

describe('isPublishedFileName', () => {
  it.each([
    ['index.json', true],
    ['a-1.0.0.pack.json', true],
    ['a-1.0.0.pack.json.sig', true],
    ['notes.txt', false],
    ['index.json.bak', false],
    ['CNAME', false],
  ])('%s → %s', (name, expected) => {
    expect(isPublishedFileName(name)).toBe(expected);
  });
});
