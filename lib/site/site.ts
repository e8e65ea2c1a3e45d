import { z } from 'zod';

/**
 * What Fact Lens calls a site: a host name, lowercase, without a trailing dot. Settings
 * (sites switched off), site rules (muted entities) and the message protocol all speak
 * of sites; this is the one definition they share.
 */

/** The longest host name DNS allows. */
export const HOST_MAX_LENGTH = 253;

/** A host name as it may be stored or sent: bounded, without spaces or slashes. */
export const hostSchema = z
  .string()
  .min(1)
  .max(HOST_MAX_LENGTH)
  .regex(/^[^\s/]+$/, 'a host name has no spaces or slashes');

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
