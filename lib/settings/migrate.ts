import { DEFAULT_SETTINGS, settingsProblem, type Settings } from './schema';

/**
 * Version 1, the first draft's shape: one `enabled` switch, a `highlightAll` flag and a
 * delay in seconds. Kept so that stored data of every released shape keeps working; add a
 * step here (and bump SETTINGS_VERSION) whenever the shape changes.
 */
interface SettingsV1 {
  version: 1;
  enabled: boolean;
  highlightAll: boolean;
  hoverDelaySeconds: number;
  disabledHosts?: string[];
}

function isV1(value: unknown): value is SettingsV1 {
  if (typeof value !== 'object' || value === null) return false;
  const v1 = value as Record<string, unknown>;
  return (
    v1.version === 1 &&
    typeof v1.enabled === 'boolean' &&
    typeof v1.highlightAll === 'boolean' &&
    typeof v1.hoverDelaySeconds === 'number' &&
    (v1.disabledHosts === undefined ||
      (Array.isArray(v1.disabledHosts) &&
        v1.disabledHosts.every((host) => typeof host === 'string')))
  );
}

/** Version 3: version 4's shape without `textLanguage` (pack format 2 came with issue 15). */
type SettingsV3 = Omit<Settings, 'version' | 'textLanguage'> & { version: 3 };

/** Version 2: version 3's shape without `contextEntities` (entity roles came with issue 18). */
type SettingsV2 = Omit<SettingsV3, 'version' | 'contextEntities'> & { version: 2 };

/** Only the version is checked: the migrated whole is validated as version 3. */
function isV2(value: unknown): value is SettingsV2 {
  return typeof value === 'object' && value !== null && (value as SettingsV2).version === 2;
}

function isV3(value: unknown): value is SettingsV3 {
  return typeof value === 'object' && value !== null && (value as SettingsV3).version === 3;
}

/** Context entities were marked everywhere before version 3; "near" is the new default. */
function fromV2(v2: SettingsV2): SettingsV3 {
  return { ...v2, version: 3, contextEntities: DEFAULT_SETTINGS.contextEntities };
}

/** Before version 4 every pack spoke one language; following the browser's is the default. */
function fromV3(v3: SettingsV3): unknown {
  return { ...v3, version: 4, textLanguage: DEFAULT_SETTINGS.textLanguage };
}

function fromV1(v1: SettingsV1): SettingsV2 {
  return {
    version: 2,
    paused: !v1.enabled,
    density: v1.highlightAll ? 'all' : 'first',
    hoverDelayMs: Math.round(v1.hoverDelaySeconds * 1000),
    disabledSites: v1.disabledHosts ?? [],
  };
}

export type SettingsRead =
  | { settings: Settings; status: 'stored' | 'default' | 'migrated' }
  | { settings: Settings; status: 'corrupt'; problem: string };

/**
 * Parses whatever storage holds into current settings: nothing → defaults; an older version
 * → migrated; anything invalid → defaults, with the reason, so the caller can log it. Never
 * throws: a bad stored value must not stop Fact Lens from running.
 */
export function readStoredSettings(stored: unknown): SettingsRead {
  if (stored === undefined || stored === null)
    return { settings: DEFAULT_SETTINGS, status: 'default' };
  const problem = settingsProblem(stored);
  if (problem === null) return { settings: stored as Settings, status: 'stored' };
  const older = isV1(stored) ? 1 : isV2(stored) ? 2 : isV3(stored) ? 3 : null;
  if (older !== null) {
    const v3 = isV3(stored)
      ? stored
      : fromV2(isV1(stored) ? fromV1(stored) : (stored as SettingsV2));
    const migrated = fromV3(v3);
    const migrationProblem = settingsProblem(migrated);
    if (migrationProblem === null) return { settings: migrated as Settings, status: 'migrated' };
    return corrupt(`version ${older} settings do not migrate: ${migrationProblem}`);
  }
  return corrupt(problem);
}

function corrupt(problem: string): SettingsRead {
  return { settings: DEFAULT_SETTINGS, status: 'corrupt', problem };
}
