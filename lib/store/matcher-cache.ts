import { aliasSpecsOf } from '../engine/alias-specs';
import type { AliasSpec, CompiledMatcher } from '../engine/types';
import type { PackDatabase } from './pack-database';
import type { EntityRow } from './rows';

export type CompileMatcher = (aliases: AliasSpec[], key: string) => CompiledMatcher;

/** What a cached matcher depends on: `MATCHER_VERSION` and each enabled pack version. */
export function matcherKey(
  matcherVersion: number,
  packs: readonly { id: string; version: string }[],
) {
  const versions = packs.map((pack) => `${pack.id}@${pack.version}`).sort();
  return `engine-${matcherVersion}|${versions.join(',')}`;
}

/** Every alias of an installed entity, as the matcher compiler takes them. */
function aliasSpecs(entity: EntityRow): AliasSpec[] {
  return aliasSpecsOf(entity.packId, entity);
}

/**
 * The compiled matcher for the enabled packs: from the cache when the pack versions are
 * unchanged, otherwise compiled and stored (replacing any older entry). The service
 * worker may be stopped at any time, so the cache lives in IndexedDB, not in memory.
 */
export async function cachedMatcher(
  db: PackDatabase,
  compile: CompileMatcher,
  matcherVersion: number,
  now: () => number,
): Promise<CompiledMatcher> {
  const { key, aliases, hit } = await db.transaction(
    'r',
    [db.packs, db.entities, db.matchers],
    async () => {
      const enabled = (await db.packs.toArray()).filter((pack) => pack.enabled);
      const key = matcherKey(matcherVersion, enabled);
      const hit = await db.matchers.get(key);
      const aliases = hit
        ? []
        : (
            await db.entities
              .where('packId')
              .anyOf(enabled.map((pack) => pack.id))
              .toArray()
          ).flatMap(aliasSpecs);
      return { key, aliases, hit };
    },
  );
  if (hit) return hit.compiled;
  const compiled = compile(aliases, key);
  await db.transaction('rw', db.matchers, async () => {
    await db.matchers.clear();
    await db.matchers.put({ key, compiled, builtAt: now() });
  });
  return compiled;
}
