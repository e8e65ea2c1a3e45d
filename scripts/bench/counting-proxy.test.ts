import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../serve-static';
import { countingProxy, type CountingProxy } from './counting-proxy';

let dir: string;
let server: StaticServer;
let proxy: CountingProxy;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-proxy-test-'));
  await writeFile(path.join(dir, 'index.json'), '{"format":1}');
  server = await serveStatic(dir);
  proxy = await countingProxy(server.url);
});

afterAll(async () => {
  await proxy.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('countingProxy', () => {
  it('passes answers and validators through and records each request', async () => {
    proxy.requests.length = 0;
    const first = await fetch(`${proxy.url}/index.json`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('{"format":1}');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^".+"$/);

    const second = await fetch(`${proxy.url}/index.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(second.status).toBe(304);
    const missing = await fetch(`${proxy.url}/nothing.json`);
    expect(missing.status).toBe(404);

    expect(proxy.requests).toEqual([
      { method: 'GET', path: '/index.json', status: 200 },
      { method: 'GET', path: '/index.json', status: 304, ifNoneMatch: etag },
      { method: 'GET', path: '/nothing.json', status: 404 },
    ]);
  });

  it('answers 502 when the upstream is gone', async () => {
    const gone = await serveStatic(dir);
    const orphan = await countingProxy(gone.url);
    await gone.close();
    try {
      const answer = await fetch(`${orphan.url}/index.json`);
      expect(answer.status).toBe(502);
      expect(orphan.requests).toEqual([{ method: 'GET', path: '/index.json', status: 502 }]);
    } finally {
      await orphan.close();
    }
  });
});
