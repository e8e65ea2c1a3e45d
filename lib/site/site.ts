/**
 * What Fact Lens calls a site: a host name, lowercase, without a trailing dot. Settings
 * (sites switched off), site rules (muted entities) and the message protocol all speak
 * of sites; this is the one definition they share. Plain code, no Zod: the content script
 * of every frame reads sites, and must stay small (issue 13).
 */

/** The longest host name DNS allows. */
export const HOST_MAX_LENGTH = 253;

const HOST_CHARACTERS = /^[^\s/]+$/;

/** Why `value` is not a host name as it may be stored or sent, or null when it is one. */
export function hostProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'a host name is a string';
  if (value.length === 0) return 'a host name is not empty';
  if (value.length > HOST_MAX_LENGTH)
    return `a host name has at most ${HOST_MAX_LENGTH} characters`;
  if (!HOST_CHARACTERS.test(value)) return 'a host name has no spaces or slashes';
  return null;
}

/** The site a URL belongs to; null for pages that have none (files, about:blank). */
export function siteOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}
