import { readStoredSettings } from './migrate';
import { SETTINGS_KEY, settingsProblem, type Settings } from './schema';

/** The part of `browser.storage` the settings need; injected so tests use a fake. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
export interface SettingsEvents {
  addListener(
    listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
  ): void;
  removeListener(
    listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
  ): void;
}

export type Log = (message: string) => void;

/** Current settings; corrupt or missing ones read as defaults (and a corrupt one is logged). */
export async function loadSettings(area: SettingsArea, log: Log = console.warn): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const read = readStoredSettings(stored);
  if (read.status === 'corrupt')
    log(`Fact Lens: stored settings were unusable (${read.problem}); using defaults`);
  return read.settings;
}

/**
 * Applies `change` to the current settings and stores the result, validated: a change that
 * would store something invalid throws and stores nothing.
 */
export async function updateSettings(
  area: SettingsArea,
  change: (current: Settings) => Settings,
  log?: Log,
): Promise<Settings> {
  const next = change(await loadSettings(area, log));
  const problem = settingsProblem(next);
  if (problem !== null) throw new Error(`Fact Lens: refusing to store settings (${problem})`);
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever another context changes them. */
export function watchSettings(
  events: SettingsEvents,
  listener: (settings: Settings) => void,
  log: Log = console.warn,
): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || !change) return;
    const read = readStoredSettings(change.newValue);
    if (read.status === 'corrupt')
      log(`Fact Lens: new settings were unusable (${read.problem}); using defaults`);
    listener(read.settings);
  };
  events.addListener(onChanged);
  return () => events.removeListener(onChanged);
}

/** Disables or re-enables one site; the most recently disabled site comes first. */
export function withSiteDisabled(settings: Settings, site: string, disabled: boolean): Settings {
  const others = settings.disabledSites.filter((entry) => entry !== site);
  return { ...settings, disabledSites: disabled ? [site, ...others] : others };
}
