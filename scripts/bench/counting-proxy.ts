/**
 * A pass-through HTTP proxy on 127.0.0.1 that records every request it forwards (method,
 * path, the status the upstream answered), so a benchmark can say how many requests a pack
 * sync made and what they were: `serveStatic` has no hook for that.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** The upstream's status; 502 when the upstream could not be reached. */
  status: number;
  /** The conditional headers sent, so a 304 can be told from a plain GET. */
  ifNoneMatch?: string;
}

export interface CountingProxy {
  /** Base URL without a trailing slash. */
  url: string;
  /** Every request answered so far, in order; the array is live (clear it with `length = 0`). */
  requests: ProxiedRequest[];
  close: () => Promise<void>;
}

/** Forwards every request to `upstream` (an `http://host:port` base URL). */
export async function countingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream);
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const record = (status: number) => {
      const ifNoneMatch = req.headers['if-none-match'];
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        status,
        ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
      });
    };
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        record(status);
        res.writeHead(status, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      record(502);
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('Bad gateway');
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
