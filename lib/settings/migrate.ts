import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema';

/**
 * Version 1, the first draft's shape: one `enabled` switch, a `highlightAll` flag and a
 * delay in seconds. Kept so that stored data of every released shape keeps working; add a
 * step here (and bump SETTINGS_VERSION) whenever the shape changes.
 */
const settingsV1Schema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  highlightAll: z.boolean(),
  hoverDelaySeconds: z.number(),
  disabledHosts: z.array(z.string()).optional(),
});

function fromV1(v1: z.output<typeof settingsV1Schema>): unknown {
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
  const current = settingsSchema.safeParse(stored);
  if (current.success) return { settings: current.data, status: 'stored' };
  const v1 = settingsV1Schema.safeParse(stored);
  if (v1.success) {
    const migrated = settingsSchema.safeParse(fromV1(v1.data));
    if (migrated.success) return { settings: migrated.data, status: 'migrated' };
    return corrupt(`version 1 settings do not migrate: ${migrated.error.issues[0]?.message}`);
  }
  const issue = current.error.issues[0];
  return corrupt(issue ? `${issue.path.join('.') || 'settings'}: ${issue.message}` : 'unreadable');
}

function corrupt(problem: string): SettingsRead {
  return { settings: DEFAULT_SETTINGS, status: 'corrupt', problem };
}
