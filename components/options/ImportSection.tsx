import { useId, type ChangeEvent } from 'react';
import { FeedbackArea } from './FeedbackArea';
import { useFeedback } from './useFeedback';
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
      `Importing ${file.name}…`,
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
      `Installing ${file.name}…`,
    );
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import and export</h2>
      <div className="fl-options-field">
        <label htmlFor={inputId}>Import a pack file</label>
        <input id={inputId} type="file" accept=".json,application/json" onChange={onChange} />
      </div>
      <p className="fl-muted">
        A pack file is the JSON document of a fact pack. Each pack&apos;s Export button saves one.
      </p>
      <p>
        <button
          type="button"
          onClick={() => void feedback.track(actions.exportSettings, 'Exporting settings…')}
        >
          Export my settings
        </button>
      </p>
      <div className="fl-options-field">
        <label htmlFor={settingsInputId}>Import settings</label>
        <input
          id={settingsInputId}
          type="file"
          accept=".json,application/json"
          onChange={onSettingsChange}
        />
      </div>
      <p className="fl-muted">
        A settings file holds your settings, subscriptions (with their pinned keys) and the entities
        you muted on each site. A file with anything malformed is refused whole.
      </p>
      <FeedbackArea {...feedback} />
    </section>
  );
}
