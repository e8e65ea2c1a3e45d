/**
 * When subscriptions are checked. Like filter-list updaters, checks are spread out (jitter)
 * so a publisher is not hit by every reader at the same minute, and failures back off
 * exponentially so a broken server is not hammered.
 */

/** Time between successful checks of one subscription. */
export const SYNC_INTERVAL_MS = 12 * 60 * 60 * 1000;
/** Each scheduled check moves by up to this much, at random, in either direction. */
export const SYNC_JITTER_MS = 60 * 60 * 1000;
/** The first retry after a failure; each further failure doubles it, up to the cap. */
export const BACKOFF_BASE_MS = 10 * 60 * 1000;
export const BACKOFF_MAX_MS = 24 * 60 * 60 * 1000;
/** How often the background wakes to look for due subscriptions (chrome.alarms minutes). */
export const SYNC_ALARM_PERIOD_MINUTES = 30;

/** `random` is in [0, 1), injected so tests are repeatable. */
export function nextCheckAfterSuccess(now: number, random: () => number): number {
  return now + SYNC_INTERVAL_MS + Math.round((random() * 2 - 1) * SYNC_JITTER_MS);
}

/** The wait after the `failures`-th failure in a row (1 for the first). */
export function backoffDelay(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 20));
}

export function nextCheckAfterFailure(now: number, failures: number): number {
  return now + backoffDelay(failures);
}

/** A subscription that has not synced for longer than this is flagged on the options page. */
export const SYNC_OVERDUE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Since when a subscription has gone without a successful check, when that is more than
 * `SYNC_OVERDUE_MS` before `now` (a feed that stopped answering, or a browser that never
 * ran): its last success, or when it was added if it never had one. Null when it is current.
 */
export function syncOverdueSince(
  subscription: { addedAt: number; lastSuccessAt?: number },
  now: number,
): number | null {
  const since = subscription.lastSuccessAt ?? subscription.addedAt;
  return now - since > SYNC_OVERDUE_MS ? since : null;
}
