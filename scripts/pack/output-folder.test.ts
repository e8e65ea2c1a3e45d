import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusalToReplace, replaceFolder } from './output-folder';

const bytes = (text: string) => new TextEncoder().encode(text);
const ownFile = (name: string) => name.endsWith('.json');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fact-lens-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('replaceFolder', () => {
  it('creates the folder, or replaces what it held', async () => {
    const target = path.join(dir, 'deep', 'public');
    await replaceFolder(target, [{ name: 'a.json', bytes: bytes('1') }]);
    await replaceFolder(target, [{ name: 'b.json', bytes: bytes('2') }]);
    expect(await readdir(target)).toEqual(['b.json']);
    expect(await readdir(path.join(dir, 'deep'))).toEqual(['public']);
  });

  it('leaves the previous contents and no staging folder when a write fails', async () => {
    const target = path.join(dir, 'public');
    await replaceFolder(target, [{ name: 'a.json', bytes: bytes('old') }]);
    const failing = replaceFolder(target, [
      { name: 'a.json', bytes: bytes('new') },
      { name: path.join('missing', 'b.json'), bytes: bytes('x') },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['public']);
    expect(await readFile(path.join(target, 'a.json'), 'utf8')).toBe('old');
  });
});

describe('refusalToReplace', () => {
  it('allows a missing folder or one holding only its own files', async () => {
    const input = path.join(dir, 'packs');
    expect(await refusalToReplace(path.join(dir, 'out'), input, ownFile)).toBeUndefined();
    await mkdir(path.join(dir, 'out'));
    await writeFile(path.join(dir, 'out', 'index.json'), '{}');
    expect(await refusalToReplace(path.join(dir, 'out'), input, ownFile)).toBeUndefined();
  });

  it.each([
    ['the input folder itself', 'packs', 'it is or contains the input folder'],
    ['a parent of the input folder', '.', 'it is or contains the input folder'],
    ['a file', 'file.json', 'it exists and is not a folder'],
    ['a folder with other files', 'site', 'it holds CNAME, notes.txt, which publish did not write'],
  ])('refuses %s', async (_name, target, reason) => {
    await mkdir(path.join(dir, 'site'));
    await writeFile(path.join(dir, 'site', 'CNAME'), 'x');
    await writeFile(path.join(dir, 'site', 'notes.txt'), 'x');
    await writeFile(path.join(dir, 'file.json'), '{}');
    const input = path.join(dir, 'packs');
    expect(await refusalToReplace(path.join(dir, target), input, ownFile)).toContain(reason);
  });
});
