import { z } from 'zod';
import { hostSchema } from '../site/site';

/**
 * The reader's settings, in `browser.storage.local` (not IndexedDB): content scripts read
 * them directly and hear every change through `storage.onChanged`, so a change applies to
 * open tabs at once. Versioned; older shapes are migrated on read (migrate.ts).
 */
export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export const DENSITIES = ['all', 'first'] as const;

/** Hover delay bounds: below 100 ms cards flash while the pointer crosses text; above 2 s nobody waits. */
export const HOVER_DELAY = { min: 100, max: 2000, default: 300 } as const;

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  /** Fact Lens marks nothing anywhere while paused. */
  paused: z.boolean(),
  /** Every mention, or only the first of each entity per page. */
  density: z.enum(DENSITIES),
  hoverDelayMs: z.number().int().min(HOVER_DELAY.min).max(HOVER_DELAY.max),
  /** Sites where Fact Lens does not run, most recently disabled first. */
  disabledSites: z.array(hostSchema).max(10_000),
});

export type Settings = z.output<typeof settingsSchema>;
export type Density = Settings['density'];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  paused: false,
  density: 'all',
  hoverDelayMs: HOVER_DELAY.default,
  disabledSites: [],
};

/** Whether Fact Lens should mark pages of `site` under these settings. */
export function runsOn(settings: Settings, site: string | null): boolean {
  return !settings.paused && (site === null || !settings.disabledSites.includes(site));
}
