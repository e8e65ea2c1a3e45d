import { t } from './i18n';
import type { SettingsHandle } from './useSettings';

/** "Pause everywhere", shared by the popup and the options page. */
export function PauseSwitch({
  settings,
  update,
}: Pick<SettingsHandle, 'update'> & {
  settings: NonNullable<SettingsHandle['settings']>;
}) {
  return (
    <label className="fl-switch">
      <input
        type="checkbox"
        checked={settings.paused}
        onChange={(event) => {
          const paused = event.currentTarget.checked;
          void update((current) => ({ ...current, paused }));
        }}
      />
      {t('pauseEverywhere')}
    </label>
  );
}
