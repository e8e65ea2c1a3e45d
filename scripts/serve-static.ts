/**
 * A tiny static file server for the demo page and the saved real-world pages.
 *
 * Content scripts only run on http(s) pages (not file://, unless the user flips a switch per
 * extension), so the demo page and `../shared/pages` have to be served. No dependency: node:http
 * is enough for a few files on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** URL prefix (starting and ending with `/`) → directory served under it. */
export type Mounts = Readonly<Record<string, string>>;

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close: () => Promise<void>;
}

/** The project's default mounts: the demo page at `/`, the saved real pages at `/pages/`. */
export function defaultMounts(projectRoot: string, exists = existsSync): Mounts {
  const mounts: Record<string, string> = { '/': path.join(projectRoot, 'tests/demo') };
  // Shared snapshots are read in place, never copied into the repository (their licence asks so).
  const pages = path.resolve(projectRoot, '../shared/pages');
  if (exists(pages)) mounts['/pages/'] = pages;
  return mounts;
}

/**
 * Maps a request path to a file path inside one of the mounts, or `undefined` when it would
 * leave the mounted directory (`..`, encoded slashes, absolute paths) or matches no mount.
 * The longest matching prefix wins, so `/pages/` beats `/`.
 */
export function resolveRequest(mounts: Mounts, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0] ?? '');
  } catch {
    return undefined; // Malformed percent-encoding.
  }
  if (decoded.includes('\0')) return undefined;
  const prefix = Object.keys(mounts)
    .filter((p) => decoded.startsWith(p) || decoded + '/' === p)
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const root = path.resolve(mounts[prefix] ?? '');
  const rest = decoded.slice(prefix.length);
  const file = path.resolve(root, '.' + path.sep + rest);
  // resolve() collapses `..`; anything not under root tried to climb out.
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return file;
}

interface Servable {
  body: Buffer;
  type: string;
  /** Validators, so pack sync can make conditional requests against this server. */
  etag: string;
  lastModified: string;
}

/** Reads a file, or a directory's index.html, with its content type and validators. */
async function readServable(file: string): Promise<Servable> {
  const target = (await stat(file)).isDirectory() ? path.join(file, 'index.html') : file;
  const type = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
  const info = await stat(target);
  return {
    body: await readFile(target),
    type,
    etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    lastModified: info.mtime.toUTCString(),
  };
}

/** Serves `mounts` (or one directory at `/`) until `close()` is called. */
export async function serveStatic(
  mounts: Mounts | string,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<StaticServer> {
  const table = typeof mounts === 'string' ? { '/': mounts } : mounts;
  const server = createServer((req, res) => {
    const send = (
      status: number,
      body: string | Buffer,
      type = 'text/plain; charset=utf-8',
      extra: Record<string, string> = {},
    ) => {
      // Tests edit pages between runs; a cached copy would hide the change.
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' || status === 304 ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    const file = resolveRequest(table, req.url ?? '/');
    if (file === undefined) return send(403, 'Forbidden');
    readServable(file).then(
      ({ body, type, etag, lastModified }) => {
        const validators = { ETag: etag, 'Last-Modified': lastModified };
        if (req.headers['if-none-match'] === etag) return send(304, '', type, validators);
        send(200, body, type, validators);
      },
      () => send(404, 'Not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
