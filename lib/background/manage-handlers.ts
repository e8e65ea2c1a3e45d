import type { PackOrigin } from '../domain/pack';
import type { SyncReport } from '../domain/subscription';
import { publishedPackName } from '../distribution/publish';
import { RequestError, type Handlers } from '../messaging/dispatch';
import type { MessagesWithAccess, RestorePackRequest } from '../messaging/protocol';
import type { FactPack } from '../pack/schema';
import { describeIssues, formatIssue, validatePackText } from '../pack/validate';
import { installedPackDocument } from '../store/kept-documents';
import { installPack, PackInstallError, removePack, type InstallOptions } from '../store/install';
import { PackManageError, rollbackPack, setPackEnabled } from '../store/manage';
import type { PackDatabase } from '../store/pack-database';
import type { UserDatabase } from '../store/user-database';
import {
  addSubscription,
  dropRemovedPack,
  listSubscriptions,
  normalizeSubscriptionUrl,
  restoreRemovedPack,
  SubscriptionError,
} from '../sync/subscriptions';
import { installedAny, syncSubscription, type SyncEnvironment } from '../sync/sync';
import type { SeedChoice } from './seed-choice';
import type { SettingsArea } from '../settings/store';
import { exportSettingsFile, importSettingsFile, parseSettingsFile } from './settings-file';

/** What the pack-management requests need beyond the databases and the clock. */
export interface ManageServices {
  packDb: PackDatabase;
  userDb: UserDatabase;
  now: () => number;
  ensureSeed: () => Promise<unknown>;
  /** The pack bundled with the extension, for "restore". */
  seed: () => FactPack;
  /** The reader's removal of the bundled pack, which `ensureSeed` respects (seed-choice.ts). */
  seedChoice: SeedChoice;
  /** `browser.storage.local`: the settings, for export and import (settings-file.ts). */
  storage: SettingsArea;
  /** Network, timers and randomness for sync (lib/sync). */
  sync: Omit<SyncEnvironment, 'packDb' | 'userDb' | 'now'>;
  /** Tells open tabs that the enabled packs changed, so they match again without a reload. */
  packsChanged: () => Promise<void>;
  /**
   * Gives back the host permission of a URL's origin once no subscription needs it
   * (`permissions.remove`); failures (e.g. a permission the manifest requires) are ignored.
   */
  releaseHost?: (url: string) => Promise<void>;
}

type ManageHandlers = Pick<Handlers, MessagesWithAccess<'manage'>>;

/** Validates pack text from the user (a file, an undo), or refuses it with every problem listed. */
function validatedPack(text: string): FactPack {
  const validation = validatePackText(text);
  if (!validation.ok) {
    throw new RequestError(
      'invalid-pack',
      `The pack was rejected: ${describeIssues(validation.issues, 1)}`,
      validation.issues.slice(0, 50).map(formatIssue),
    );
  }
  return validation.pack;
}

/** Runs a store operation, turning its refusals into request errors the page can show. */
async function refusalsAsErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PackInstallError) {
      // 'owner': the pack id is installed from elsewhere; the reader must remove it first.
      throw new RequestError(error.code === 'not-newer' ? 'not-newer' : 'conflict', error.message);
    }
    if (error instanceof PackManageError) {
      // A kept version that no longer validates is a bad pack; no kept version is a bad request.
      const code = {
        'not-found': 'not-found',
        'invalid-pack': 'invalid-pack',
        'no-previous': 'invalid-request',
      } as const;
      throw new RequestError(code[error.code], error.message);
    }
    if (error instanceof SubscriptionError)
      throw new RequestError('invalid-request', error.message);
    throw error;
  }
}

/**
 * Handlers of `manage` requests, which only our extension pages may send: installing,
 * removing, rolling back, exporting packs and managing subscriptions.
 */
export function createManageHandlers(services: ManageServices): ManageHandlers {
  const { packDb, userDb, now, ensureSeed, packsChanged } = services;
  const syncEnvironment: SyncEnvironment = { ...services.sync, packDb, userDb, now };

  async function install(
    pack: FactPack,
    text: string,
    origin: PackOrigin,
    options: Omit<InstallOptions, 'origin' | 'now' | 'text'> = {},
  ) {
    const row = await refusalsAsErrors(() =>
      installPack(packDb, pack, { origin, now, text, ...options }),
    );
    await packsChanged();
    return row;
  }

  async function syncAndTell(url: string): Promise<SyncReport> {
    const report = await syncSubscription(syncEnvironment, url);
    if (installedAny([report])) await packsChanged();
    return report;
  }

  return {
    async installPack({ text, allowNotNewer }) {
      // Validated first: a refused pack writes nothing, not even the seed.
      const pack = validatedPack(text);
      await ensureSeed();
      return install(pack, text, 'file', { allowNotNewer: allowNotNewer ?? false });
    },

    async removePack({ packId }) {
      // The reader's choice is stored before the pack goes, so no wake-up in between
      // can see an empty database and put the bundled pack back.
      if ((await packDb.packs.get(packId))?.origin === 'bundled')
        await services.seedChoice.setRemoved(true);
      const removed = await removePack(packDb, packId);
      if (!removed) return { removed: false };
      const { pack, text } = removed;
      const undo: RestorePackRequest = { text, origin: pack.origin, enabled: pack.enabled };
      if (pack.sourceUrl) {
        undo.sourceUrl = pack.sourceUrl;
        const subscription = await dropRemovedPack(userDb, pack.sourceUrl, packId);
        if (subscription) undo.subscription = subscription;
      }
      await packsChanged();
      return { removed: true, undo };
    },

    async restorePack({ text, origin, sourceUrl, enabled, subscription }) {
      const pack = validatedPack(text);
      if (origin === 'bundled') await services.seedChoice.setRemoved(false);
      // On or off in the install itself: open tabs never see a disabled pack switched on.
      // A subscription's pack comes back bound to that subscription's pinned key, as it was.
      const sourceKey = sourceUrl
        ? ((await userDb.subscriptions.get(sourceUrl))?.publicKey ?? subscription?.publicKey)
        : undefined;
      const row = await install(pack, text, origin, {
        sourceUrl,
        sourceKey,
        enabled,
        allowNotNewer: true,
      });
      const from = sourceUrl ?? subscription?.url;
      if (from) {
        await refusalsAsErrors(() => restoreRemovedPack(userDb, from, pack.id, subscription, now));
      }
      return row;
    },

    async setPackEnabled({ packId, enabled }) {
      const row = await refusalsAsErrors(() => setPackEnabled(packDb, packId, enabled));
      await packsChanged();
      return row;
    },

    async rollbackPack({ packId }) {
      const row = await refusalsAsErrors(() => rollbackPack(packDb, packId, now));
      await packsChanged();
      return row;
    },

    async exportPack({ packId }) {
      // Read in one transaction: the text and the version in the file name are of one install.
      const exported = await installedPackDocument(packDb, packId);
      if (!exported) throw new RequestError('not-found', `pack "${packId}" is not installed`);
      // Named as `npm run pack -- publish` names it, so an export can be published as it is.
      return { fileName: publishedPackName(exported.pack), text: exported.text };
    },

    async restoreSeedPack() {
      const seed = services.seed();
      await services.seedChoice.setRemoved(false);
      return install(seed, JSON.stringify(seed), 'bundled', { allowNotNewer: true });
    },

    async exportSettings() {
      return exportSettingsFile(services.storage, userDb);
    },

    async importSettings({ text }) {
      const parsed = parseSettingsFile(text);
      if (!parsed.ok) throw new RequestError('invalid-request', parsed.message);
      const imported = await importSettingsFile(services.storage, userDb, parsed.file, now);
      // Added subscriptions sync now (each needs its origin granted, as when subscribing).
      for (const url of imported.subscriptionsAdded) await syncAndTell(url);
      return imported;
    },

    async listSubscriptions() {
      return listSubscriptions(userDb);
    },

    async addSubscription({ url, publicKey }) {
      const subscription = await refusalsAsErrors(() =>
        addSubscription(userDb, { url, publicKey }, now),
      );
      const report = await syncAndTell(subscription.url);
      return {
        subscription: (await userDb.subscriptions.get(subscription.url)) ?? subscription,
        report,
      };
    },

    async removeSubscription({ url }) {
      const key = await refusalsAsErrors(async () => normalizeSubscriptionUrl(url));
      const existed = (await userDb.subscriptions.get(key)) !== undefined;
      await userDb.subscriptions.delete(key);
      const origin = new URL(key).origin;
      const stillNeeded = (await listSubscriptions(userDb)).some(
        (row) => new URL(row.url).origin === origin,
      );
      if (existed && !stillNeeded) await services.releaseHost?.(key);
      return { removed: existed };
    },

    async syncNow({ url }) {
      const urls = url
        ? [await refusalsAsErrors(async () => normalizeSubscriptionUrl(url))]
        : (await listSubscriptions(userDb)).map((row) => row.url);
      const reports: SyncReport[] = [];
      for (const each of urls) reports.push(await syncAndTell(each));
      return reports;
    },
  };
}
