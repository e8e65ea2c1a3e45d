import { useId } from 'react';
import type { InstalledPack, SubscriptionRow } from '../../lib/store/rows';
import { PackCounts } from '../PackCounts';
import { BusyButton } from './BusyButton';
import { DateTime } from './DateTime';
import { Detail } from './Detail';
import { PackChanges } from './PackChanges';
import { SubscriptionStatus } from './SubscriptionStatus';
import type { PackManagement } from './usePackManagement';
import type { FeedbackHandle } from './useFeedback';

/** Where a pack came from, in the reader's words. */
function sourceText(pack: InstalledPack, subscription: SubscriptionRow | undefined): string {
  switch (pack.origin) {
    case 'bundled':
      return 'Bundled with Fact Lens';
    case 'file':
      return 'Imported from a file';
    case 'url':
      if (!pack.sourceUrl) return 'Subscribed';
      return subscription
        ? `Subscribed: ${pack.sourceUrl}`
        : `Downloaded from ${pack.sourceUrl} (no longer subscribed)`;
  }
}

/**
 * One installed pack: what it is, where it came from, how its subscription is doing, what
 * its last update changed, and what can be done with it. Pack text is rendered as text.
 */
export function PackItem({
  pack,
  subscription,
  manage: { busy, actions },
  track,
  trackRemoval,
}: {
  pack: InstalledPack;
  /** The subscription that delivers this pack, if it still exists. */
  subscription: SubscriptionRow | undefined;
  manage: Pick<PackManagement, 'busy' | 'actions'>;
  /** Shows the outcome of an action in the packs section. */
  track: FeedbackHandle['track'];
  /** Shows a removal, with its undo, in a slot of its own that other actions leave alone. */
  trackRemoval: FeedbackHandle['track'];
}) {
  const titleId = useId();
  const updated = pack.lastChange !== undefined && pack.lastChange.from !== null;
  return (
    <article className="pack" aria-labelledby={titleId} data-pack-id={pack.id}>
      <div className="pack-head">
        <h3 id={titleId} className="pack-title">
          {pack.title}
        </h3>
        <span className="pack-version">v{pack.version}</span>
        {!pack.enabled && <span className="badge">off</span>}
      </div>
      <p className="pack-meta">
        {pack.id} · {pack.publisher.name}
      </p>
      <PackCounts counts={pack.counts} />
      <dl className="details">
        <Detail label="Source">
          <span className="url">{sourceText(pack, subscription)}</span>
        </Detail>
        <Detail label={updated ? 'Updated' : 'Installed'}>
          <DateTime at={pack.installedAt} testId="pack-installed-at" />
        </Detail>
      </dl>
      {subscription && <SubscriptionStatus subscription={subscription} />}
      {pack.heldBelow && (
        <p className="muted">
          Updates held: you rolled back from {pack.heldBelow}; newer versions will still install.
        </p>
      )}
      <PackChanges title={pack.title} change={pack.lastChange} />
      <div className="actions">
        <label className="switch">
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
          Highlight {pack.title} on pages
        </label>
        {pack.previousVersion !== null && (
          <BusyButton
            busy={busy}
            onClick={() => void track(() => actions.rollback(pack), `Rolling back ${pack.title}…`)}
          >
            Roll back to {pack.previousVersion}
          </BusyButton>
        )}
        {subscription && (
          <BusyButton
            busy={busy}
            onClick={() => void track(() => actions.sync(subscription.url), 'Syncing…')}
          >
            Sync now
          </BusyButton>
        )}
        <BusyButton busy={busy} onClick={() => void track(() => actions.exportPack(pack))}>
          Export
        </BusyButton>
        <BusyButton
          busy={busy}
          onClick={() => void trackRemoval(() => actions.remove(pack), `Removing ${pack.title}…`)}
        >
          Remove
        </BusyButton>
      </div>
    </article>
  );
}
