import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';

const run = promisify(execFile);

/**
 * A pack publisher for e2e tests, using the real tools: packs are written to a source folder,
 * published with `npm run pack -- publish` (signed with a key made by `npm run pack -- keygen`)
 * and served by a local HTTP server started here, on its own port (so its own origin).
 */
export class PackPublisher {
  private constructor(
    readonly dir: string,
    private readonly server: StaticServer,
    readonly publicKey: string,
  ) {}

  static async start(projectRoot: string): Promise<PackPublisher> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-publisher-'));
    await mkdir(path.join(dir, 'src'));
    await mkdir(path.join(dir, 'public'));
    await npmPack(projectRoot, ['keygen', '--out', path.join(dir, 'keys', 'publisher')]);
    const publicKey = (
      await readFile(path.join(dir, 'keys', 'publisher.public.key'), 'utf8')
    ).trim();
    const server = await serveStatic(path.join(dir, 'public'));
    return new PackPublisher(dir, server, publicKey);
  }

  get indexUrl(): string {
    return `${this.server.url}/index.json`;
  }

  get origin(): string {
    return this.server.url;
  }

  /** Publishes exactly these packs (replacing what was published), signed. */
  async publish(projectRoot: string, packs: { id: string; version: string }[]): Promise<void> {
    const src = path.join(this.dir, 'src');
    await rm(src, { recursive: true, force: true });
    await mkdir(src);
    for (const pack of packs) {
      await writeFile(path.join(src, `${pack.id}.pack.json`), JSON.stringify(pack, null, 2));
    }
    await npmPack(projectRoot, [
      'publish',
      src,
      '--out',
      path.join(this.dir, 'public'),
      '--key',
      path.join(this.dir, 'keys', 'publisher.private.key'),
    ]);
  }

  /** The published file's path, for tampering with it. */
  file(name: string): string {
    return path.join(this.dir, 'public', name);
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function npmPack(projectRoot: string, args: string[]): Promise<void> {
  await run('npm', ['run', '--silent', 'pack', '--', ...args], { cwd: projectRoot });
}
