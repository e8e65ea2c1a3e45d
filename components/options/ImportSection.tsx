import { useId, type ChangeEvent } from 'react';
import { FeedbackArea } from './FeedbackArea';
import { useFeedback } from './useFeedback';
import { t } from '../i18n';
import type { PackManagement } from './usePackManagement';

/** Installs a pack from a JSON file (exported from another browser, or made by a publisher). */
export function ImportSection({ manage: { actions } }: { manage: PackManagement }) {
  const inputId = useId();
  const settingsInputId = useId();
  const feedback = useFeedback();

  const onSettingsChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    void feedback.track(
      async () => actions.importSettings(await file.text()),
      t('options_importing', file.name),
    );
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Cleared so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    void feedback.track(
      async () => actions.importFile(await file.text()),
      t('options_installing', file.name),
    );
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options_importExport')}</h2>
      <div className="fl-options-field">
        <label htmlFor={inputId}>{t('options_importPack')}</label>
        <input id={inputId} type="file" accept=".json,application/json" onChange={onChange} />
      </div>
      <p className="fl-muted">{t('options_importPackHint')}</p>
      <p>
        <button
          type="button"
          onClick={() =>
            void feedback.track(actions.exportSettings, t('options_exportingSettings'))
          }
        >
          {t('options_exportSettings')}
        </button>
      </p>
      <div className="fl-options-field">
        <label htmlFor={settingsInputId}>{t('options_importSettings')}</label>
        <input
          id={settingsInputId}
          type="file"
          accept=".json,application/json"
          onChange={onSettingsChange}
        />
      </div>
      <p className="fl-muted">{t('options_importSettingsHint')}</p>
      <FeedbackArea {...feedback} />
    </section>
  );
}
