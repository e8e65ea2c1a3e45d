import { useId } from 'react';
import type { Subscription } from '../../lib/domain/subscription';
import { BusyButton } from './BusyButton';
import { Detail } from './Detail';
import { SubscriptionStatus } from './SubscriptionStatus';
import type { FeedbackHandle } from './useFeedback';
import type { PackManagement } from './usePackManagement';
import { t } from '../i18n';

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
        <Detail label={t('options_publisherKey')}>
          {t(publicKey ? 'options_keyPinned' : 'options_noKey')}
        </Detail>
        <Detail label={t('options_subscriptionPacks')}>
          {packIds.length > 0 ? packIds.join(', ') : t('options_noneYet')}
        </Detail>
      </dl>
      <SubscriptionStatus subscription={subscription} />
      <div className="fl-options-actions">
        <BusyButton
          busy={busy}
          onClick={() => void track(() => actions.sync(url), t('options_syncing'))}
        >
          {t('options_syncNow')}
        </BusyButton>
        <BusyButton
          busy={busy}
          onClick={() => void track(() => actions.unsubscribe(url), t('options_unsubscribing'))}
        >
          {t('options_unsubscribe')}
        </BusyButton>
      </div>
    </article>
  );
}
