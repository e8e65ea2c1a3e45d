import { SYNC_INTERVAL_MS } from '../../lib/sync/schedule';
import { BusyButton } from './BusyButton';
import { FeedbackArea } from './FeedbackArea';
import { ListPlaceholder } from './ListPlaceholder';
import { SubscriptionItem } from './SubscriptionItem';
import { useFeedback } from './useFeedback';
import type { PackManagement } from './usePackManagement';
import { t, ui } from '../i18n';
import { formatCount } from '../../lib/i18n/ui-text';

const SYNC_INTERVAL_HOURS = Math.round(SYNC_INTERVAL_MS / (60 * 60 * 1000));

/** The pack and index URLs the reader subscribed to, each with its sync status. */
export function SubscriptionsSection({ manage }: { manage: PackManagement }) {
  const { subscriptions, loadError, busy, actions } = manage;
  const feedback = useFeedback();
  return (
    <section aria-labelledby="subscriptions-heading">
      <h2 id="subscriptions-heading">{t('options_subscriptions')}</h2>
      <p className="fl-muted">{t('options_syncInterval', formatCount(ui, SYNC_INTERVAL_HOURS))}</p>
      <FeedbackArea {...feedback} />
      {subscriptions === null ? (
        <ListPlaceholder error={loadError} />
      ) : subscriptions.length === 0 ? (
        <p className="fl-muted">{t('options_noSubscriptions')}</p>
      ) : (
        <>
          <BusyButton
            busy={busy}
            onClick={() => void feedback.track(actions.sync, t('options_syncing'))}
          >
            {t('options_syncAll')}
          </BusyButton>
          <ul className="fl-pack-list" aria-label={t('options_subscriptions')}>
            {subscriptions.map((subscription) => (
              <li key={subscription.url}>
                <SubscriptionItem
                  subscription={subscription}
                  manage={manage}
                  track={feedback.track}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
