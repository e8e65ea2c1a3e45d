import { describe, expect, it, vi } from 'vitest';
import { decodeText, download } from './download';
import { SyncError } from './errors';
import { ManualTimers } from '../../tests/support/publisher';

function environment(fetch: typeof globalThis.fetch) {
  return { fetch, timers: new ManualTimers(), timeoutMs: 5000 };
}

const request = { url: 'https://packs.example/a.json', maxBytes: 16, what: 'the index' };

describe('download', () => {
  it('sends the validators and reports 304 as not modified', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 304 }));
    const result = await download(environment(fetch), {
      ...request,
      etag: '"abc"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(result).toEqual({ kind: 'not-modified' });
    expect(fetch).toHaveBeenCalledWith(
      request.url,
      expect.objectContaining({
        credentials: 'omit',
        headers: { 'If-None-Match': '"abc"', 'If-Modified-Since': 'Tue, 01 Dec 2026 10:00:00 GMT' },
      }),
    );
  });

  it('answers the body with its validators, and clears its timer', async () => {
    const env = environment(
      async () => new Response('{"a":1}', { headers: { ETag: '"x"', 'Last-Modified': 'then' } }),
    );
    const result = await download(env, request);
    expect(result).toMatchObject({ kind: 'body', etag: '"x"', lastModified: 'then' });
    expect(env.timers.pending).toBe(0);
  });

  it('refuses a declared length over the cap without reading the body', async () => {
    const body = new ReadableStream({ pull: vi.fn() });
    const env = environment(
      async () => new Response(body, { headers: { 'Content-Length': '1000000' } }),
    );
    await expect(download(env, request)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('cuts off an endless body at the cap', async () => {
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        controller.enqueue(new Uint8Array(8));
      },
    });
    await expect(
      download(
        environment(async () => new Response(endless)),
        request,
      ),
    ).rejects.toMatchObject({ code: 'too-large' });
    expect(chunks).toBeLessThan(10);
  });
});

describe('decodeText', () => {
  it('refuses bytes that are not UTF-8', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00]), 'the pack')).toThrow(SyncError);
    expect(decodeText(new TextEncoder().encode('豆包'), 'the pack')).toBe('豆包');
  });
});

/** A response as `fetch` answers after following redirects to `url`. */
function redirectedTo(url: string, body = '{"a":1}'): Response {
  const response = new Response(body);
  Object.defineProperty(response, 'url', { value: url });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

/** A fetch that answers a redirect to `manual` requests and `followed` to `follow` ones. */
function redirecting(followed: () => Promise<Response>) {
  return vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (init?.redirect === 'manual') {
      // What an extension's fetch answers: no status, no Location.
      const opaque = new Response(null, { status: 200 });
      Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
      return opaque;
    }
    return followed();
  });
}

describe('download transport', () => {
  it.each([
    ['http://packs.example/index.json', 'plain http'],
    ['http://192.168.1.2/index.json', 'plain http'],
    ['ftp://packs.example/index.json', 'only https'],
  ])('refuses %s before sending anything', async (url, reason) => {
    const fetch = vi.fn(async () => new Response('{}'));
    await expect(download(environment(fetch), { ...request, url })).rejects.toMatchObject({
      code: 'insecure',
      message: expect.stringContaining(reason),
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each(['http://localhost:8080/index.json', 'http://127.0.0.1:4000/p/index.json'])(
    'accepts local http for publishers testing: %s',
    async (url) => {
      const result = await download(
        environment(async () => new Response('{}')),
        { ...request, url },
      );
      expect(result.kind).toBe('body');
    },
  );

  it('asks first without following redirects, and follows one to a granted https origin', async () => {
    const fetch = redirecting(async () => redirectedTo('https://cdn.packs.example/a.json'));
    const mayFetch = vi.fn(async () => true);
    const result = await download({ ...environment(fetch), mayFetch }, request);
    expect(result.kind).toBe('body');
    expect(fetch.mock.calls.map(([, init]) => init?.redirect)).toEqual(['manual', 'follow']);
    expect(mayFetch).toHaveBeenCalledWith('https://cdn.packs.example/a.json');
  });

  it('refuses a redirect to an origin the reader did not grant', async () => {
    const followed = redirectedTo('https://elsewhere.example/a.json');
    const fetch = redirecting(async () => followed);
    const mayFetch = async (url: string) => url.startsWith('https://packs.example/');
    await expect(download({ ...environment(fetch), mayFetch }, request)).rejects.toMatchObject({
      code: 'insecure',
      message: expect.stringContaining(
        'redirects to https://elsewhere.example, which you did not grant Fact Lens access to',
      ),
    });
  });

  it.each(['http://packs.example/a.json', 'http://localhost:8080/a.json'])(
    'refuses a redirect from https to %s',
    async (target) => {
      const fetch = redirecting(async () => redirectedTo(target));
      await expect(
        download({ ...environment(fetch), mayFetch: async () => true }, request),
      ).rejects.toMatchObject({
        code: 'insecure',
        message: expect.stringContaining('which is not https'),
      });
    },
  );

  it('follows a redirect from local http to local http', async () => {
    const fetch = redirecting(async () => redirectedTo('http://127.0.0.1:4001/a.json'));
    const result = await download(
      { ...environment(fetch), mayFetch: async () => true },
      { ...request, url: 'http://localhost:4000/a.json' },
    );
    expect(result.kind).toBe('body');
  });

  it('reports a redirect the browser refused to follow (no host permission) as refused', async () => {
    const fetch = redirecting(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(download(environment(fetch), request)).rejects.toMatchObject({
      code: 'insecure',
      message: expect.stringContaining('redirects to an address Fact Lens may not read'),
    });
  });

  it('treats a 3xx answer to a manual request as a redirect too (as Node answers)', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
      init?.redirect === 'manual'
        ? new Response(null, { status: 302, headers: { Location: 'http://evil.example/' } })
        : redirectedTo('http://evil.example/'),
    );
    await expect(download(environment(fetch), request)).rejects.toMatchObject({
      code: 'insecure',
    });
  });
});

describe('download of a body that may be an index', () => {
  /** A body of `head` then spaces, in 64 KiB chunks, counting how many were pulled. */
  function padded(head: string, total: number) {
    const bytes = new TextEncoder().encode(head.padEnd(total, ' '));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const start = pulled * 65_536;
        if (start >= bytes.byteLength) return controller.close();
        pulled++;
        controller.enqueue(bytes.slice(start, start + 65_536));
      },
    });
    return { response: new Response(body), pulled: () => pulled };
  }
  const big = { ...request, maxBytes: 64 * 1024 * 1024, indexBytes: 1024 * 1024 };

  it('cuts an index off at the index limit while it downloads', async () => {
    const served = padded(`{"format": "fact-lens-index/1", "packs": [`, 8 * 1024 * 1024);
    await expect(
      download(
        environment(async () => served.response),
        big,
      ),
    ).rejects.toMatchObject({
      code: 'too-large',
      message: 'the index is larger than the 1048576 bytes allowed',
    });
    // 1 MiB is 16 chunks; the whole body would be 128.
    expect(served.pulled()).toBeLessThanOrEqual(20);
  });

  it('lets a pack run on past the index limit', async () => {
    const served = padded(`{"format": 1, "id": "big"`, 3 * 1024 * 1024);
    const result = await download(
      environment(async () => served.response),
      big,
    );
    expect(result.kind === 'body' && result.bytes.byteLength).toBe(3 * 1024 * 1024);
  });
});
