import { readStoredSettings } from './migrate';
import { SETTINGS_KEY, settingsProblem, unusableSettings, type Settings } from './schema';

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

/**
 * Current settings from what storage holds: older versions migrated, missing ones the
 * defaults, unusable ones the defaults too, and logged. For extension pages and the
 * background; frames read only the current version (frame-settings.ts).
 */
export function readSettings(stored: unknown, log: Log = console.warn): Settings {
  const read = readStoredSettings(stored);
  if (read.status === 'corrupt') log(unusableSettings(read.problem));
  return read.settings;
}

/** The stored settings, as `readSettings` reads them. */
export async function loadSettings(area: SettingsArea, log?: Log): Promise<Settings> {
  return readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY], log);
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

/**
 * Writes back the stored settings migrated, when they are of an older version: the background
 * does this each time it starts, so frames, which read only the current version
 * (frame-settings.ts), find it. Current, missing and unusable settings are left as they are.
 */
export async function migrateStoredSettings(area: SettingsArea): Promise<void> {
  const read = readStoredSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  if (read.status === 'migrated') await area.set({ [SETTINGS_KEY]: read.settings });
}

/** Disables or re-enables one site; the most recently disabled site comes first. */
export function withSiteDisabled(settings: Settings, site: string, disabled: boolean): Settings {
  const others = settings.disabledSites.filter((entry) => entry !== site);
  return { ...settings, disabledSites: disabled ? [site, ...others] : others };
}
