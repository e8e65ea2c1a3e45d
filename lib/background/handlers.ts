import { RequestError, type Handlers } from '../messaging/dispatch';
import { describeIssues, formatIssue, validatePackText } from '../pack/validate';
import { installPack, PackInstallError, removePack } from '../store/install';
import { loadEntityCard } from '../store/entity-card';
import type { PackDatabase } from '../store/pack-database';
import { cachedMatcher, type CompileMatcher } from '../store/matcher-cache';
import { listPacks } from '../store/queries';

export interface BackgroundServices {
  packDb: PackDatabase;
  now: () => number;
  /** Resolves once the bundled pack is known to be installed (re-checked on every read). */
  ensureSeed: () => Promise<unknown>;
  /** Builds the recognition automaton; injected so handler tests stay small. */
  compileMatcher: CompileMatcher;
  /** Bumped whenever the compiled layout changes, so cached matchers are rebuilt. */
  engineFormat: number;
}

/** The background's answer to each request; payloads arrive already validated. */
export function createHandlers(services: BackgroundServices): Handlers {
  const { packDb, now, ensureSeed } = services;
  return {
    async listPacks() {
      await ensureSeed();
      return listPacks(packDb);
    },

    async getMatcher() {
      await ensureSeed();
      return cachedMatcher(packDb, services.compileMatcher, services.engineFormat, now);
    },

    async getEntityCard(ref) {
      await ensureSeed();
      return loadEntityCard(packDb, ref);
    },

    async installPack({ text, allowNotNewer }) {
      await ensureSeed();
      const validation = validatePackText(text);
      if (!validation.ok) {
        throw new RequestError(
          'invalid-pack',
          `The pack was rejected: ${describeIssues(validation.issues, 1)}`,
          validation.issues.slice(0, 50).map(formatIssue),
        );
      }
      try {
        return await installPack(packDb, validation.pack, {
          origin: 'file',
          now,
          allowNotNewer: allowNotNewer ?? false,
        });
      } catch (error) {
        if (error instanceof PackInstallError) throw new RequestError(error.code, error.message);
        throw error;
      }
    },

    async removePack({ packId }) {
      return { removed: await removePack(packDb, packId) };
    },
  };
}
