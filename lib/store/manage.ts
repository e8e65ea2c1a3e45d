import compareVersions from 'semver/functions/compare';
import type { InstalledPack } from '../domain/pack';
import { describeIssues, validatePackText } from '../pack/validate';
import { previousDocument } from './kept-documents';
import { installPack } from './install';
import type { PackDatabase } from './pack-database';
import { installedPackOf } from './queries';

/**
 * Pack management beyond install and removal: switching a pack on or off and rolling back
 * to the kept earlier version. Each is one transaction, or refused with nothing written.
 */

export class PackManageError extends Error {
  constructor(
    readonly code: 'not-found' | 'no-previous' | 'invalid-pack',
    message: string,
  ) {
    super(message);
    this.name = 'PackManageError';
  }
}

/** Turns a pack on or off (off: installed, but not matched on pages). */
export async function setPackEnabled(
  db: PackDatabase,
  packId: string,
  enabled: boolean,
): Promise<InstalledPack> {
  return db.transaction('rw', db.packs, async () => {
    const row = await db.packs.get(packId);
    if (!row) throw new PackManageError('not-found', `pack "${packId}" is not installed`);
    if (row.enabled !== enabled) await db.packs.update(packId, { enabled });
    return installedPackOf({ ...row, enabled });
  });
}

/**
 * Installs the kept earlier version in place of the current one (and keeps the current one,
 * so the rollback can itself be rolled back). Going back to an older version holds sync
 * below the version left, so the next check does not undo the user's choice. Refused with
 * `PackManageError`, or `PackInstallError` 'changed' when another install replaced the pack
 * after it was read.
 */
export async function rollbackPack(
  db: PackDatabase,
  packId: string,
  now: () => number,
): Promise<InstalledPack> {
  const { installed, previous } = await db.transaction(
    'r',
    db.packs,
    db.packDocuments,
    async () => {
      const row = await db.packs.get(packId);
      return { installed: row, previous: row && (await previousDocument(db, row)) };
    },
  );
  if (!installed) throw new PackManageError('not-found', `pack "${packId}" is not installed`);
  if (!previous) {
    throw new PackManageError('no-previous', `no earlier version of "${packId}" is kept`);
  }
  const validation = validatePackText(previous.text);
  if (!validation.ok) {
    throw new PackManageError(
      'invalid-pack',
      `the kept version ${previous.version} no longer validates: ${describeIssues(validation.issues, 1)}`,
    );
  }
  if (validation.pack.id !== packId || validation.pack.version !== previous.version) {
    throw new PackManageError(
      'invalid-pack',
      `the document kept as "${packId}" ${previous.version} holds "${validation.pack.id}" ${validation.pack.version}`,
    );
  }
  const goingBack = compareVersions(installed.version, previous.version) > 0;
  // An install in between is refused as PackInstallError 'changed': a conflict, not a bad pack.
  return installPack(db, validation.pack, {
    origin: installed.origin,
    sourceUrl: installed.sourceUrl,
    sourceKey: installed.sourceKey,
    text: previous.text,
    now,
    allowNotNewer: true,
    replacing: installed.version,
    heldBelow: goingBack ? installed.version : undefined,
  });
}
