import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyBuildGranting } from './granted-build';

const made: string[] = [];

async function fakeBuild(manifest: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-build-test-'));
  made.push(dir);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await mkdir(path.join(dir, 'chunks'));
  await writeFile(path.join(dir, 'chunks/popup.js'), 'console.log(1);');
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('copyBuildGranting', () => {
  it('copies every file and adds the hosts to the manifest, leaving the build alone', async () => {
    const manifest = { name: 'Fact Lens', optional_host_permissions: ['https://*/*'] };
    const build = await fakeBuild(manifest);
    const copy = await copyBuildGranting(build, ['http://127.0.0.1/*']);
    made.push(copy.dir);

    expect(copy.dir).not.toBe(build);
    expect(await readFile(path.join(copy.dir, 'chunks/popup.js'), 'utf8')).toBe('console.log(1);');
    expect(JSON.parse(await readFile(path.join(copy.dir, 'manifest.json'), 'utf8'))).toEqual({
      ...manifest,
      host_permissions: ['http://127.0.0.1/*'],
    });
    expect(JSON.parse(await readFile(path.join(build, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('replaces host permissions the build already lists', async () => {
    const build = await fakeBuild({ host_permissions: ['https://example.org/*'] });
    const copy = await copyBuildGranting(build, ['http://127.0.0.1/*', 'http://localhost/*']);
    made.push(copy.dir);
    const manifest = JSON.parse(await readFile(path.join(copy.dir, 'manifest.json'), 'utf8')) as {
      host_permissions: string[];
    };
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('removes the copy on request', async () => {
    const copy = await copyBuildGranting(await fakeBuild({}), []);
    await copy.remove();
    expect(existsSync(copy.dir)).toBe(false);
  });
});
