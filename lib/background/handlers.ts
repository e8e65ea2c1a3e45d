import { RequestError, type Handlers } from '../messaging/dispatch';
import { describeIssues, formatIssue, validatePackText } from '../pack/validate';
import { installPack, PackInstallError, removePack } from '../store/install';
import type { PackDatabase } from '../store/pack-database';
import { enabledAliases, listPacks } from '../store/queries';

export interface BackgroundServices {
  packDb: PackDatabase;
  now: () => number;
  /** Resolves once the bundled pack is known to be installed (re-checked on every read). */
  ensureSeed: () => Promise<unknown>;
}

/** The background's answer to each request; payloads arrive already validated. */
export function createHandlers({ packDb, now, ensureSeed }: BackgroundServices): Handlers {
  return {
    async listPacks() {
      await ensureSeed();
      return listPacks(packDb);
    },

    async getVocabulary() {
      await ensureSeed();
      const aliases = await enabledAliases(packDb);
      return aliases.map(({ packId, entityId, entityKind, text, case: rule, context }) => ({
        packId,
        entityId,
        entityKind,
        text,
        case: rule,
        ...(context ? { context } : {}),
      }));
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
