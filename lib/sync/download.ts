import type { Timers } from '../async/timers';
import { SyncError } from './errors';

/** What sync needs of the browser to download: fetch and a timer, both injected. */
export interface DownloadEnvironment {
  fetch: typeof fetch;
  timers: Timers;
  timeoutMs: number;
}

export interface DownloadRequest {
  url: string;
  maxBytes: number;
  /** Validators from the last good response: a 304 answer means "unchanged". */
  etag?: string;
  lastModified?: string;
  /** Names the thing downloaded in error messages, e.g. "the index". */
  what: string;
}

export type Download =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; etag?: string; lastModified?: string };

/**
 * One GET with a deadline and a size cap enforced while the body streams in: an oversized
 * or endless response is cut off at the cap, never buffered whole. Cookies are never sent.
 */
export async function download(
  env: DownloadEnvironment,
  request: DownloadRequest,
): Promise<Download> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = env.timers.set(() => {
    timedOut = true;
    controller.abort();
  }, env.timeoutMs);
  const failed = (error: unknown): SyncError => {
    if (error instanceof SyncError) return error;
    if (timedOut) {
      return new SyncError(
        'timeout',
        `${request.what} did not arrive within ${env.timeoutMs / 1000} s`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new SyncError(
      'network',
      `could not download ${request.what} from ${request.url} (${reason})`,
    );
  };
  try {
    const headers: Record<string, string> = {};
    if (request.etag) headers['If-None-Match'] = request.etag;
    if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;
    const response = await env.fetch(request.url, {
      headers,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'follow',
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      throw new SyncError(
        'http',
        `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${request.what}`,
      );
    }
    const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
    if (declared > request.maxBytes) throw tooLarge(request, declared);
    const bytes = await readCapped(response, request);
    return {
      kind: 'body',
      bytes,
      etag: response.headers.get('ETag') ?? undefined,
      lastModified: response.headers.get('Last-Modified') ?? undefined,
    };
  } catch (error) {
    throw failed(error);
  } finally {
    env.timers.clear(timer);
  }
}

function tooLarge(request: DownloadRequest, size: number | null): SyncError {
  const seen = size === null ? 'more than that' : `${size} bytes`;
  return new SyncError(
    'too-large',
    `${request.what} is larger than the ${request.maxBytes} bytes allowed (${seen})`,
  );
}

async function readCapped(response: Response, request: DownloadRequest): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > request.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(request, null);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Strict UTF-8: a truncated or binary body is refused instead of decoded into U+FFFD. */
export function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SyncError('not-text', `${what} is not UTF-8 text`);
  }
}
