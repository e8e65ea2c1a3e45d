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
