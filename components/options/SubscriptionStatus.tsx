import { useState } from 'react';
import type { Subscription } from '../../lib/domain/subscription';
import { syncOverdueSince } from '../../lib/sync/schedule';
import { DateTime } from './DateTime';
import { Detail } from './Detail';
import { asSentence } from './feedback';

/**
 * What sync last saw of a subscription; shown with the subscription and with its packs. A
 * subscription without a successful check for over a week gets a warning: its packs may be
 * out of date (a feed that stopped answering, or one replaying an old index).
 */
export function SubscriptionStatus({
  subscription,
  now: givenNow,
}: {
  subscription: Subscription;
  /** Epoch ms to judge "over a week" by; the time of the first render by default. */
  now?: number;
}) {
  const { lastCheckedAt, lastSuccessAt, lastError, failures, nextCheckAt } = subscription;
  const [renderedAt] = useState(() => Date.now());
  const overdueSince = syncOverdueSince(subscription, givenNow ?? renderedAt);
  return (
    <dl className="fl-options-details">
      <Detail label="Last checked">
        {lastCheckedAt ? <DateTime at={lastCheckedAt} /> : 'Not yet'}
      </Detail>
      <Detail label="Last successful check">
        {lastSuccessAt ? <DateTime at={lastSuccessAt} /> : 'Not yet'}
      </Detail>
      <Detail label="Next check">
        <DateTime at={nextCheckAt} />
      </Detail>
      {lastError ? (
        <Detail label="Status" className="fl-error">
          Error: {asSentence(lastError.message)}
        </Detail>
      ) : (
        <Detail label="Status">{lastCheckedAt ? 'OK' : 'Not checked yet'}</Detail>
      )}
      {overdueSince !== null && (
        <Detail label="Warning" className="fl-error">
          Not synced since <DateTime at={overdueSince} />, more than 7 days ago: its packs may be
          out of date.
        </Detail>
      )}
      {failures > 0 && <Detail label="Failures in a row">{failures}</Detail>}
    </dl>
  );
}
