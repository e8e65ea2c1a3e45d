import compareVersions from 'semver/functions/compare';
import type { InstalledPack } from '../domain/pack';
import type { PackOutcome, Subscription, SyncErrorCode, SyncReport } from '../domain/subscription';
import { sha256Hex } from '../distribution/digest';
import {
  looksLikeIndex,
  packIndexSchema,
  resolveIndexUrl,
  type PackIndexEntry,
} from '../distribution/pack-index';
import { verifySignature } from '../distribution/signature';
import { PACK_LIMITS } from '../pack/limits';
import { packTitle } from '../pack/localized';
import type { FactPack } from '../pack/schema';
import { describeIssues, validatePack } from '../pack/validate';
import {
  installPack,
  ownerConflict,
  PackInstallError,
  type InstallErrorCode,
  type PackOwner,
} from '../store/install';
import type { PackDatabase } from '../store/pack-database';
import { installedPack } from '../store/queries';
import type { UserDatabase } from '../store/user-database';
import { decodeText, download, type DownloadEnvironment } from './download';
import { SyncError, toSyncError } from './errors';
import { nextCheckAfterFailure, nextCheckAfterSuccess } from './schedule';

/** Everything a sync touches, injected: databases, network, clock, randomness. */
export interface SyncEnvironment extends DownloadEnvironment {
  packDb: PackDatabase;
  userDb: UserDatabase;
  now: () => number;
  random: () => number;
  /** Whether the extension may fetch from this URL's origin (optional host permission). */
  mayFetch?: (url: string) => Promise<boolean>;
}

/** Size caps, beyond which a download is cut off. */
export const SYNC_LIMITS = {
  indexBytes: 1024 * 1024,
  signatureBytes: 4096,
  packBytes: PACK_LIMITS.documentBytes,
  timeoutMs: 30_000,
} as const;

/** A pack body that passed every check, ready for one install transaction. */
interface VerifiedPack {
  pack: FactPack;
  text: string;
}

/**
 * The check of each subscription running now, by database and URL. Browser start, the alarm
 * and "Sync now" can ask at once; whoever asks while a check runs gets that check's report
 * instead of starting a second one, which would download again and, losing the install race,
 * record a failure and a backoff over the first one's success. All syncs run in the background
 * service worker, one JavaScript realm, so a map in memory is the whole lock (Web Locks would
 * queue the second check to run again afterwards, and Node has no `navigator.locks` for tests).
 */
const running = new Map<string, Promise<SyncReport>>();

/**
 * Checks one subscription and installs what it offers that is newer. Each pack is verified
 * (size, SHA-256 from the index, the pinned key's signature, schema, version, owner) before
 * one transaction swaps it in; any failure leaves the installed version untouched and is
 * recorded on the subscription, with backoff. Never throws for a sync failure: the report
 * says what happened. One check per subscription at a time: a call while one runs shares it.
 */
export function syncSubscription(env: SyncEnvironment, url: string): Promise<SyncReport> {
  const key = `${env.userDb.name}\n${url}`;
  const current = running.get(key);
  if (current) return current;
  const check = checkSubscription(env, url).finally(() => running.delete(key));
  running.set(key, check);
  return check;
}

async function checkSubscription(env: SyncEnvironment, url: string): Promise<SyncReport> {
  const subscription = await env.userDb.subscriptions.get(url);
  if (!subscription) {
    return failedReport(url, new SyncError('internal', `not subscribed to ${url}`));
  }
  const packs: PackOutcome[] = [];
  try {
    await requireAccess(env, url, 'this subscription is at');
    const fetched = await download(env, {
      url,
      maxBytes: SYNC_LIMITS.packBytes,
      etag: subscription.etag,
      lastModified: subscription.lastModified,
      what: 'the subscription',
      // An index is cut off at its own limit while it downloads, not after 64 MiB.
      indexBytes: SYNC_LIMITS.indexBytes,
    });
    if (fetched.kind === 'not-modified') {
      await recordSuccess(env, subscription, {});
      return { url, outcome: 'not-modified', packs };
    }
    const text = decodeText(fetched.bytes, 'the subscription');
    const value = parseJson(text, 'the subscription');
    let generatedAt: string | undefined;
    if (looksLikeIndex(value)) {
      if (fetched.bytes.byteLength > SYNC_LIMITS.indexBytes) {
        throw new SyncError('too-large', `the index is over ${SYNC_LIMITS.indexBytes} bytes`);
      }
      const index = parseIndex(value);
      generatedAt = requireFresh(env, subscription, index.generatedAt);
      for (const entry of index.packs) {
        if (subscription.declinedPackIds?.includes(entry.id)) {
          packs.push({ packId: entry.id, outcome: 'declined', version: entry.version });
          continue;
        }
        packs.push(await settle(entry.id, () => syncIndexEntry(env, subscription, entry)));
      }
    } else {
      const single = async () => {
        const verified = await verifyPack(env, subscription, {
          bytes: fetched.bytes,
          text,
          value,
          signatureUrl: `${url}.sig`,
        });
        return installVerified(env, subscription, verified);
      };
      packs.push(await settle(packIdOf(value), single));
    }
    const firstFailure = packs.find((pack) => pack.outcome === 'failed');
    if (firstFailure?.outcome === 'failed') {
      // The validators are not kept: the next check must fetch again to retry the pack.
      await recordFailure(env, subscription, firstFailure.error, packs);
      return { url, outcome: 'failed', packs, error: firstFailure.error };
    }
    await recordSuccess(env, subscription, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      packIds: packs.map((pack) => pack.packId),
      generatedAt,
    });
    return { url, outcome: 'checked', packs };
  } catch (caught) {
    const error = toSyncError(caught);
    const recorded = { code: error.code, message: error.message };
    await recordFailure(env, subscription, recorded, packs);
    return { url, outcome: 'failed', packs, error: recorded };
  }
}

/** Whether a sync installed anything, so open tabs must match again. */
export function installedAny(reports: readonly SyncReport[]): boolean {
  return reports.some((report) => report.packs.some((pack) => pack.outcome === 'installed'));
}

/** Every subscription whose check is due, one after another (alarms and browser start). */
export async function syncDue(env: SyncEnvironment): Promise<SyncReport[]> {
  const now = env.now();
  const due = await env.userDb.subscriptions.filter((row) => row.nextCheckAt <= now).toArray();
  const reports: SyncReport[] = [];
  for (const subscription of due) reports.push(await syncSubscription(env, subscription.url));
  return reports;
}

/**
 * Refuses, with a readable reason, a URL whose origin the user did not grant. The grant is
 * asked for when subscribing (the index's origin); an index may list packs elsewhere.
 */
async function requireAccess(env: SyncEnvironment, url: string, where: string): Promise<void> {
  if (!env.mayFetch || (await env.mayFetch(url))) return;
  throw new SyncError(
    'permission',
    `${where} ${new URL(url).origin}, which Fact Lens has no permission to read; remove the subscription and add it again to grant it`,
  );
}

/** How far ahead of our clock an index may say it was generated (clock skew). */
const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses an index generated before the last one accepted from this subscription (a replayed
 * or rolled-back feed, which would hide updates), and one dated more than a day ahead (which
 * would make every genuine index after it look stale). Answers the `generatedAt` to record.
 */
function requireFresh(env: SyncEnvironment, subscription: Subscription, generatedAt: string) {
  const at = Date.parse(generatedAt);
  if (at > env.now() + FUTURE_SKEW_MS) {
    throw new SyncError(
      'invalid-index',
      `the index says it was generated at ${generatedAt}, more than a day from now`,
    );
  }
  const accepted = subscription.indexGeneratedAt;
  if (accepted !== undefined && at < Date.parse(accepted)) {
    throw new SyncError(
      'stale',
      `the server sent an index generated at ${generatedAt}, older than the one already accepted (${accepted}): a stale feed; the installed packs were kept`,
    );
  }
  return generatedAt;
}

/** The subscription as the owner of the packs it installs (`ownerConflict`). */
function ownerOf(subscription: Subscription): PackOwner {
  return { origin: 'url', sourceUrl: subscription.url, sourceKey: subscription.publicKey };
}

/** Refuses, before anything is downloaded, a pack id installed from another origin. */
function requireOwner(subscription: Subscription, packId: string, installed?: InstalledPack) {
  const conflict = installed && ownerConflict(packId, installed, ownerOf(subscription));
  if (conflict) throw new SyncError('owned-elsewhere', conflict);
}

async function settle(packId: string, run: () => Promise<PackOutcome>): Promise<PackOutcome> {
  try {
    return await run();
  } catch (caught) {
    const error = toSyncError(caught);
    return { packId, outcome: 'failed', error: { code: error.code, message: error.message } };
  }
}

async function syncIndexEntry(
  env: SyncEnvironment,
  subscription: Subscription,
  entry: PackIndexEntry,
): Promise<PackOutcome> {
  const installed = await installedPack(env.packDb, entry.id);
  requireOwner(subscription, entry.id, installed);
  const skip = skipReason(installed, entry.version);
  if (skip)
    return { packId: entry.id, outcome: skip, version: installed?.version ?? entry.version };
  if (installed && compareVersions(entry.version, installed.version) < 0) {
    throw new SyncError(
      'not-newer',
      `the server offers "${entry.id}" ${entry.version}, older than the installed ${installed.version}`,
    );
  }
  const packUrl = resolveOrRefuse(subscription.url, entry.url);
  await requireAccess(env, packUrl, `the index lists "${entry.id}" at`);
  const fetched = await download(env, {
    url: packUrl,
    maxBytes: Math.min(entry.size, SYNC_LIMITS.packBytes),
    what: `pack "${entry.id}"`,
  });
  if (fetched.kind === 'not-modified') {
    throw new SyncError(
      'http',
      `the server answered 304 for pack "${entry.id}" without being asked`,
    );
  }
  const digest = await sha256Hex(fetched.bytes);
  if (digest !== entry.sha256) {
    throw new SyncError(
      'checksum',
      `pack "${entry.id}" does not match the index's SHA-256 (got ${digest.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…)`,
    );
  }
  const text = decodeText(fetched.bytes, `pack "${entry.id}"`);
  const verified = await verifyPack(env, subscription, {
    bytes: fetched.bytes,
    text,
    value: parseJson(text, `pack "${entry.id}"`),
    signatureUrl: resolveOrRefuse(subscription.url, entry.signatureUrl ?? `${entry.url}.sig`),
  });
  if (verified.pack.id !== entry.id || verified.pack.version !== entry.version) {
    throw new SyncError(
      'invalid-index',
      `the index lists ${entry.id} ${entry.version} but the file holds ${verified.pack.id} ${verified.pack.version}`,
    );
  }
  return installVerified(env, subscription, verified);
}

/**
 * Why an offered version is not installed: the same as installed (`up-to-date`), or at or
 * below a version the user rolled back from (`held`). An older version than the installed
 * one is not skipped quietly: it is refused as `not-newer` by the install.
 */
function skipReason(
  installed: InstalledPack | undefined,
  offered: string,
): 'up-to-date' | 'held' | null {
  if (!installed) return null;
  if (installed.heldBelow && compareVersions(offered, installed.heldBelow) <= 0) return 'held';
  if (compareVersions(offered, installed.version) === 0) return 'up-to-date';
  return null;
}

/** Signature (when a key is pinned), then schema. The bytes are what the publisher signed. */
async function verifyPack(
  env: SyncEnvironment,
  subscription: Subscription,
  body: { bytes: Uint8Array; text: string; value: unknown; signatureUrl: string },
): Promise<VerifiedPack> {
  if (subscription.publicKey) {
    const signature = await download(env, {
      url: body.signatureUrl,
      maxBytes: SYNC_LIMITS.signatureBytes,
      what: 'the signature',
    }).catch((error: unknown) => {
      const cause = toSyncError(error);
      throw new SyncError(
        'unsigned',
        `a publisher key is pinned but no signature could be read from ${body.signatureUrl} (${cause.message})`,
      );
    });
    if (signature.kind !== 'body') {
      throw new SyncError('unsigned', `no signature at ${body.signatureUrl}`);
    }
    const signatureText = decodeText(signature.bytes, 'the signature');
    if (!(await verifySignature(subscription.publicKey, body.bytes, signatureText))) {
      throw new SyncError(
        'signature',
        'the signature does not match the pinned publisher key: the pack was not installed',
      );
    }
  }
  const validation = validatePack(body.value);
  if (!validation.ok) {
    throw new SyncError(
      'invalid-pack',
      `the pack is invalid: ${describeIssues(validation.issues, 3).replaceAll('\n', '; ')}`,
    );
  }
  return { pack: validation.pack, text: body.text };
}

async function installVerified(
  env: SyncEnvironment,
  subscription: Subscription,
  { pack, text }: VerifiedPack,
): Promise<PackOutcome> {
  const installed = await installedPack(env.packDb, pack.id);
  requireOwner(subscription, pack.id, installed);
  const skip = skipReason(installed, pack.version);
  if (skip) return { packId: pack.id, outcome: skip, version: installed?.version ?? pack.version };
  try {
    const row = await installPack(env.packDb, pack, {
      ...ownerOf(subscription),
      text,
      now: env.now,
      replacing: installed?.version ?? null,
    });
    return {
      packId: pack.id,
      outcome: 'installed',
      version: row.version,
      title: packTitle(row),
      change: row.lastChange,
    };
  } catch (error) {
    if (error instanceof PackInstallError) {
      // 'changed': another install (a rollback, a file import) came first; 'owner': the pack
      // id went to another origin meanwhile.
      const code: Record<InstallErrorCode, SyncErrorCode> = {
        changed: 'conflict',
        owner: 'owned-elsewhere',
        'not-newer': 'not-newer',
      };
      throw new SyncError(code[error.code], error.message);
    }
    // Dexie appends the inner error to its message on a new line; the first line says it all.
    const reason =
      error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    throw new SyncError('storage', `pack "${pack.id}" could not be saved (${reason})`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncError('not-json', `${what} is not valid JSON (${reason})`);
  }
}

function parseIndex(value: unknown) {
  const parsed = packIndexSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `$.${issue.path.join('.')}: ${issue.message}` : 'unknown problem';
  throw new SyncError('invalid-index', `the index is invalid (${where})`);
}

function resolveOrRefuse(base: string, relative: string): string {
  try {
    return resolveIndexUrl(base, relative);
  } catch (error) {
    throw new SyncError('invalid-index', error instanceof Error ? error.message : String(error));
  }
}

/** A pack id to report a single-document failure under, before the document is validated. */
function packIdOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 64) : '(unknown pack)';
}

/** The packs a subscription has delivered, with `more`: each once, sorted. */
function withPackIds(subscription: Subscription, more: readonly string[]): string[] {
  return [...new Set([...subscription.packIds, ...more])].sort();
}

async function recordSuccess(
  env: SyncEnvironment,
  subscription: Subscription,
  seen: { etag?: string; lastModified?: string; packIds?: string[]; generatedAt?: string },
): Promise<void> {
  const now = env.now();
  const changes: Partial<Subscription> = {
    lastCheckedAt: now,
    lastSuccessAt: now,
    lastError: undefined,
    failures: 0,
    nextCheckAt: nextCheckAfterSuccess(now, env.random),
  };
  if (seen.packIds) {
    // A new body replaces the validators: a missing header must not leave a stale one.
    changes.etag = seen.etag;
    changes.lastModified = seen.lastModified;
    changes.packIds = withPackIds(subscription, seen.packIds);
  }
  if (seen.generatedAt !== undefined) changes.indexGeneratedAt = seen.generatedAt;
  await env.userDb.subscriptions.update(subscription.url, changes);
}

async function recordFailure(
  env: SyncEnvironment,
  subscription: Subscription,
  error: { code: SyncErrorCode; message: string },
  packs: PackOutcome[],
): Promise<void> {
  const now = env.now();
  const failures = subscription.failures + 1;
  const delivered = packs.filter((pack) => pack.outcome !== 'failed').map((pack) => pack.packId);
  await env.userDb.subscriptions.update(subscription.url, {
    lastCheckedAt: now,
    lastError: { ...error, at: now },
    failures,
    nextCheckAt: nextCheckAfterFailure(now, failures),
    packIds: withPackIds(subscription, delivered),
  });
}

function failedReport(url: string, error: SyncError): SyncReport {
  return { url, outcome: 'failed', packs: [], error: { code: error.code, message: error.message } };
}
