/**
 * Which URLs sync may download from. Plain http can be read and rewritten by anyone on the
 * network path, so it is refused, except on the reader's own machine (`localhost`,
 * `127.0.0.1`), where publishers test their packs. A redirect may lead only to https (or
 * from a local http URL to another local one); whether its origin was granted is the
 * caller's check (`mayFetch`).
 */

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

/** True for `http://localhost…` and `http://127.0.0.1…` (any port). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Why sync may not download from `url`, or null when it may. */
export function transportProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a web address`;
  }
  if (parsed.protocol === 'https:' || isLoopbackHttp(parsed)) return null;
  if (parsed.protocol === 'http:') {
    return `${parsed.origin} is plain http, which anyone on the network can read and alter; only https addresses are accepted (http only for localhost and 127.0.0.1)`;
  }
  return `${parsed.protocol} addresses are not accepted; only https`;
}

/**
 * Why a request for `requested` may not end at `final` after redirects, or null when it
 * may: the final URL must be https, or local http reached from local http.
 */
export function redirectProblem(requested: string, final: string): string | null {
  const to = new URL(final);
  if (to.protocol === 'https:') return null;
  if (isLoopbackHttp(to) && isLoopbackHttp(new URL(requested))) return null;
  return `${requested} redirected to ${to.origin}, which is not https; redirects are followed only to https`;
}
