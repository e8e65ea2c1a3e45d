import type { Timers } from '../async/timers';
import { INDEX_FORMAT } from '../distribution/pack-index';
import { SyncError } from './errors';
import { redirectProblem, transportProblem } from './transport';

/** What sync needs of the browser to download: fetch and a timer, both injected. */
export interface DownloadEnvironment {
  fetch: typeof fetch;
  timers: Timers;
  timeoutMs: number;
  /** Whether the extension may fetch from this URL's origin (optional host permission). */
  mayFetch?: (url: string) => Promise<boolean>;
}

export interface DownloadRequest {
  url: string;
  maxBytes: number;
  /** Validators from the last good response: a 304 answer means "unchanged". */
  etag?: string;
  lastModified?: string;
  /** Names the thing downloaded in error messages, e.g. "the index". */
  what: string;
  /**
   * For a body that may be a pack or an index (a subscription URL): once it passes this many
   * bytes, its beginning is looked at, and a body that shows the index format is cut off
   * there (an index's own limit) instead of running on to `maxBytes`.
   */
  indexBytes?: number;
}

export type Download =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; etag?: string; lastModified?: string };

/**
 * One GET with a deadline and a size cap enforced while the body streams in: an oversized
 * or endless response is cut off at the cap, never buffered whole. Cookies are never sent.
 *
 * Transport (`transport.ts`): plain http is refused before anything is sent, except for
 * localhost. Redirects: the request is first made with `redirect: 'manual'`, so a redirect
 * is seen (an extension gets an `opaqueredirect` response, without its Location). Only then
 * is it repeated with `redirect: 'follow'`, and the final `response.url` must be https (or
 * local http from local http) on an origin the reader granted (`mayFetch`); otherwise the
 * body is cancelled unread and the download fails with the reason. A redirect to an origin
 * that was not granted usually fails in the browser already (CORS): that too is reported as
 * a refused redirect.
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
    const refused = transportProblem(request.url);
    if (refused) throw new SyncError('insecure', `${request.what}: ${refused}`);
    const init: RequestInit = {
      headers,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-cache',
    };
    let response = await env.fetch(request.url, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect' || isRedirect(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      response = await followRedirect(env, request, init);
    }
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

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;

/** The redirected request, answered only when it ended where the rules allow. */
async function followRedirect(
  env: DownloadEnvironment,
  request: DownloadRequest,
  init: RequestInit,
): Promise<Response> {
  const refusedRedirect = (reason: string) =>
    new SyncError(
      'insecure',
      `${request.what} at ${request.url} redirects ${reason}; redirects are followed only to https addresses on origins you granted`,
    );
  let response: Response;
  try {
    response = await env.fetch(request.url, { ...init, redirect: 'follow' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    // Chromium refuses a redirect to an origin without host permission as a CORS failure.
    throw refusedRedirect('to an address Fact Lens may not read');
  }
  const final = response.url || request.url;
  const problem = redirectProblem(request.url, final);
  const granted = problem === null && (!env.mayFetch || (await env.mayFetch(final)));
  if (problem !== null || !granted) {
    await response.body?.cancel().catch(() => undefined);
    throw refusedRedirect(
      problem !== null
        ? `to ${new URL(final).origin}, which is not https`
        : `to ${new URL(final).origin}, which you did not grant Fact Lens access to`,
    );
  }
  return response;
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
  let sniffed = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > request.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(request, null);
    }
    chunks.push(value);
    if (request.indexBytes !== undefined && !sniffed && total > request.indexBytes) {
      sniffed = true;
      if (claimsIndex(chunks)) {
        await reader.cancel().catch(() => undefined);
        throw new SyncError(
          'too-large',
          `the index is larger than the ${request.indexBytes} bytes allowed`,
        );
      }
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether the bytes so far declare the index format. A pack is a strict object with
 * `"format": 1`, and inside a JSON string quotes are escaped, so a body holding this is an
 * index (or no valid document at all). An index that names its format only after its first
 * `indexBytes` is refused once downloaded, by the caller.
 */
function claimsIndex(chunks: readonly Uint8Array[]): boolean {
  const decoder = new TextDecoder();
  const prefix = chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('');
  return INDEX_CLAIM.test(prefix);
}

const INDEX_CLAIM = new RegExp(`"format"\\s*:\\s*"${INDEX_FORMAT.replace('/', '\\\\?/')}"`);

/** Strict UTF-8: a truncated or binary body is refused instead of decoded into U+FFFD. */
export function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SyncError('not-text', `${what} is not UTF-8 text`);
  }
}
