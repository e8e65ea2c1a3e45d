import type { InstalledPack } from '../lib/domain/pack';
import { formatPartialDate } from '../lib/cards/display-text';
import { shownPackTitle, usePackLanguages } from './text-languages';
import { t, ui } from './i18n';
import { PackCounts } from './PackCounts';

/** Installed packs with what they contain. All pack text is rendered as text. */
export function PackList({ packs }: { packs: readonly InstalledPack[] }) {
  const languages = usePackLanguages();
  if (packs.length === 0) {
    return <p className="fl-muted">{t('noPacks')}</p>;
  }
  return (
    <ul className="fl-pack-list" aria-label={t('installedPacksLabel')}>
      {packs.map((pack) => {
        const title = shownPackTitle(pack, languages);
        return (
          <li key={pack.id} className="fl-pack" data-pack-id={pack.id}>
            <div className="fl-pack-head">
              <span className="fl-pack-title" lang={title.lang}>
                {title.text}
              </span>
              <span className="fl-pack-version">v{pack.version}</span>
              {!pack.enabled && <span className="fl-pack-badge">{t('packOff')}</span>}
            </div>
            <p className="fl-pack-meta">
              {t(
                'packPublished',
                pack.publisher.name,
                formatPartialDate(pack.publishedAt, ui.locale),
              )}
            </p>
            <PackCounts counts={pack.counts} />
          </li>
        );
      })}
    </ul>
  );
}
