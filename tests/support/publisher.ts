import type { Timers } from '../../lib/async/timers';
import { sha256Hex } from '../../lib/distribution/digest';
import { INDEX_FORMAT, type PackIndex } from '../../lib/distribution/pack-index';
import { generateKeyPair, signatureFileText, signBytes } from '../../lib/distribution/signature';
import { freshDatabases } from './databases';
import type { SyncEnvironment } from '../../lib/sync/sync';

/**
 * A fake publisher for sync tests: an in-memory static server (ETag and If-None-Match like
 * a real one), a manual clock and manual timers. Only tests import this file.
 */

export const BASE = 'https://packs.example/fact-lens/';
export const INDEX_URL = `${BASE}index.json`;

interface Served {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  status?: number;
  /** Content-Length to claim instead of the real one. */
  claimedLength?: number;
}

type Fault = (url: string, init: RequestInit | undefined) => Promise<Response> | null;

export class TestPublisher {
  readonly files = new Map<string, Served>();
  readonly requests: { url: string; headers: Record<string, string> }[] = [];
  #faults: Fault[] = [];
  #etagCounter = 0;

  serve(path: string, body: string | Uint8Array<ArrayBuffer>, extra: Partial<Served> = {}): void {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    this.files.set(BASE + path, { bytes, etag: `"v${++this.#etagCounter}"`, ...extra });
  }

  /**
   * Publishes packs (as the exact texts given) with an index; signs them when `key` is set.
   * `dir` (e.g. `other/`) publishes a second feed beside the first, at `${BASE}${dir}index.json`.
   */
  async publish(
    packs: { text: string }[],
    key?: string,
    { generatedAt = '2026-12-01T00:00:00Z', dir = '' }: { generatedAt?: string; dir?: string } = {},
  ): Promise<PackIndex> {
    const index: PackIndex = { format: INDEX_FORMAT, generatedAt, packs: [] };
    for (const { text } of packs) {
      const { id, version, title } = JSON.parse(text) as {
        id: string;
        version: string;
        title: string;
      };
      const file = `${id}-${version}.pack.json`;
      const bytes = new TextEncoder().encode(text);
      this.serve(dir + file, bytes);
      if (key) this.serve(`${dir}${file}.sig`, signatureFileText(await signBytes(key, bytes)));
      index.packs.push({
        id,
        version,
        title,
        url: file,
        sha256: await sha256Hex(bytes),
        size: bytes.byteLength,
      });
    }
    this.serve(`${dir}index.json`, JSON.stringify(index));
    return index;
  }

  /** The next request matching `when` gets `respond`'s answer instead of the file. */
  fail(
    when: (url: string) => boolean,
    respond: (init: RequestInit | undefined) => Promise<Response>,
  ): void {
    const fault: Fault = (url, init) => {
      if (!when(url)) return null;
      this.#faults = this.#faults.filter((each) => each !== fault);
      return respond(init);
    };
    this.#faults.push(fault);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    this.requests.push({ url, headers });
    for (const fault of this.#faults) {
      const response = fault(url, init);
      if (response) return response;
    }
    const file = this.files.get(url);
    if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (headers['if-none-match'] === file.etag) return new Response(null, { status: 304 });
    return new Response(file.bytes, {
      status: file.status ?? 200,
      headers: {
        ETag: file.etag,
        'Content-Length': String(file.claimedLength ?? file.bytes.byteLength),
      },
    });
  };
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  #pending = new Map<number, () => void>();
  #next = 0;
  set = (run: () => void): unknown => {
    this.#pending.set(++this.#next, run);
    return this.#next;
  };
  clear = (handle: unknown): void => {
    this.#pending.delete(handle as number);
  };
  fireAll(): void {
    const runs = [...this.#pending.values()];
    this.#pending.clear();
    for (const run of runs) run();
  }
  get pending(): number {
    return this.#pending.size;
  }
}

/** Fresh databases, a publisher, a clock at `start` and timers, wired as a sync environment. */
export function syncSetup(start = 1_800_000_000_000) {
  const { packDb, userDb } = freshDatabases();
  const publisher = new TestPublisher();
  const timers = new ManualTimers();
  const clock = { now: start };
  const env: SyncEnvironment = {
    packDb,
    userDb,
    fetch: publisher.fetch,
    timers,
    timeoutMs: 30_000,
    now: () => clock.now,
    random: () => 0.5,
  };
  return { env, packDb, userDb, publisher, timers, clock };
}

export { generateKeyPair };
