import { vi } from 'vitest';
import { MATCHER_VERSION } from '../../lib/engine/matcher-version';
import { compileMatcher } from '../../lib/engine/matcher/compile';
import { packWith } from './pack-fixtures';
import { ensureSeedPack } from '../../lib/store/seed';
import { freshDatabases, parsedPack } from './databases';
import { createHandlers } from '../../lib/background/handlers';
import { packMatcherService } from '../../lib/background/matcher-service';
import { seedChoice } from '../../lib/background/seed-choice';
import { memoryArea } from './memory-storage';

/**
 * Background handlers over fresh databases, for tests: every service is injected, the
 * network answers 404 and `openTab`, `packsChanged` and `releaseHost` are mocks. Only tests import this file.
 */

/** The bundled pack in these tests: the fixture pack under its own id. */
export const testSeed = parsedPack(
  packWith((pack) => {
    pack.id = 'seed-pack';
  }),
);

export function handlerSetup({
  now = () => 7,
  compile = compileMatcher,
  browserLanguages = ['en-US', 'en'],
}: { now?: () => number; compile?: typeof compileMatcher; browserLanguages?: string[] } = {}) {
  const { packDb, userDb } = freshDatabases();
  const openTab = vi.fn(async (_path: string) => {});
  // storage.local in memory, for the reader's removal of the bundled pack.
  const storage = memoryArea();
  const seedRemoval = seedChoice(storage);
  const ensureSeed = () =>
    ensureSeedPack(packDb, testSeed, now, { declined: () => seedRemoval.removed() });
  const matchers = packMatcherService({
    packDb,
    ensureSeed,
    compile,
    matcherVersion: MATCHER_VERSION,
    now,
  });
  // As in the background: a change to the packs drops the warm matcher before announcing it.
  const packsChanged = vi.fn(async () => matchers.invalidate());
  const releaseHost = vi.fn(async (_url: string) => {});
  const handlers = createHandlers({
    openTab,
    browserLanguages: () => browserLanguages,
    packDb,
    userDb,
    now,
    ensureSeed,
    matchers,
    seed: () => testSeed,
    seedChoice: seedRemoval,
    storage,
    sync: {
      fetch: async () => new Response('not served in this test', { status: 404 }),
      timers: { set: () => 0, clear: () => {} },
      timeoutMs: 1000,
      random: () => 0.5,
    },
    packsChanged,
    releaseHost,
  });
  return { packDb, userDb, handlers, openTab, packsChanged, releaseHost, storage, ensureSeed };
}
