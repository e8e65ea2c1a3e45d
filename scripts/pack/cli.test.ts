import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/distribution/digest';
import { packIndexSchema } from '../../lib/distribution/pack-index';
import { verifySignature } from '../../lib/distribution/signature';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { main } from './cli';
import type { CliIo } from './io';

const SEED = path.resolve(import.meta.dirname, '../../seeds/bytedance-ai-2026.pack.json');
const SEED_VERSION = (JSON.parse(readFileSync(SEED, 'utf8')) as { version: string }).version;

let dir: string;
let out: string[];
let err: string[];

async function run(...argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: dir,
    now: () => new Date('2026-03-01T12:00:00Z'),
  };
  return main(argv, io);
}

const stdout = () => out.join('');
const stderr = () => err.join('');
const inDir = (...parts: string[]) => path.join(dir, ...parts);

/** Written the way authors write them (4-space indent), so any re-serialising would show. */
async function writePack(name: string, pack: object): Promise<Uint8Array> {
  const bytes = new TextEncoder().encode(`${JSON.stringify(pack, null, 4)}\n`);
  await mkdir(path.dirname(inDir(name)), { recursive: true });
  await writeFile(inDir(name), bytes);
  return bytes;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fact-lens-pack-cli-'));
  out = [];
  err = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keygen → sign → publish', () => {
  it('publishes packs whose index digests, sizes and signatures match the served bytes', async () => {
    expect(await run('keygen')).toBe(0);
    const publicKey = (await readFile(inDir('fact-lens-publisher.public.key'), 'utf8')).trim();
    expect(publicKey).toMatch(/^ed25519:/);
    expect(stdout()).toContain(`Public key: ${publicKey}`);
    expect((await stat(inDir('fact-lens-publisher.private.key'))).mode & 0o777).toBe(0o600);

    const original = await writePack('packs/test.pack.json', validPack());
    const seed = await readFile(SEED);
    await writeFile(inDir('packs/bytedance.pack.json'), seed);

    out = [];
    expect(
      await run('sign', 'packs/test.pack.json', '--key', 'fact-lens-publisher.private.key'),
    ).toBe(0);
    const signature = await readFile(inDir('packs/test.pack.json.sig'), 'utf8');
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(await verifySignature(publicKey, original, signature)).toBe(true);
    expect(stdout()).toContain(`Public key: ${publicKey}`);

    out = [];
    const publishArgs = ['publish', 'packs', '--key', 'fact-lens-publisher.private.key'];
    expect(await run(...publishArgs)).toBe(0);
    expect(stderr()).toBe('');
    expect(stdout()).toMatch(/^pack +version +bytes +sha256 +signature +file\n/);
    expect(stdout()).toContain('Published 2 packs and index.json to packs/public.');

    const published = inDir('packs/public');
    expect((await readdir(published)).sort()).toEqual([
      `bytedance-ai-2026-${SEED_VERSION}.pack.json`,
      `bytedance-ai-2026-${SEED_VERSION}.pack.json.sig`,
      'index.json',
      'test-pack-1.0.0.pack.json',
      'test-pack-1.0.0.pack.json.sig',
    ]);
    const index = packIndexSchema.parse(
      JSON.parse(await readFile(path.join(published, 'index.json'), 'utf8')),
    );
    expect(index.generatedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(index.packs.map(({ id }) => id)).toEqual(['bytedance-ai-2026', 'test-pack']);
    for (const entry of index.packs) {
      const bytes = new Uint8Array(await readFile(path.join(published, entry.url)));
      expect(entry.size).toBe(bytes.byteLength);
      expect(entry.sha256).toBe(await sha256Hex(bytes));
      expect(entry.signatureUrl).toBe(`${entry.url}.sig`);
      const sig = await readFile(path.join(published, `${entry.url}.sig`), 'utf8');
      expect(await verifySignature(publicKey, bytes, sig)).toBe(true);
    }
    expect(await readFile(path.join(published, 'test-pack-1.0.0.pack.json'))).toEqual(
      Buffer.from(original),
    );
    expect(
      await readFile(path.join(published, `bytedance-ai-2026-${SEED_VERSION}.pack.json`)),
    ).toEqual(seed);

    // Publishing again replaces the folder whole and leaves no staging folders behind.
    expect(await run(...publishArgs, '--base-url', 'https://packs.example.com/lens')).toBe(0);
    const again = packIndexSchema.parse(
      JSON.parse(await readFile(path.join(published, 'index.json'), 'utf8')),
    );
    expect(again.packs[1]?.url).toBe('https://packs.example.com/lens/test-pack-1.0.0.pack.json');
    expect((await readdir(inDir('packs'))).sort()).toEqual([
      'bytedance.pack.json',
      'public',
      'test.pack.json',
      'test.pack.json.sig',
    ]);
  });

  it('refuses to overwrite an existing key', async () => {
    expect(await run('keygen', '--out', 'keys/acme')).toBe(0);
    const before = await readFile(inDir('keys/acme.private.key'), 'utf8');
    expect(before).toMatch(/^ed25519-private:\S+\n$/);
    expect(await run('keygen', '--out', 'keys/acme')).toBe(2);
    expect(stderr()).toBe(
      'keys/acme.private.key: already exists; keygen never overwrites a key (choose another --out)\n',
    );
    expect(await readFile(inDir('keys/acme.private.key'), 'utf8')).toBe(before);
  });
});

describe('validate', () => {
  it('prints the pack and its counts', async () => {
    await writePack('good.pack.json', validPack());
    expect(await run('validate', 'good.pack.json')).toBe(0);
    expect(stdout()).toBe('OK test-pack 1.0.0: 2 entities, 1 fact\n');
  });

  it('names the languages of a format-2 pack, and refuses a bad tag at its path', async () => {
    const localized = packWith((pack) => {
      pack.format = 2;
      pack.entities[0].name = { en: 'Acme', 'zh-CN': '阿克米' };
      pack.facts[0].claim = { en: 'Acme launched Widget in late 2025.', ja: 'ローンチ。' };
    });
    await writePack('good.pack.json', localized);
    expect(await run('validate', 'good.pack.json')).toBe(0);
    expect(stdout()).toBe('OK test-pack 1.0.0: 2 entities, 1 fact; in en, zh-CN, ja\n');

    localized.entities[1].summary = { en: 'A model.', 'xx-': 'Y' };
    await writePack('bad.pack.json', localized);
    expect(await run('validate', 'bad.pack.json')).toBe(1);
    expect(stderr()).toBe('bad.pack.json: $.entities[1].summary: unknown language tag "xx-"\n');
  });

  it('accepts the bundled pack', async () => {
    expect(await run('validate', SEED)).toBe(0);
    expect(stdout()).toMatch(
      /^OK bytedance-ai-2026 \d+\.\d+\.\d+: \d+ entities \(\d+ context\), \d+ facts; in en, zh-CN\n$/,
    );
  });

  it('lists each issue of a broken pack with its JSON path, exit 1', async () => {
    await writePack(
      'broken.pack.json',
      packWith((pack) => {
        pack.facts[0].sourceId = 'nowhere';
      }),
    );
    expect(await run('validate', 'broken.pack.json')).toBe(1);
    expect(stderr()).toBe('broken.pack.json: $.facts[0].sourceId: unknown source id "nowhere"\n');
    expect(stdout()).toBe('');
  });

  it('exits 2 when the file cannot be read', async () => {
    expect(await run('validate', 'missing.pack.json')).toBe(2);
    expect(stderr()).toBe('missing.pack.json: cannot read it: no such file or folder\n');
  });
});

describe('diff', () => {
  it('names the added entity and the changed fact', async () => {
    await writePack('old.pack.json', validPack());
    await writePack(
      'new.pack.json',
      packWith((pack) => {
        pack.version = '1.1.0';
        pack.entities.push({
          id: 'orbit-lantern',
          name: 'Orbit Lantern',
          kind: 'product',
          summary: 'A lantern made by Acme.',
          aliases: [{ text: 'Orbit Lantern', lang: 'en' }],
          propositionIds: [],
          related: [{ entityId: 'acme', relation: 'made by' }],
        });
        pack.facts[0].status = 'official';
      }),
    );
    expect(await run('diff', 'old.pack.json', 'new.pack.json')).toBe(0);
    expect(stdout()).toBe(
      [
        'test-pack 1.0.0 → 1.1.0',
        'Entities: 1 added (Orbit Lantern), 0 removed, 0 changed',
        'Facts: 0 added, 0 removed, 1 changed (Acme launched Widget in late 2025. — status)',
        '',
      ].join('\n'),
    );
  });

  it('diffs a format-1 pack against its format-2 translation, labelled in the pack language', async () => {
    await writePack('old.pack.json', validPack());
    await writePack(
      'new.pack.json',
      packWith((pack) => {
        pack.format = 2;
        pack.version = '1.1.0';
        pack.entities[0].name = { en: 'Acme', 'zh-CN': '阿克米' };
      }),
    );
    expect(await run('diff', 'old.pack.json', 'new.pack.json')).toBe(0);
    expect(stdout()).toBe(
      [
        'test-pack 1.0.0 → 1.1.0',
        'Pack details changed: format',
        'Entities: 0 added, 0 removed, 1 changed (Acme — name)',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed', async () => {
    await writePack('a.pack.json', validPack());
    expect(await run('diff', 'a.pack.json', 'a.pack.json')).toBe(0);
    expect(stdout()).toBe('test-pack 1.0.0 → 1.0.0\nNo content changes.\n');
  });
});

describe('sign', () => {
  it('refuses an invalid pack and writes no signature', async () => {
    await run('keygen');
    await writePack(
      'bad.pack.json',
      packWith((pack) => (pack.entities[0].name = ' Acme')),
    );
    expect(await run('sign', 'bad.pack.json', '--key', 'fact-lens-publisher.private.key')).toBe(1);
    expect(stderr()).toContain('bad.pack.json: $.entities[0].name:');
    expect(await exists(inDir('bad.pack.json.sig'))).toBe(false);
  });

  it('names the key file when it holds no private key', async () => {
    await run('keygen');
    await writePack('good.pack.json', validPack());
    expect(await run('sign', 'good.pack.json', '--key', 'fact-lens-publisher.public.key')).toBe(2);
    expect(stderr()).toBe(
      'fact-lens-publisher.public.key: a private key must look like "ed25519-private:<base64 of a PKCS #8 Ed25519 key>"; this is a public key\n',
    );
  });
});

describe('publish', () => {
  it('writes nothing when any pack is invalid, and names every problem', async () => {
    await writePack('in/good.pack.json', validPack());
    await writePack(
      'in/bad.pack.json',
      packWith((pack) => (pack.version = 'one')),
    );
    expect(await run('publish', 'in')).toBe(1);
    expect(stderr()).toBe(
      [
        `${path.join('in', 'bad.pack.json')}: $.version: must be a semantic version such as 1.2.0`,
        'Nothing was written.',
        '',
      ].join('\n'),
    );
    expect(await exists(inDir('in/public'))).toBe(false);
  });

  it('refuses two files holding the same pack', async () => {
    await writePack('in/a.pack.json', validPack());
    await writePack(
      'in/b.pack.json',
      packWith((pack) => (pack.version = '1.1.0')),
    );
    expect(await run('publish', 'in', '--out', 'site')).toBe(1);
    expect(stderr()).toContain('pack id "test-pack" is also in');
    expect(await exists(inDir('site'))).toBe(false);
  });

  it('copies a .sig found beside a pack when no key is given', async () => {
    await writePack('in/a.pack.json', validPack());
    await writeFile(inDir('in/a.pack.json.sig'), 'c2lnbmF0dXJl\n');
    expect(await run('publish', 'in', '--out', 'site')).toBe(0);
    expect(await readFile(inDir('site/test-pack-1.0.0.pack.json.sig'), 'utf8')).toBe(
      'c2lnbmF0dXJl\n',
    );
    expect(stdout()).toContain('copied .sig');
  });

  it('will not replace a folder holding files it did not write, nor the input folder', async () => {
    await writePack('in/a.pack.json', validPack());
    await mkdir(inDir('site'));
    await writeFile(inDir('site/CNAME'), 'packs.example.com\n');
    expect(await run('publish', 'in', '--out', 'site')).toBe(2);
    expect(stderr()).toContain(
      'site: will not replace it: it holds CNAME, which publish did not write',
    );
    expect(await readdir(inDir('site'))).toEqual(['CNAME']);

    err = [];
    expect(await run('publish', 'in', '--out', '.')).toBe(2);
    expect(stderr()).toContain('it is or contains the input folder');
  });

  it.each([
    [['publish'], 'Usage: npm run pack -- publish <dir>'],
    [
      ['publish', 'in', '--base-url', 'ftp://example.com/'],
      '--base-url: base URL "ftp://example.com/" must be http:// or https://',
    ],
    [['publish', 'empty'], 'empty: no *.pack.json files in it'],
    [['publish', 'nowhere'], 'nowhere: cannot read the folder: no such file or folder'],
  ])('usage error: %j', async (argv, message) => {
    await mkdir(inDir('empty'));
    await writePack('in/a.pack.json', validPack());
    expect(await run(...argv)).toBe(2);
    expect(stderr()).toContain(message);
  });
});

describe('usage', () => {
  it.each([
    [[], 'Usage:'],
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['validate'], 'Usage: npm run pack -- validate <file>'],
    [['validate', 'a', 'b'], 'Usage: npm run pack -- validate <file>'],
    [['keygen', '--bogus'], "Unknown option '--bogus'"],
    [['sign', 'a.pack.json'], 'sign needs --key <private key file>'],
    [['diff', 'a.pack.json'], 'Usage: npm run pack -- diff'],
  ])('%j exits 2', async (argv, message) => {
    expect(await run(...argv)).toBe(2);
    expect(stderr()).toContain(message);
  });

  it('prints help on stdout with exit 0', async () => {
    expect(await run('--help')).toBe(0);
    expect(stdout()).toContain('npm run pack -- publish <dir>');
  });
});
