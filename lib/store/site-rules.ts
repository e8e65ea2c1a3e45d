import type { SiteRule } from '../domain/site-rule';
import { hostProblem } from '../site/site';
import type { UserDatabase } from './user-database';

/**
 * Muted entities kept per site. Far more than a person mutes by hand; it only stops a
 * misbehaving sender from growing one row without end.
 */
export const MUTED_PER_SITE_MAX = 1000;

export type SiteRuleErrorCode = 'invalid-host' | 'too-many-muted';

export class SiteRuleError extends Error {
  constructor(
    readonly code: SiteRuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SiteRuleError';
  }
}

/**
 * The key a site's rule is stored under. `Example.COM.` and `example.com` are the same
 * site to the user, so they must be one row, not two that disagree. The protocol already
 * refuses malformed hosts; this checks again because the store is not only called from there.
 */
export function normaliseHost(host: string): string {
  const normalised = host.toLowerCase().replace(/\.$/, '');
  if (normalised === '') throw new SiteRuleError('invalid-host', 'A site needs a host name.');
  if (hostProblem(normalised) !== null) {
    throw new SiteRuleError('invalid-host', 'That is not a host name.');
  }
  return normalised;
}

/** What a site without a stored rule behaves as: Fact Lens runs, nothing muted. */
export function defaultSiteRule(host: string): SiteRule {
  return { host, mutedEntities: [], updatedAt: 0 };
}

/** A rule that says nothing beyond the default; it need not be stored. */
function isDefault(rule: SiteRule): boolean {
  return rule.mutedEntities.length === 0;
}

/** The rule for `host`, or the default rule when the user never set one. */
export async function siteRuleFor(db: UserDatabase, host: string): Promise<SiteRule> {
  const key = normaliseHost(host);
  return (await db.siteRules.get(key)) ?? defaultSiteRule(key);
}

/**
 * The muted list with `entityKey` in or out, or null when it already is as asked.
 * Sorted, so mute-then-unmute (and the reverse) leaves exactly the list it started from.
 */
function mutedListWith(current: string[], entityKey: string, muted: boolean): string[] | null {
  if (current.includes(entityKey) === muted) return null;
  if (!muted) return current.filter((key) => key !== entityKey);
  if (current.length >= MUTED_PER_SITE_MAX) {
    throw new SiteRuleError('too-many-muted', 'Too many entities are muted on this site.');
  }
  return [...current, entityKey].sort();
}

/**
 * Mutes or unmutes one entity (`packId/entityId`) on one site and returns the rule now in
 * force. Read and write share one transaction, so two quick clicks (mute, undo) cannot
 * interleave and lose one. Asking for what already holds writes nothing; a rule left saying
 * nothing is deleted rather than stored.
 */
export async function setEntityMuted(
  db: UserDatabase,
  host: string,
  entityKey: string,
  muted: boolean,
  now: () => number,
): Promise<SiteRule> {
  const key = normaliseHost(host);
  return db.transaction('rw', db.siteRules, async () => {
    const current = (await db.siteRules.get(key)) ?? defaultSiteRule(key);
    const mutedEntities = mutedListWith(current.mutedEntities, entityKey, muted);
    if (mutedEntities === null) return current;
    const next: SiteRule = { ...current, mutedEntities, updatedAt: now() };
    if (isDefault(next)) {
      await db.siteRules.delete(key);
      return defaultSiteRule(key);
    }
    await db.siteRules.put(next);
    return next;
  });
}
