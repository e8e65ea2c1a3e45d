import type { PackChangeSummary } from './pack';

/**
 * Why a sync failed, as recorded on the subscription and shown in the options page. Every
 * failure is one of these with a sentence a user can act on; anything unexpected is
 * `internal`, so a message always reaches the screen.
 */
export type SyncErrorCode =
  | 'permission'
  /** Plain http (other than localhost), or a redirect to anything but a granted https origin. */
  | 'insecure'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'not-text'
  | 'not-json'
  | 'invalid-index'
  | 'invalid-pack'
  | 'checksum'
  | 'unsigned'
  | 'signature'
  | 'not-newer'
  /** The pack id is installed from another origin (bundled, a file, another subscription). */
  | 'owned-elsewhere'
  /** The index is older than the last one accepted from this subscription. */
  | 'stale'
  | 'conflict'
  | 'storage'
  | 'internal';

/** A failed check as the subscription keeps it until the next success. */
export interface SyncErrorRecord {
  code: SyncErrorCode;
  message: string;
  at: number;
}

/**
 * A pack or index URL the user subscribed to, with what sync last saw of it: the
 * subscription's status as the options page shows it. It is the user's (it lives in the user
 * database), so no pack install, update, rollback or removal touches it.
 */
export interface Subscription {
  /** Absolute http(s) URL of a pack document or an index (lib/distribution/pack-index.ts). */
  url: string;
  /** `ed25519:<base64>` when the user pinned the publisher's key: every pack must be signed by it. */
  publicKey?: string;
  addedAt: number;
  /** The packs this URL delivered, by id. */
  packIds: string[];
  /**
   * Packs of this index the user removed while keeping the subscription for the others: sync
   * leaves them out (instead of installing them straight back) until one is restored.
   */
  declinedPackIds?: string[];
  /** Validators of the last good response, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: number;
  /** The last check that succeeded: an index or pack read and every pack handled, or a 304. */
  lastSuccessAt?: number;
  /**
   * The `generatedAt` of the last index accepted from this URL (ISO 8601): an index generated
   * before it is a replayed or rolled-back feed, refused as `stale`.
   */
  indexGeneratedAt?: string;
  /** Set when the last attempt failed; cleared by the next success. */
  lastError?: SyncErrorRecord;
  /** Failures in a row; drives the backoff. */
  failures: number;
  /** When the next scheduled check is due (epoch ms). */
  nextCheckAt: number;
}

/** What one check did with one pack the subscription offers. */
export type PackOutcome =
  | {
      packId: string;
      outcome: 'installed';
      version: string;
      title: string;
      change?: PackChangeSummary;
    }
  | { packId: string; outcome: 'up-to-date' | 'held' | 'declined'; version: string }
  | { packId: string; outcome: 'failed'; error: { code: SyncErrorCode; message: string } };

/** What one check of one subscription did. */
export interface SyncReport {
  url: string;
  /** `not-modified`: the server said 304; `checked`: fetched, every pack handled; `failed`. */
  outcome: 'not-modified' | 'checked' | 'failed';
  packs: PackOutcome[];
  /** The first failure, as recorded on the subscription. */
  error?: { code: SyncErrorCode; message: string };
}
