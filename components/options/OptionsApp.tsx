import { useId, useState } from 'react';
import { PauseSwitch } from '../PauseSwitch';
import { DENSITIES, HOVER_DELAY, type Density } from '../../lib/settings/schema';
import { withSiteDisabled } from '../../lib/settings/store';
import { useSettings } from '../useSettings';
import { PackSections } from './PackSections';

const DENSITY_LABELS: Record<Density, string> = {
  all: 'Every mention',
  first: 'Only the first mention of each entity on a page',
};

/**
 * Settings: pause, highlight density, hover delay, the installed packs and subscriptions,
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
        <fieldset>
          <legend>Highlight</legend>
          {DENSITIES.map((density) => (
            <label key={density} className="fl-switch">
              <input
                type="radio"
                name="density"
                value={density}
                checked={settings.density === density}
                onChange={() => void update((current) => ({ ...current, density }))}
              />
              {DENSITY_LABELS[density]}
            </label>
          ))}
        </fieldset>
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
