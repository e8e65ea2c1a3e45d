import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  settingsProblem,
  unusableSettings,
  type Settings,
} from './schema';
import type { Log, SettingsArea } from './store';

/**
 * The settings as every frame's content script reads them: the current version only. Older
 * shapes are migrated by the background, which writes the result back each time it starts
 * (`migrateStoredSettings`; an update starts it), so the migrations of every past version are
 * not in what every frame evaluates.
 *
 * An older shape met before that reads as paused: nothing is marked against a choice the
 * reader may have made (paused, a site switched off) until the migrated settings arrive
 * through `storage.onChanged`. Anything else unusable reads as the defaults, and is logged.
 */
export function readFrameSettings(stored: unknown, log: Log = console.warn): Settings {
  if (stored === undefined || stored === null) return DEFAULT_SETTINGS;
  const problem = settingsProblem(stored);
  if (problem === null) return stored as Settings;
  const { version } = stored as { version?: unknown };
  if (typeof version === 'number' && version < SETTINGS_VERSION) {
    return { ...DEFAULT_SETTINGS, paused: true };
  }
  log(unusableSettings(problem));
  return DEFAULT_SETTINGS;
}

/** The stored settings, read as a frame reads them (`readFrameSettings`). */
export async function loadFrameSettings(area: SettingsArea, log?: Log): Promise<Settings> {
  return readFrameSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY], log);
}
