import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './serve-static';
import { defaultMounts, resolveRequest, serveStatic } from './serve-static';

const mounts = { '/': '/srv/demo', '/pages/': '/srv/pages' };

describe('resolveRequest', () => {
  it.each([
    ['/', '/srv/demo'],
    ['/index.html', '/srv/demo/index.html'],
    ['/style.css?v=2', '/srv/demo/style.css'],
    ['/pages/qq.html', '/srv/pages/qq.html'],
    ['/pages', '/srv/pages'],
    ['/pagesx.html', '/srv/demo/pagesx.html'],
    ['/a%20b.html', '/srv/demo/a b.html'],
  ])('%s → %s', (url, file) => {
    expect(resolveRequest(mounts, url)).toBe(file);
  });

  it.each([
    '/../etc/passwd',
    '/pages/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/pages/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/pages/..%2fdemo/index.html',
    '/%00.html',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveRequest(mounts, url)).toBeUndefined();
  });
});

describe('defaultMounts', () => {
  it('mounts ../shared/pages only when it exists', () => {
    expect(defaultMounts('/w/main', () => false)).toEqual({ '/': '/w/main/tests/demo' });
    expect(defaultMounts('/w/main', () => true)).toEqual({
      '/': '/w/main/tests/demo',
      '/pages/': '/w/shared/pages',
    });
  });
});

describe('serveStatic', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'serve-static-'));
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site', 'index.html'), '<title>ok</title>');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    server = await serveStatic(path.join(dir, 'site'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A raw GET: fetch() would normalize `..` away before it reached the server. */
  const get = (rawPath: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(`${server.url}/`, { path: rawPath, headers }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('serves index.html with a content type and no caching', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toBe('<title>ok</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt'])('refuses %s', async (rawPath) => {
    const res = await get(rawPath);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('do not serve');
  });

  it('answers a conditional request for an unchanged file with 304 and no body', async () => {
    const first = await get('/');
    expect(first.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(first.headers['last-modified']).toEqual(expect.any(String));
    const again = await get('/', { 'If-None-Match': String(first.headers.etag) });
    expect(again).toMatchObject({ status: 304, body: '' });
    expect((await get('/', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers 404 for a missing file', async () => {
    expect((await get('/missing.html')).status).toBe(404);
  });

  it('binds to 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
