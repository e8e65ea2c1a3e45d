import { runsOn } from '../../lib/settings/schema';
import { PauseSwitch } from '../PauseSwitch';
import { withSiteDisabled } from '../../lib/settings/store';
import type { SettingsHandle } from '../useSettings';
import type { PageTabState } from './usePageTab';
import { t } from '../i18n';

/** Pause everywhere, and turn Fact Lens off or on for the current tab's site. */
export function Controls({ handle, tab }: { handle: SettingsHandle; tab: PageTabState }) {
  const { settings, update } = handle;
  if (!settings) return null;
  const site = tab.status === 'ready' ? tab.site : null;
  const siteDisabled = site !== null && settings.disabledSites.includes(site);
  return (
    <div className="fl-popup-controls">
      <PauseSwitch settings={settings} update={update} />
      {site !== null && (
        <label className="fl-switch">
          <input
            type="checkbox"
            checked={siteDisabled}
            onChange={(event) => {
              const disabled = event.currentTarget.checked;
              void update((current) => withSiteDisabled(current, site, disabled));
            }}
          />
          {t('popup_offOnSite', site)}
        </label>
      )}
      {!runsOn(settings, site) && (
        <span className="fl-popup-controls-state">{t('popup_notMarking')}</span>
      )}
    </div>
  );
}
