import { useId } from 'react';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription } from '../../lib/domain/subscription';
import { PackCounts } from '../PackCounts';
import { BusyButton } from './BusyButton';
import { DateTime } from './DateTime';
import { Detail } from './Detail';
import { PackChanges } from './PackChanges';
import { SubscriptionStatus } from './SubscriptionStatus';
import type { PackManagement } from './usePackManagement';
import type { FeedbackHandle } from './useFeedback';
import { t } from '../i18n';
import { shownPackTitle } from '../text-languages';

/** Where a pack came from, in the reader's words. */
function sourceText(pack: ListedPack, subscription: Subscription | undefined): string {
  switch (pack.origin) {
    case 'bundled':
      return t('options_originBundled');
    case 'file':
      return t('options_originFile');
    case 'url':
      if (!pack.sourceUrl) return t('options_originSubscribed');
      return t(
        subscription ? 'options_originSubscribedUrl' : 'options_originDownloaded',
        pack.sourceUrl,
      );
  }
}

/**
 * One installed pack: what it is, where it came from, how its subscription is doing, what
 * its last update changed, and what can be done with it. Pack text is rendered as text.
 */
export function PackItem({
  pack,
  languages,
  subscription,
  manage: { busy, actions },
  track,
  trackRemoval,
}: {
  pack: ListedPack;
  /** The reader's languages for pack texts (`usePackLanguages`): the title is shown in them. */
  languages: readonly string[];
  /** The subscription that delivers this pack, if it still exists. */
  subscription: Subscription | undefined;
  manage: Pick<PackManagement, 'busy' | 'actions'>;
  /** Shows the outcome of an action in the packs section. */
  track: FeedbackHandle['track'];
  /** Shows a removal, with its undo, in a slot of its own that other actions leave alone. */
  trackRemoval: FeedbackHandle['track'];
}) {
  const titleId = useId();
  const shown = shownPackTitle(pack, languages);
  const title = shown.text;
  const updated = pack.lastChange !== undefined && pack.lastChange.from !== null;
  return (
    <article className="fl-pack" aria-labelledby={titleId} data-pack-id={pack.id}>
      <div className="fl-pack-head">
        <h3 id={titleId} className="fl-pack-title" lang={shown.lang}>
          {title}
        </h3>
        <span className="fl-pack-version">v{pack.version}</span>
        {!pack.enabled && <span className="fl-pack-badge">{t('packOff')}</span>}
      </div>
      <p className="fl-pack-meta">
        {pack.id} · {pack.publisher.name}
      </p>
      <PackCounts counts={pack.counts} />
      <dl className="fl-options-details">
        <Detail label={t('options_source')}>
          <span className="fl-options-url">{sourceText(pack, subscription)}</span>
        </Detail>
        <Detail label={t(updated ? 'options_updated' : 'options_installed')}>
          <DateTime at={pack.installedAt} testId="pack-installed-at" />
        </Detail>
      </dl>
      {subscription && <SubscriptionStatus subscription={subscription} />}
      {pack.heldBelow && (
        <p className="fl-options-held fl-muted">{t('options_held', pack.heldBelow)}</p>
      )}
      <PackChanges title={title} change={pack.lastChange} />
      <div className="fl-options-actions">
        <label className="fl-switch">
          <input
            type="checkbox"
            checked={pack.enabled}
            aria-disabled={busy || undefined}
            onChange={(event) => {
              if (busy) return;
              const enabled = event.currentTarget.checked;
              void track(() => actions.setEnabled(pack, enabled));
            }}
          />
          {t('options_highlightPack', title)}
        </label>
        {pack.previousVersion !== null && (
          <BusyButton
            busy={busy}
            onClick={() =>
              void track(() => actions.rollback(pack), t('options_rollingBack', title))
            }
          >
            {t('options_rollBack', pack.previousVersion)}
          </BusyButton>
        )}
        {subscription && (
          <BusyButton
            busy={busy}
            onClick={() => void track(() => actions.sync(subscription.url), t('options_syncing'))}
          >
            {t('options_syncNow')}
          </BusyButton>
        )}
        <BusyButton busy={busy} onClick={() => void track(() => actions.exportPack(pack))}>
          {t('options_export')}
        </BusyButton>
        <BusyButton
          busy={busy}
          onClick={() =>
            void trackRemoval(() => actions.remove(pack), t('options_removing', title))
          }
        >
          {t('options_remove')}
        </BusyButton>
      </div>
    </article>
  );
}
