import { useId, useState } from 'react';
import { PauseSwitch } from '../PauseSwitch';
import {
  HOVER_DELAY,
  type ContextMarking,
  type Density,
  type TextLanguage,
} from '../../lib/settings/schema';
import { withSiteDisabled } from '../../lib/settings/store';
import { useSettings } from '../useSettings';
import { ChoiceGroup } from './ChoiceGroup';
import { PackSections } from './PackSections';
import { t } from '../i18n';
import type { MessageId } from '../../lib/i18n/ui-text';

const DENSITY_LABELS: Record<Density, MessageId> = {
  all: 'options_densityAll',
  first: 'options_densityFirst',
};

const CONTEXT_LABELS: Record<ContextMarking, MessageId> = {
  near: 'options_contextNear',
  everywhere: 'options_contextEverywhere',
  never: 'options_contextNever',
};

const TEXT_LANGUAGE_LABELS: Record<TextLanguage, MessageId> = {
  auto: 'options_textLanguageAuto',
  en: 'options_textLanguageEn',
  'zh-CN': 'options_textLanguageZh',
};
/** Each language named in its own words, tagged so a screen reader reads it so. */
const TEXT_LANGUAGE_LANGS = { en: 'en', 'zh-CN': 'zh-CN' } as const;

/**
 * Settings: pause, highlight density, where context entities are marked, the language of
 * pack texts, hover delay, the installed packs and subscriptions,
 * and the sites Fact Lens is off on (with undo for a site put back on). Changes are stored
 * at once and reach open tabs live.
 */
export function OptionsApp() {
  const { settings, update, error } = useSettings();
  const [undo, setUndo] = useState<{ site: string } | null>(null);
  const delayId = useId();
  if (!settings) return <main className="fl-options">{t('loading')}</main>;
  return (
    <main className="fl-options">
      <h1>{t('options_title')}</h1>
      {error && (
        <p role="alert" className="fl-error">
          {t('options_notSaved', error)}
        </p>
      )}

      <section aria-labelledby="general-heading">
        <h2 id="general-heading">{t('options_highlighting')}</h2>
        <PauseSwitch settings={settings} update={update} />
        <ChoiceGroup
          legend={t('options_density')}
          name="density"
          choices={DENSITY_LABELS}
          value={settings.density}
          onChange={(density) => void update((current) => ({ ...current, density }))}
        />
        <ChoiceGroup
          legend={t('options_context')}
          name="contextEntities"
          choices={CONTEXT_LABELS}
          value={settings.contextEntities}
          onChange={(contextEntities) =>
            void update((current) => ({ ...current, contextEntities }))
          }
        />
        <ChoiceGroup
          legend={t('options_textLanguage')}
          name="textLanguage"
          choices={TEXT_LANGUAGE_LABELS}
          langs={TEXT_LANGUAGE_LANGS}
          value={settings.textLanguage}
          onChange={(textLanguage) => void update((current) => ({ ...current, textLanguage }))}
        />
        <p className="fl-options-delay">
          <label htmlFor={delayId}>{t('options_delay')}</label>{' '}
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
          {t('options_delayUnit')}
        </p>
      </section>

      <PackSections />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('options_sites')}</h2>
        {undo && (
          <p role="status" className="fl-options-notice">
            {t('options_siteBackOn', undo.site)}{' '}
            <button
              type="button"
              className="fl-link-button"
              onClick={() => {
                void update((current) => withSiteDisabled(current, undo.site, true));
                setUndo(null);
              }}
            >
              {t('undo')}
            </button>
          </p>
        )}
        {settings.disabledSites.length === 0 ? (
          <p className="fl-muted">{t('options_noSites')}</p>
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
                  {t('options_turnBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
