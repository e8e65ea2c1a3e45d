import { z } from 'zod';
import { parsePublicKey } from '../distribution/signature';
import { SETTINGS_KEY, settingsProblem, type Settings } from '../settings/schema';
import { readStoredSettings } from '../settings/migrate';
import { loadSettings, type SettingsArea } from '../settings/store';
import { hostSchema } from '../site/host-schema';
import { MUTED_PER_SITE_MAX, normaliseHost } from '../store/site-rules';
import type { UserDatabase } from '../store/user-database';
import { normalizeSubscriptionUrl } from '../sync/subscriptions';
import { snapshotUserData } from './user-data-mirror';

/**
 * "Export my settings" / "Import settings" (options page): one JSON file with the reader's
 * settings, subscriptions (URL and pinned key) and per-site mutes. An import is validated
 * whole by `settingsFileSchema` and refused whole when anything in it is malformed: nothing
 * is written then.
 */
export const SETTINGS_FILE_FORMAT = 'fact-lens-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Bounds of one file, so an import cannot grow the databases without limit. */
export const SETTINGS_FILE_LIMITS = { subscriptions: 200, siteRules: 10_000 } as const;

/**
 * Current settings, or settings of an earlier version migrated as stored ones are
 * (`readStoredSettings`): a file exported before a settings version bump (issue 15 added
 * `textLanguage`) still imports.
 */
const settingsSchema = z.unknown().transform((value, context) => {
  const read = readStoredSettings(value);
  if (read.status === 'stored' || read.status === 'migrated') return read.settings;
  const problem = read.status === 'corrupt' ? read.problem : settingsProblem(value);
  context.addIssue({ code: 'custom', message: problem ?? 'expected settings' });
  return z.NEVER;
}) as unknown as z.ZodType<Settings>;

export const settingsFileSchema = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  settings: settingsSchema,
  subscriptions: z
    .array(
      z.strictObject({
        url: z.string().min(1).max(2048),
        publicKey: z.string().min(1).max(200).optional(),
      }),
    )
    .max(SETTINGS_FILE_LIMITS.subscriptions),
  siteRules: z
    .array(
      z.strictObject({
        host: hostSchema,
        mutedEntities: z.array(z.string().min(3).max(300)).max(MUTED_PER_SITE_MAX),
      }),
    )
    .max(SETTINGS_FILE_LIMITS.siteRules),
});

export type SettingsFile = z.infer<typeof settingsFileSchema>;

export type SettingsFileParse = { ok: true; file: SettingsFile } | { ok: false; message: string };

/** Parses and validates a settings file; the message names the first problem and its path. */
export function parseSettingsFile(text: string): SettingsFileParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  const result = settingsFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : '(file)';
    return {
      ok: false,
      message: `Not a Fact Lens settings file; nothing was imported (${path}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  for (const subscription of result.data.subscriptions) {
    try {
      normalizeSubscriptionUrl(subscription.url);
      if (subscription.publicKey !== undefined) parsePublicKey(subscription.publicKey);
    } catch (error) {
      return {
        ok: false,
        message: `Not a usable subscription URL; nothing was imported (${subscription.url}: ${String(error instanceof Error ? error.message : error)}).`,
      };
    }
  }
  return { ok: true, file: result.data };
}

/** The reader's settings file as it is now. */
export async function exportSettingsFile(
  area: SettingsArea,
  userDb: UserDatabase,
): Promise<{ fileName: string; text: string }> {
  const settings = await loadSettings(area);
  const data = await snapshotUserData(userDb);
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    settings,
    subscriptions: data.subscriptions.map(({ url, publicKey }) => ({
      url,
      ...(publicKey !== undefined ? { publicKey } : {}),
    })),
    siteRules: data.siteRules,
  };
  return { fileName: 'fact-lens-settings.json', text: `${JSON.stringify(file, null, 2)}\n` };
}

/**
 * Applies a validated file: the settings replace the current ones; subscriptions not yet
 * present are added (due at once; an existing one keeps its key and status); each site's
 * mutes are joined with those already there. One user-database transaction.
 */
export async function importSettingsFile(
  area: SettingsArea,
  userDb: UserDatabase,
  file: SettingsFile,
  now: () => number,
): Promise<{ subscriptionsAdded: string[]; siteRules: number }> {
  const at = now();
  const added = await userDb.transaction('rw', userDb.subscriptions, userDb.siteRules, async () => {
    const urls: string[] = [];
    for (const subscription of file.subscriptions) {
      const url = normalizeSubscriptionUrl(subscription.url);
      if (await userDb.subscriptions.get(url)) continue;
      await userDb.subscriptions.add({
        url,
        ...(subscription.publicKey !== undefined ? { publicKey: subscription.publicKey } : {}),
        addedAt: at,
        packIds: [],
        failures: 0,
        nextCheckAt: at,
      });
      urls.push(url);
    }
    for (const rule of file.siteRules) {
      const host = normaliseHost(rule.host);
      const current = (await userDb.siteRules.get(host))?.mutedEntities ?? [];
      const muted = [...new Set([...current, ...rule.mutedEntities])].sort();
      if (muted.length === 0) continue;
      await userDb.siteRules.put({
        host,
        mutedEntities: muted.slice(0, MUTED_PER_SITE_MAX),
        updatedAt: at,
      });
    }
    return urls;
  });
  await area.set({ [SETTINGS_KEY]: file.settings });
  return { subscriptionsAdded: added, siteRules: file.siteRules.length };
}
