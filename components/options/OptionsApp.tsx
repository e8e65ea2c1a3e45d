import { useId, useState } from 'react';
import { PauseSwitch } from '../PauseSwitch';
import { HOVER_DELAY, type ContextMarking, type Density } from '../../lib/settings/schema';
import { withSiteDisabled } from '../../lib/settings/store';
import { useSettings } from '../useSettings';
import { ChoiceGroup } from './ChoiceGroup';
import { PackSections } from './PackSections';

const DENSITY_LABELS: Record<Density, string> = {
  all: 'Every mention',
  first: 'Only the first mention of each entity on a page',
};

const CONTEXT_LABELS: Record<ContextMarking, string> = {
  near: 'Near its subjects, or on pages about the pack (recommended)',
  everywhere: 'Everywhere',
  never: 'Never',
};

/**
 * Settings: pause, highlight density, where context entities are marked, hover delay, the installed packs and subscriptions,
 * and the sites Fact Lens is off on (with undo for a site put back on). Changes are stored
 * at once and reach open tabs live.
 */
export function OptionsApp() {
  const { settings, update, error } = useSettings();
  const [undo, setUndo] = useState<{ site: string } | null>(null);
  const delayId = useId();
  if (!settings) return <main className="fl-options">Loading…</main>;
  return (
    <main className="fl-options">
      <h1>Fact Lens settings</h1>
      {error && (
        <p role="alert" className="fl-error">
          Not saved: {error}
        </p>
      )}

      <section aria-labelledby="general-heading">
        <h2 id="general-heading">Highlighting</h2>
        <PauseSwitch settings={settings} update={update} />
        <ChoiceGroup
          legend="Highlight"
          name="density"
          choices={DENSITY_LABELS}
          value={settings.density}
          onChange={(density) => void update((current) => ({ ...current, density }))}
        />
        <ChoiceGroup
          legend="Also mark companies and products a pack only mentions in passing"
          name="contextEntities"
          choices={CONTEXT_LABELS}
          value={settings.contextEntities}
          onChange={(contextEntities) =>
            void update((current) => ({ ...current, contextEntities }))
          }
        />
        <p className="fl-options-delay">
          <label htmlFor={delayId}>Show a card after the pointer rests for</label>{' '}
          <input
            id={delayId}
            type="number"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={50}
            defaultValue={settings.hoverDelayMs}
            onBlur={(event) => {
              const value = Math.round(Number(event.currentTarget.value));
              const clamped = Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, value || 0));
              event.currentTarget.value = String(clamped);
              void update((current) => ({ ...current, hoverDelayMs: clamped }));
            }}
          />{' '}
          ms
        </p>
      </section>

      <PackSections />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Fact Lens is off</h2>
        {undo && (
          <p role="status" className="fl-options-notice">
            Fact Lens is back on for {undo.site}.{' '}
            <button
              type="button"
              className="fl-link-button"
              onClick={() => {
                void update((current) => withSiteDisabled(current, undo.site, true));
                setUndo(null);
              }}
            >
              Undo
            </button>
          </p>
        )}
        {settings.disabledSites.length === 0 ? (
          <p className="fl-muted">None. Switch a site off from the popup while you are on it.</p>
        ) : (
          <ul className="fl-options-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  onClick={() => {
                    void update((current) => withSiteDisabled(current, site, false));
                    setUndo({ site });
                  }}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
