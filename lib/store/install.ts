import compareVersions from 'semver/functions/compare';
import type { FactPack } from '../pack/schema';
import type { PackDatabase } from './pack-database';
import {
  subjectKey,
  type AliasRow,
  type EntityRow,
  type FactRow,
  type PackOrigin,
  type PackRow,
  type PropositionRow,
  type SourceRow,
} from './rows';

export interface InstallOptions {
  origin: PackOrigin;
  /** Epoch milliseconds; injected so tests and sync share one clock. */
  now: () => number;
  /** Reinstalling the same or an older version is a deliberate user choice, never the default. */
  allowNotNewer?: boolean;
}

export type InstallErrorCode = 'not-newer';

export class PackInstallError extends Error {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackInstallError';
  }
}

interface PackRows {
  pack: PackRow;
  sources: SourceRow[];
  propositions: PropositionRow[];
  entities: EntityRow[];
  aliases: AliasRow[];
  facts: FactRow[];
}

/** Splits a validated pack into table rows. Pure, so the transaction does nothing but write. */
export function packToRows(
  pack: FactPack,
  origin: PackOrigin,
  installedAt: number,
  enabled = true,
): PackRows {
  const { sources, propositions, entities, facts, $schema: _schema, ...meta } = pack;
  const packId = pack.id;
  const aliases = entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      ...alias,
      packId,
      entityId: entity.id,
      entityKind: entity.kind,
    })),
  );
  return {
    pack: {
      ...meta,
      origin,
      installedAt,
      enabled,
      counts: {
        sources: sources.length,
        propositions: propositions.length,
        entities: entities.length,
        aliases: aliases.length,
        facts: facts.length,
      },
    },
    sources: sources.map((row) => ({ ...row, packId })),
    propositions: propositions.map((row) => ({ ...row, packId })),
    entities: entities.map((row) => ({ ...row, packId })),
    aliases,
    facts: facts.map((row) => ({
      ...row,
      packId,
      subjectKeys: row.subjectIds.map((id) => subjectKey(packId, id)),
    })),
  };
}

/**
 * Installs or replaces one pack in a single IndexedDB transaction: either every row
 * of the new version is in place, or the previous version is untouched.
 * The pack must already be validated (`validatePack`).
 */
export async function installPack(
  db: PackDatabase,
  pack: FactPack,
  options: InstallOptions,
): Promise<PackRow> {
  return db.transaction('rw', db.contentTables, async () => {
    const installed = await db.packs.get(pack.id);
    if (
      installed &&
      !options.allowNotNewer &&
      compareVersions(pack.version, installed.version) <= 0
    ) {
      throw new PackInstallError(
        'not-newer',
        `pack "${pack.id}" ${pack.version} is not newer than the installed ${installed.version}`,
      );
    }
    const rows = packToRows(pack, options.origin, options.now(), installed?.enabled ?? true);
    await deletePackRows(db, pack.id);
    await db.sources.bulkAdd(rows.sources);
    await db.propositions.bulkAdd(rows.propositions);
    await db.entities.bulkAdd(rows.entities);
    await db.aliases.bulkAdd(rows.aliases);
    await db.facts.bulkAdd(rows.facts);
    await db.packs.put(rows.pack);
    return rows.pack;
  });
}

/** Removes every row of one pack; call inside a transaction over `db.contentTables`. */
async function deletePackRows(db: PackDatabase, packId: string): Promise<void> {
  await Promise.all([
    db.sources.where('packId').equals(packId).delete(),
    db.propositions.where('packId').equals(packId).delete(),
    db.entities.where('packId').equals(packId).delete(),
    db.aliases.where('packId').equals(packId).delete(),
    db.facts.where('packId').equals(packId).delete(),
    db.packs.delete(packId),
  ]);
}

/** Removes a pack and all its content in one transaction. Returns whether it was installed. */
export async function removePack(db: PackDatabase, packId: string): Promise<boolean> {
  return db.transaction('rw', db.contentTables, async () => {
    const existed = (await db.packs.get(packId)) !== undefined;
    await deletePackRows(db, packId);
    return existed;
  });
}
