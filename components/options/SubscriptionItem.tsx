import { useId } from 'react';
import type { Subscription } from '../../lib/domain/subscription';
import { BusyButton } from './BusyButton';
import { Detail } from './Detail';
import { SubscriptionStatus } from './SubscriptionStatus';
import type { FeedbackHandle } from './useFeedback';
import type { PackManagement } from './usePackManagement';

/** One subscription: its URL, its key, how its checks went, and its controls. */
export function SubscriptionItem({
  subscription,
  manage: { busy, actions },
  track,
}: {
  subscription: Subscription;
  manage: Pick<PackManagement, 'busy' | 'actions'>;
  /** Shows the outcome of an action in the subscriptions section. */
  track: FeedbackHandle['track'];
}) {
  const urlId = useId();
  const { url, publicKey, packIds } = subscription;
  return (
    <article className="fl-pack" aria-labelledby={urlId}>
      <h3 id={urlId} className="fl-pack-title fl-options-url">
        {url}
      </h3>
      <dl className="fl-options-details">
        <Detail label="Publisher key">
          {publicKey ? 'Publisher key pinned' : 'No key pinned'}
        </Detail>
        <Detail label="Packs">{packIds.length > 0 ? packIds.join(', ') : 'None yet'}</Detail>
      </dl>
      <SubscriptionStatus subscription={subscription} />
      <div className="fl-options-actions">
        <BusyButton busy={busy} onClick={() => void track(() => actions.sync(url), 'Syncing…')}>
          Sync now
        </BusyButton>
        <BusyButton
          busy={busy}
          onClick={() => void track(() => actions.unsubscribe(url), 'Unsubscribing…')}
        >
          Unsubscribe
        </BusyButton>
      </div>
    </article>
  );
}
