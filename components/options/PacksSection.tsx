import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription } from '../../lib/domain/subscription';
import { BusyButton } from './BusyButton';
import { FeedbackArea } from './FeedbackArea';
import { ListPlaceholder } from './ListPlaceholder';
import { PackItem } from './PackItem';
import { usePackLanguages } from '../text-languages';
import { useFeedback } from './useFeedback';
import { t } from '../i18n';
import type { PackManagement } from './usePackManagement';

/** The subscription a pack was synced from, while the reader is still subscribed to it. */
function subscriptionOf(
  pack: ListedPack,
  subscriptions: readonly Subscription[] | null,
): Subscription | undefined {
  if (pack.origin !== 'url') return undefined;
  return subscriptions?.find(
    (subscription) => subscription.url === pack.sourceUrl || subscription.packIds.includes(pack.id),
  );
}

/** Every installed pack, with its controls; and the bundled pack back if it was removed. */
export function PacksSection({ manage }: { manage: PackManagement }) {
  const { packs, subscriptions, loadError, busy, actions } = manage;
  const outcome = useFeedback();
  const removal = useFeedback();
  const languages = usePackLanguages();
  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('options_packs')}</h2>
      <FeedbackArea {...removal} />
      <FeedbackArea {...outcome} />
      {packs === null ? (
        <ListPlaceholder error={loadError} />
      ) : (
        <>
          {loadError && (
            <p role="alert" className="fl-error">
              {t('options_listStale', loadError)}
            </p>
          )}
          {packs.length === 0 ? (
            <p className="fl-muted">{t('noPacks')}</p>
          ) : (
            <ul className="fl-pack-list" aria-label={t('installedPacksLabel')}>
              {packs.map((pack) => (
                <li key={pack.id}>
                  <PackItem
                    pack={pack}
                    languages={languages}
                    subscription={subscriptionOf(pack, subscriptions)}
                    manage={manage}
                    track={outcome.track}
                    trackRemoval={removal.track}
                  />
                </li>
              ))}
            </ul>
          )}
          {!packs.some((pack) => pack.origin === 'bundled') && (
            <BusyButton
              busy={busy}
              onClick={() => void outcome.track(actions.restoreSeed, t('options_restoringSeed'))}
            >
              {t('options_restoreSeed')}
            </BusyButton>
          )}
        </>
      )}
    </section>
  );
}
