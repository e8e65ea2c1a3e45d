import { hostProblem } from '../site/site';

/**
 * The reader's settings, in `browser.storage.local` (not IndexedDB): content scripts read
 * them directly and hear every change through `storage.onChanged`, so a change applies to
 * open tabs at once. Versioned; older shapes are migrated on read (migrate.ts).
 *
 * Checked by plain code, not Zod: every frame's content script reads them, and Zod alone
 * would be most of what that script evaluates (issue 13).
 */
export const SETTINGS_VERSION = 4;
export const SETTINGS_KEY = 'settings';

export const DENSITIES = ['all', 'first'] as const;
export type Density = (typeof DENSITIES)[number];

/**
 * Where entities a pack only names in passing (its `context` entities: Google in a pack about
 * ByteDance) are marked: only near the pack's subjects, as a subject is, or never (issue 18).
 */
export const CONTEXT_MARKING = ['near', 'everywhere', 'never'] as const;
export type ContextMarking = (typeof CONTEXT_MARKING)[number];

/**
 * The language pack texts (names, summaries, claims) are shown in, where a pack gives them in
 * several (pack format 2, issue 15): the browser's UI language (`auto`), or one chosen. A text
 * the pack lacks in it is shown in the pack's own language, marked as such.
 */
export const TEXT_LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Hover delay bounds: below 100 ms cards flash while the pointer crosses text; above 2 s nobody waits. */
export const HOVER_DELAY = { min: 100, max: 2000, default: 300 } as const;

/** At most this many sites switched off: the list is read by every frame. */
export const DISABLED_SITES_MAX = 10_000;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Fact Lens marks nothing anywhere while paused. */
  paused: boolean;
  /** Every mention, or only the first of each entity per page. */
  density: Density;
  /** Where a pack's context entities are marked (version 3). */
  contextEntities: ContextMarking;
  /** Which language pack texts are shown in (version 4). */
  textLanguage: TextLanguage;
  hoverDelayMs: number;
  /** Sites where Fact Lens does not run, most recently disabled first. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  paused: false,
  density: 'all',
  contextEntities: 'near',
  textLanguage: 'auto',
  hoverDelayMs: HOVER_DELAY.default,
  disabledSites: [],
};

const KEYS = new Set(Object.keys(DEFAULT_SETTINGS));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first problem that keeps `value` from being current settings, as `path: message`, or
 * null when it is valid. Unknown keys are problems: a typo must not pass silently.
 */
export function settingsProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'settings: expected an object';
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) return `${key}: unknown setting`;
  }
  if (value.version !== SETTINGS_VERSION) return `version: expected ${SETTINGS_VERSION}`;
  if (typeof value.paused !== 'boolean') return 'paused: expected true or false';
  if (!DENSITIES.includes(value.density as Density))
    return `density: expected one of ${DENSITIES.join(', ')}`;
  if (!CONTEXT_MARKING.includes(value.contextEntities as ContextMarking))
    return `contextEntities: expected one of ${CONTEXT_MARKING.join(', ')}`;
  if (!TEXT_LANGUAGES.includes(value.textLanguage as TextLanguage))
    return `textLanguage: expected one of ${TEXT_LANGUAGES.join(', ')}`;
  const delay = value.hoverDelayMs;
  if (
    typeof delay !== 'number' ||
    !Number.isInteger(delay) ||
    delay < HOVER_DELAY.min ||
    delay > HOVER_DELAY.max
  )
    return `hoverDelayMs: expected a whole number from ${HOVER_DELAY.min} to ${HOVER_DELAY.max}`;
  const sites = value.disabledSites;
  if (!Array.isArray(sites)) return 'disabledSites: expected a list';
  if (sites.length > DISABLED_SITES_MAX)
    return `disabledSites: at most ${DISABLED_SITES_MAX} sites`;
  for (const [index, site] of sites.entries()) {
    const problem = hostProblem(site);
    if (problem) return `disabledSites.${index}: ${problem}`;
  }
  return null;
}

/** What is logged when stored settings are unusable and the defaults are used instead. */
export function unusableSettings(problem: string): string {
  return `Fact Lens: stored settings were unusable (${problem}); using defaults`;
}

/**
 * The languages a reader prefers pack texts in, first choice first: the chosen one, or for
 * `auto` the browser's (`readerLanguages` in lib/i18n, passed in).
 */
export function preferredTextLanguages(
  setting: TextLanguage,
  browserLanguages: readonly string[],
): string[] {
  return setting === 'auto' ? [...browserLanguages] : [setting];
}

/** Whether Fact Lens should mark pages of `site` under these settings. */
export function runsOn(settings: Settings, site: string | null): boolean {
  return !settings.paused && (site === null || !settings.disabledSites.includes(site));
}
