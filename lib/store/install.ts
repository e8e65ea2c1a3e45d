import Dexie, { type Table } from 'dexie';
import compareVersions from 'semver/functions/compare';
import type { InstalledPack, PackOrigin } from '../domain/pack';
import { packLanguages } from '../pack/localized';
import type { FactPack } from '../pack/schema';
import { summarizeChange } from './change-summary';
import {
  installedDocument,
  installedDocumentText,
  keepDocuments,
  parseKeptPack,
} from './kept-documents';
import type { PackDatabase } from './pack-database';
import { chunkFacts, factOrdinalsByEntity } from './fact-chunks';
import { installedPackOf } from './queries';
import type { EntityRow, FactChunkRow, PackRow, PropositionRow, SourceRow } from './rows';

export interface InstallOptions {
  /**
   * Who installs: the bundled pack, a file import, or a subscription (`sourceUrl` and
   * `sourceKey`). An installed pack may be replaced only by the one who installed it
   * (`ownerConflict`).
   */
  origin: PackOrigin;
  /** Epoch milliseconds; injected so tests and sync share one clock. */
  now: () => number;
  /** Reinstalling the same or an older version is a deliberate user choice, never the default. */
  allowNotNewer?: boolean;
  /**
   * The document as received, kept for rollback and export. A synced pack passes the exact
   * text whose digest and signature were checked; otherwise the pack is serialised.
   */
  text?: string;
  /** The subscription URL, for packs that come from one. */
  sourceUrl?: string;
  /** The publisher key the subscription pinned, for packs that come from one. */
  sourceKey?: string;
  /** On or off; by default as the replaced version was, and on for a new pack. */
  enabled?: boolean;
  /** Set by a rollback (see `InstalledPack.heldBelow`); any other install clears the hold. */
  heldBelow?: string;
  /**
   * The version the caller read before deciding (rollback, sync): if another install has
   * replaced it meanwhile, this one is refused rather than undoing that one blindly.
   */
  replacing?: string | null;
}

export type InstallErrorCode = 'not-newer' | 'changed' | 'owner';

export class PackInstallError extends Error {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackInstallError';
  }
}

/** Who installed a pack, or who means to install one: its origin and, for a subscription, which. */
export type PackOwner = Pick<InstalledPack, 'origin' | 'sourceUrl' | 'sourceKey'>;

/**
 * Why `installer` may not replace the installed pack `installed`, as a sentence naming both,
 * or null when it may. One pack id, one owner: the bundled pack is replaced only by a bundled
 * version, a file import only by a file import, a subscription's pack only by the same
 * subscription URL, and, when a publisher key was pinned at install, only with that key (a
 * key pinned later is taken on, and binds from then on). A pack synced before the source URL
 * was recorded (schema < v5) is taken on by the first subscription that updates it. To install
 * a pack id from elsewhere, the reader removes the installed pack first (removal has undo).
 */
export function ownerConflict(
  packId: string,
  installed: PackOwner,
  installer: PackOwner,
): string | null {
  const sameOrigin = installed.origin === installer.origin;
  const sameUrl =
    installed.origin !== 'url' ||
    installed.sourceUrl === undefined ||
    installed.sourceUrl === installer.sourceUrl;
  const sameKey =
    installed.origin !== 'url' ||
    installed.sourceKey === undefined ||
    installed.sourceKey === installer.sourceKey;
  if (sameOrigin && sameUrl && sameKey) return null;
  const who =
    sameOrigin && sameUrl
      ? `${describeInstaller(installer)} ${installer.sourceKey ? 'with another publisher key' : 'without that publisher key'}`
      : describeInstaller(installer);
  return `"${packId}" is installed ${describeOwner(installed)}; ${who} may not replace it. Remove it first to install it from elsewhere.`;
}

function describeOwner(owner: PackOwner): string {
  if (owner.origin === 'bundled') return 'as the pack bundled with Fact Lens';
  if (owner.origin === 'file') return 'from a file';
  const key = owner.sourceKey ? ` with the publisher key ${shortKey(owner.sourceKey)} pinned` : '';
  return `from ${owner.sourceUrl ?? 'a subscription'}${key}`;
}

function describeInstaller(installer: PackOwner): string {
  if (installer.origin === 'bundled') return 'the bundled pack';
  if (installer.origin === 'file') return 'a file import';
  return installer.sourceUrl ?? 'a subscription';
}

/** `ed25519:AbCdEfGh…`: enough of a key to tell two apart in a sentence. */
function shortKey(key: string): string {
  return key.length > 20 ? `${key.slice(0, 16)}…` : key;
}

interface PackRows {
  pack: PackRow;
  sources: SourceRow[];
  propositions: PropositionRow[];
  entities: EntityRow[];
  factChunks: FactChunkRow[];
}

/** Splits a validated pack into table rows. Pure, so the transaction does nothing but write. */
export function packToRows(
  pack: FactPack,
  origin: PackOrigin,
  installedAt: number,
  enabled = true,
): PackRows {
  // `$schema` is editor tooling, not content.
  const { sources, propositions, entities, facts, $schema: _schema, ...meta } = pack;
  const packId = pack.id;
  const ordinals = factOrdinalsByEntity(facts);
  return {
    pack: {
      ...meta,
      origin,
      installedAt,
      enabled,
      languages: packLanguages(pack),
      counts: {
        sources: sources.length,
        propositions: propositions.length,
        entities: entities.length,
        aliases: entities.reduce((sum, entity) => sum + entity.aliases.length, 0),
        facts: facts.length,
      },
    },
    sources: sources.map((row) => ({ ...row, packId })),
    propositions: propositions.map((row) => ({ ...row, packId })),
    entities: entities.map((row) => ({ ...row, packId, factOrdinals: ordinals.get(row.id) ?? [] })),
    factChunks: chunkFacts(packId, facts),
  };
}

/**
 * Installs or replaces one pack in a single IndexedDB transaction: either every row
 * of the new version (with its document and change summary) is in place, or the previous
 * version is untouched. The pack must already be validated (`validatePack`).
 */
export async function installPack(
  db: PackDatabase,
  pack: FactPack,
  options: InstallOptions,
): Promise<InstalledPack> {
  const text = options.text ?? JSON.stringify(pack);
  return db.transaction('rw', db.contentTables, async () => {
    const installed = await db.packs.get(pack.id);
    const conflict = installed && ownerConflict(pack.id, installed, options);
    if (conflict) throw new PackInstallError('owner', conflict);
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
    if (options.replacing !== undefined && (installed?.version ?? null) !== options.replacing) {
      throw new PackInstallError(
        'changed',
        `pack "${pack.id}" changed while this install was prepared; try again`,
      );
    }
    const installedAt = options.now();
    const replaced = installed && (await installedDocument(db, installed));
    const enabled = options.enabled ?? installed?.enabled ?? true;
    const rows = packToRows(pack, options.origin, installedAt, enabled);
    if (options.sourceUrl !== undefined) rows.pack.sourceUrl = options.sourceUrl;
    if (options.sourceKey !== undefined) rows.pack.sourceKey = options.sourceKey;
    if (options.heldBelow !== undefined) rows.pack.heldBelow = options.heldBelow;
    await deleteRowsNotIn(db, pack.id, rows);
    // The rows are handed to IndexedDB first and the change summary (parsing the old version
    // and comparing: a good part of a second on a large pack) is worked out while it writes them.
    const added = Promise.all([
      db.sources.bulkPut(rows.sources),
      db.propositions.bulkPut(rows.propositions),
      db.entities.bulkPut(rows.entities),
      db.factChunks.bulkPut(rows.factChunks),
    ]);
    const previous = replaced ? parseKeptPack(replaced.document.text) : null;
    rows.pack.lastChange = summarizeChange(previous, pack, installedAt);
    await added;
    await db.packs.put(rows.pack);
    if (replaced && !replaced.kept && replaced.document.version !== pack.version) {
      // Installed before v5, so no document was kept: keep the one rebuilt from its rows,
      // or the first update after the upgrade could not be rolled back.
      await db.packDocuments.put(replaced.document);
    }
    await keepDocuments(
      db,
      pack.id,
      { packId: pack.id, version: pack.version, text, storedAt: installedAt },
      installed?.version,
    );
    return installedPackOf(rows.pack);
  });
}

/** Every row of one pack in a table keyed `[packId+…]`, as one key range. */
function rowsOfPack<T, K>(table: Table<T, [string, K]>, packId: string) {
  return table.where(':id').between([packId, Dexie.minKey], [packId, Dexie.maxKey], true, true);
}

/**
 * Removes every content row of one pack; call inside a transaction over `db.contentTables`.
 * Rows are keyed `[packId+…]`, so one key range per table covers the pack: IndexedDB deletes
 * it in one request, where going through the `packId` index deletes row by row.
 */
async function deletePackRows(db: PackDatabase, packId: string): Promise<void> {
  const content: Table[] = [db.sources, db.propositions, db.entities, db.factChunks];
  await Promise.all([
    ...content.map((table) => rowsOfPack(table, packId).delete()),
    db.packs.delete(packId),
  ]);
}

/**
 * Before an install writes its rows over the installed version's (same keys are overwritten),
 * deletes the installed rows the new version no longer has. Reads keys only. An update that
 * keeps most ids then writes each row once, instead of deleting the whole pack and adding it
 * back, which on a large pack was the slowest step of an update.
 */
async function deleteRowsNotIn(db: PackDatabase, packId: string, rows: PackRows): Promise<void> {
  const stale = async <K extends string | number>(
    table: Table<unknown, [string, K]>,
    keep: readonly K[],
  ) => {
    const kept = new Set<K>(keep);
    const keys = await rowsOfPack(table, packId).primaryKeys();
    await table.bulkDelete(keys.filter(([, id]) => !kept.has(id)));
  };
  const ids = (list: readonly { id: string }[]) => list.map((row) => row.id);
  await Promise.all([
    stale(db.sources, ids(rows.sources)),
    stale(db.propositions, ids(rows.propositions)),
    stale(db.entities, ids(rows.entities)),
    stale(
      db.factChunks,
      rows.factChunks.map((row) => row.n),
    ),
  ]);
}

/** What a removal took away: enough to put the pack back exactly (undo). */
export interface RemovedPack {
  pack: InstalledPack;
  /** The installed document, as `PackDocumentRow.text`. */
  text: string;
}

/**
 * Removes a pack, its content and its kept documents in one transaction. Answers what was
 * removed (for undo), or null when the pack was not installed.
 */
export async function removePack(db: PackDatabase, packId: string): Promise<RemovedPack | null> {
  return db.transaction('rw', db.contentTables, async () => {
    const row = await db.packs.get(packId);
    if (!row) return null;
    const text = await installedDocumentText(db, row);
    await deletePackRows(db, packId);
    await db.packDocuments.where('packId').equals(packId).delete();
    return { pack: installedPackOf(row), text };
  });
}
