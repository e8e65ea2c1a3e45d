import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { plainTimers } from '../lib/async/timers';
import { createHandlers } from '../lib/background/handlers';
import { packMatcherService } from '../lib/background/matcher-service';
import { bundledSeedPack } from '../lib/background/seed-pack';
import { seedChoice } from '../lib/background/seed-choice';
import {
  restoreUserData,
  watchUserData,
  writeUserDataMirror,
} from '../lib/background/user-data-mirror';
import { MATCHER_VERSION } from '../lib/engine/matcher-version';
import { compileMatcher } from '../lib/engine/matcher/compile';
import { answerWire } from '../lib/messaging/wire';
import { createDispatcher } from '../lib/messaging/dispatch';
import { MESSAGE_TYPES } from '../lib/messaging/protocol';
import { PackDatabase } from '../lib/store/pack-database';
import { ensureSeedPack } from '../lib/store/seed';
import { UserDatabase } from '../lib/store/user-database';
import { announcePacksChanged } from '../lib/messaging/packs-revision';
import { startSyncSchedule } from '../lib/sync/alarm';
import { originPattern } from '../lib/sync/subscriptions';
import { readerLanguages } from '../lib/i18n/ui-text';
import { migrateStoredSettings } from '../lib/settings/store';
import { installedAny, syncDue, SYNC_LIMITS, type SyncEnvironment } from '../lib/sync/sync';

export default defineBackground(() => {
  const packDb = new PackDatabase();
  // Opened lazily by Dexie on the first site-rule request, so packs-only wake-ups don't pay.
  const userDb = new UserDatabase();
  const now = () => Date.now();
  const seed = bundledSeedPack();
  // The worker can be stopped at any time; nothing lives only in memory. Every read
  // re-checks that the bundled pack is present, so a wiped database heals itself.
  // …unless the reader removed the bundled pack: that choice is kept and respected.
  const seedRemoval = seedChoice(browser.storage.local);
  const ensureSeed = () =>
    ensureSeedPack(packDb, seed, now, { declined: () => seedRemoval.removed() });
  void ensureSeed().catch((error: unknown) =>
    console.error('Fact Lens: seed install failed', error),
  );
  // Frames read only the current settings version (lib/settings/frame-settings.ts): older
  // stored settings are migrated here, at every start, an update's included.
  void migrateStoredSettings(browser.storage.local).catch((error: unknown) =>
    console.error('Fact Lens: settings migration failed', error),
  );

  const sync: Omit<SyncEnvironment, 'packDb' | 'userDb' | 'now'> = {
    fetch: (input, init) => fetch(input, init),
    timers: plainTimers,
    timeoutMs: SYNC_LIMITS.timeoutMs,
    random: Math.random,
    mayFetch: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
  };
  const matchers = packMatcherService({
    packDb,
    ensureSeed,
    compile: compileMatcher,
    matcherVersion: MATCHER_VERSION,
    now,
  });
  const packsChanged = () => {
    matchers.invalidate();
    return announcePacksChanged(browser.storage.local, now);
  };
  // The reader's own data is mirrored to storage.local after every change, and an emptied
  // user database (evicted, lost) is restored from the mirror on wake and resynced.
  const mirrorFailed = (error: unknown) =>
    console.error('Fact Lens: user data mirror failed', error);
  watchUserData(userDb, () => {
    writeUserDataMirror(browser.storage.local, userDb).catch(mirrorFailed);
  });
  void restoreUserData(browser.storage.local, userDb, now)
    .then(async (restored) => {
      if (restored.length === 0) return;
      const reports = await syncDue({ ...sync, packDb, userDb, now });
      if (installedAny(reports)) await packsChanged();
    })
    .catch(mirrorFailed);
  startSyncSchedule(browser.alarms, browser.runtime.onStartup, async () => {
    const reports = await syncDue({ ...sync, packDb, userDb, now });
    if (installedAny(reports)) await packsChanged();
  });

  const dispatch = createDispatcher({
    handlers: createHandlers({
      packDb,
      userDb,
      now,
      ensureSeed,
      seed: () => seed,
      seedChoice: seedRemoval,
      storage: browser.storage.local,
      sync,
      packsChanged,
      releaseHost: (url) =>
        browser.permissions.remove({ origins: [originPattern(url)] }).then(
          () => undefined,
          () => undefined,
        ),
      matchers,
      browserLanguages: () =>
        readerLanguages(browser.i18n.getUILanguage(), browser.i18n.getMessage('languageTag')),
      openTab: async (path) => {
        await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
      },
    }),
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  });
  answerWire(
    browser.runtime.onMessage,
    Object.fromEntries(
      MESSAGE_TYPES.map((type) => [type, (data, sender) => dispatch(type, data, sender)]),
    ),
  );
});
