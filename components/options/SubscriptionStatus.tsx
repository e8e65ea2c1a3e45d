import { useState } from 'react';
import type { Subscription } from '../../lib/domain/subscription';
import { syncOverdueSince } from '../../lib/sync/schedule';
import { DateTime } from './DateTime';
import { Detail } from './Detail';
import { asSentence } from './feedback';
import { t, ui } from '../i18n';
import { formatCount } from '../../lib/i18n/ui-text';
import { Message } from '../Message';

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
      <Detail label={t('options_lastChecked')}>
        {lastCheckedAt ? <DateTime at={lastCheckedAt} /> : t('options_notYet')}
      </Detail>
      <Detail label={t('options_lastSuccess')}>
        {lastSuccessAt ? <DateTime at={lastSuccessAt} /> : t('options_notYet')}
      </Detail>
      <Detail label={t('options_nextCheck')}>
        <DateTime at={nextCheckAt} />
      </Detail>
      {lastError ? (
        <Detail label={t('options_status')} className="fl-error">
          {t('options_statusError', asSentence(lastError.message))}
        </Detail>
      ) : (
        <Detail label={t('options_status')}>
          {t(lastCheckedAt ? 'options_statusOk' : 'options_notChecked')}
        </Detail>
      )}
      {overdueSince !== null && (
        <Detail label={t('options_warning')} className="fl-error">
          <Message id="options_overdue" parts={[<DateTime key="at" at={overdueSince} />]} />
        </Detail>
      )}
      {failures > 0 && <Detail label={t('options_failures')}>{formatCount(ui, failures)}</Detail>}
    </dl>
  );
}
