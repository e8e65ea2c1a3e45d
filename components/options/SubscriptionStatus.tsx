import type { Subscription } from '../../lib/domain/subscription';
import { DateTime } from './DateTime';
import { Detail } from './Detail';
import { asSentence } from './feedback';

/** What sync last saw of a subscription; shown with the subscription and with its packs. */
export function SubscriptionStatus({ subscription }: { subscription: Subscription }) {
  const { lastCheckedAt, lastSuccessAt, lastError, failures, nextCheckAt } = subscription;
  return (
    <dl className="fl-options-details">
      <Detail label="Last checked">
        {lastCheckedAt ? <DateTime at={lastCheckedAt} /> : 'Not yet'}
      </Detail>
      <Detail label="Last success">
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
      {failures > 0 && <Detail label="Failures in a row">{failures}</Detail>}
    </dl>
  );
}
