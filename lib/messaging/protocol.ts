import { z } from 'zod';
import { PACK_LIMITS } from '../pack/limits';
import { idSchema } from '../pack/schema';
import type { CompiledMatcher } from '../engine/types';
import { REMOTE_SCAN_MAX_CHARS, type RemoteScan } from '../engine/remote-scan';
import type { EntityCard } from '../domain/card';
import type { EntityRef } from '../domain/entity';
import type { InstalledPack, ListedPack, PackOrigin } from '../domain/pack';
import type { SiteRule } from '../domain/site-rule';
import type { Subscription, SyncReport } from '../domain/subscription';
import { hostSchema } from '../site/host-schema';

/**
 * The one message protocol between the background and everything else.
 * Each request names its payload schema (checked by the receiver, never trusted)
 * and who may send it. Every reply is a `Reply`: handlers never throw across the wire.
 */

export type ErrorCode =
  | 'invalid-request'
  | 'forbidden'
  | 'invalid-pack'
  | 'not-newer'
  | 'not-found'
  | 'conflict'
  | 'internal';

export interface ReplyError {
  code: ErrorCode;
  /** One readable sentence for the user interface. */
  message: string;
  /** Itemised detail, e.g. one line per pack problem with its JSON path. */
  details?: string[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** What puts a removed pack back (undo): its document, where it came from, its subscription. */
export interface RestorePackRequest {
  text: string;
  origin: PackOrigin;
  sourceUrl?: string;
  enabled: boolean;
  /** The subscription removed with the pack, re-added as new (its sync history is not kept). */
  subscription?: { url: string; publicKey?: string };
}

export interface FactLensProtocol {
  /** Installed packs with their metadata, row counts and rollback version. Anyone may read. */
  listPacks(): Reply<ListedPack[]>;
  /** The compiled matcher over every alias of the enabled packs. Anyone may read. */
  getMatcher(): Reply<CompiledMatcher>;
  /**
   * Matches the texts of a small document with the matcher the background keeps decoded, so
   * the page need not receive and decode it (lib/engine/remote-scan.ts). Anyone may read.
   */
  matchTexts(data: { texts: string[] }): Reply<RemoteScan>;
  /** What a hover card shows about one entity; `null` if it is not installed. Anyone may read. */
  getEntityCard(data: EntityRef): Reply<EntityCard | null>;
  /** Validates and installs a pack document (JSON text). Extension pages only. */
  installPack(data: { text: string; allowNotNewer?: boolean }): Reply<InstalledPack>;
  /**
   * Removes one pack and all its content, and its subscription when that delivered nothing
   * else. Answers what undo needs. Extension pages only.
   */
  removePack(data: { packId: string }): Reply<{ removed: boolean; undo?: RestorePackRequest }>;
  /** Undoes a removal. Extension pages only. */
  restorePack(data: RestorePackRequest): Reply<InstalledPack>;
  /** Switches a pack on or off everywhere. Extension pages only. */
  setPackEnabled(data: { packId: string; enabled: boolean }): Reply<InstalledPack>;
  /** Reinstalls the kept earlier version of a pack. Extension pages only. */
  rollbackPack(data: { packId: string }): Reply<InstalledPack>;
  /** The installed document of a pack, to save as a file. Extension pages only. */
  exportPack(data: { packId: string }): Reply<{ fileName: string; text: string }>;
  /** Installs the pack bundled with the extension again. Extension pages only. */
  restoreSeedPack(): Reply<InstalledPack>;
  /**
   * The reader's settings, subscriptions and site mutes as one JSON file
   * (lib/background/settings-file.ts). Extension pages only.
   */
  exportSettings(): Reply<{ fileName: string; text: string }>;
  /**
   * Imports such a file: validated whole, refused whole (`invalid-request`) when malformed.
   * Answers the subscriptions it added, which are synced at once. Extension pages only.
   */
  importSettings(data: {
    text: string;
  }): Reply<{ subscriptionsAdded: string[]; siteRules: number }>;
  /** Pack subscriptions with their sync status. Extension pages only. */
  listSubscriptions(): Reply<Subscription[]>;
  /**
   * Subscribes to a pack or index URL (optionally pinning the publisher's key) and syncs it
   * at once. Extension pages only; the page asks for host permission first.
   */
  addSubscription(data: {
    url: string;
    publicKey?: string;
  }): Reply<{ subscription: Subscription; report: SyncReport }>;
  /** Stops syncing a URL; installed packs stay. Extension pages only. */
  removeSubscription(data: { url: string }): Reply<{ removed: boolean }>;
  /** Checks one subscription, or all of them, now. Extension pages only. */
  syncNow(data: { url?: string }): Reply<SyncReport[]>;
  /**
   * The user's rule for a site (the default rule if none). Anyone may read; a content
   * script always gets its own page's site, whatever `host` says.
   */
  getSiteRule(data: { host: string }): Reply<SiteRule>;
  /**
   * Mutes or unmutes one entity on a site and answers the rule now in force. User data:
   * content scripts and extension pages; a content script always changes its own page's site.
   */
  setEntityMuted(data: EntityRef & { host: string; muted: boolean }): Reply<SiteRule>;
  /**
   * Opens the popup's search in a tab, for `query` (the card's "Search"): a content script
   * cannot open extension pages itself. Writes nothing. Anyone may ask.
   */
  openSearch(data: { query: string }): Reply<{ opened: true }>;
}

export type MessageType = keyof FactLensProtocol;

/**
 * Who may send a request, and what its handler may do. Senders from another extension (or
 * none) are refused everything.
 *
 * - `read`: our content scripts and our extension pages. The handler only reads.
 * - `user`: our content scripts and our extension pages. The handler writes the user's own
 *   preferences (the `fact-lens-user` database) and nothing else: never packs. A content
 *   script runs next to an untrusted page, so whatever it can do must stay small and the
 *   user's own; the handlers are built without a handle to the packs database.
 * - `manage`: our extension pages only (popup, options). Installs, removes, syncs packs.
 */
export type Access = 'read' | 'user' | 'manage';

/** Checked for real by lib/sync/subscriptions.ts; here only bounded. */
const subscriptionUrlSchema = z.string().min(1).max(2048);
/** A settings file (lib/background/settings-file.ts) is small; 4 MiB is far more than enough. */
const SETTINGS_FILE_MAX_CHARS = 4 * 1024 * 1024;
const publicKeySchema = z.string().max(200);

export const MESSAGES = {
  listPacks: { access: 'read', payload: z.undefined() },
  getMatcher: { access: 'read', payload: z.undefined() },
  matchTexts: {
    access: 'read',
    payload: z.strictObject({
      texts: z
        .array(z.string())
        .refine(
          (texts) => texts.reduce((sum, text) => sum + text.length, 0) <= REMOTE_SCAN_MAX_CHARS,
          `at most ${REMOTE_SCAN_MAX_CHARS} characters of text`,
        ),
    }),
  },
  getEntityCard: {
    access: 'read',
    payload: z.strictObject({ packId: idSchema, entityId: idSchema }),
  },
  installPack: {
    access: 'manage',
    payload: z.strictObject({
      // Twice the byte limit in UTF-16 units is a cheap upper bound; the exact byte
      // limit is checked by validatePackText.
      text: z.string().max(PACK_LIMITS.documentBytes),
      allowNotNewer: z.boolean().optional(),
    }),
  },
  openSearch: {
    access: 'read',
    payload: z.strictObject({ query: z.string().max(200) }),
  },
  removePack: { access: 'manage', payload: z.strictObject({ packId: idSchema }) },
  restorePack: {
    access: 'manage',
    payload: z.strictObject({
      text: z.string().max(PACK_LIMITS.documentBytes),
      origin: z.enum(['bundled', 'file', 'url']),
      sourceUrl: subscriptionUrlSchema.optional(),
      enabled: z.boolean(),
      subscription: z
        .strictObject({ url: subscriptionUrlSchema, publicKey: publicKeySchema.optional() })
        .optional(),
    }),
  },
  setPackEnabled: {
    access: 'manage',
    payload: z.strictObject({ packId: idSchema, enabled: z.boolean() }),
  },
  rollbackPack: { access: 'manage', payload: z.strictObject({ packId: idSchema }) },
  exportPack: { access: 'manage', payload: z.strictObject({ packId: idSchema }) },
  restoreSeedPack: { access: 'manage', payload: z.undefined() },
  exportSettings: { access: 'manage', payload: z.undefined() },
  importSettings: {
    access: 'manage',
    payload: z.strictObject({ text: z.string().max(SETTINGS_FILE_MAX_CHARS) }),
  },
  listSubscriptions: { access: 'manage', payload: z.undefined() },
  addSubscription: {
    access: 'manage',
    payload: z.strictObject({
      url: subscriptionUrlSchema,
      publicKey: publicKeySchema.optional(),
    }),
  },
  removeSubscription: { access: 'manage', payload: z.strictObject({ url: subscriptionUrlSchema }) },
  syncNow: { access: 'manage', payload: z.strictObject({ url: subscriptionUrlSchema.optional() }) },
  getSiteRule: { access: 'read', payload: z.strictObject({ host: hostSchema }) },
  setEntityMuted: {
    access: 'user',
    payload: z.strictObject({
      host: hostSchema,
      packId: idSchema,
      entityId: idSchema,
      muted: z.boolean(),
    }),
  },
} as const satisfies Record<MessageType, { access: Access; payload: z.ZodType }>;

export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[];

/** The requests of one access level, e.g. `MessagesWithAccess<'user'>`. */
export type MessagesWithAccess<A extends Access> = {
  [T in MessageType]: (typeof MESSAGES)[T]['access'] extends A ? T : never;
}[MessageType];

export type Payload<T extends MessageType> = Parameters<FactLensProtocol[T]>[0];
export type ReplyValue<T extends MessageType> =
  ReturnType<FactLensProtocol[T]> extends Reply<infer V> ? V : never;
