import { z } from 'zod';
import { PACK_LIMITS } from '../pack/limits';
import { idSchema } from '../pack/schema';
import type { CompiledMatcher } from '../engine/types';
import type { EntityCard, EntityRef } from '../cards/card-data';
import type { PackRow } from '../store/rows';

/**
 * The one message protocol between the background and everything else.
 * Each request names its payload schema (checked by the receiver, never trusted)
 * and who may send it. Every reply is a `Reply`: handlers never throw across the wire.
 */

export type ErrorCode =
  'invalid-request' | 'forbidden' | 'invalid-pack' | 'not-newer' | 'not-found' | 'internal';

export interface ReplyError {
  code: ErrorCode;
  /** One readable sentence for the user interface. */
  message: string;
  /** Itemised detail, e.g. one line per pack problem with its JSON path. */
  details?: string[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export interface FactLensProtocol {
  /** Installed packs with their metadata and row counts. Anyone may read. */
  listPacks(): Reply<PackRow[]>;
  /** The compiled matcher over every alias of the enabled packs. Anyone may read. */
  getMatcher(): Reply<CompiledMatcher>;
  /** What a hover card shows about one entity; `null` if it is not installed. Anyone may read. */
  getEntityCard(data: EntityRef): Reply<EntityCard | null>;
  /** Validates and installs a pack document (JSON text). Extension pages only. */
  installPack(data: { text: string; allowNotNewer?: boolean }): Reply<PackRow>;
  /** Removes one pack and all its content. Extension pages only. */
  removePack(data: { packId: string }): Reply<{ removed: boolean }>;
}

export type MessageType = keyof FactLensProtocol;

/** `read`: content scripts and extension pages. `manage`: extension pages only. */
export type Access = 'read' | 'manage';

export const MESSAGES = {
  listPacks: { access: 'read', payload: z.undefined() },
  getMatcher: { access: 'read', payload: z.undefined() },
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
  removePack: { access: 'manage', payload: z.strictObject({ packId: idSchema }) },
} as const satisfies Record<MessageType, { access: Access; payload: z.ZodType }>;

export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[];

export type Payload<T extends MessageType> = Parameters<FactLensProtocol[T]>[0];
export type ReplyValue<T extends MessageType> =
  ReturnType<FactLensProtocol[T]> extends Reply<infer V> ? V : never;
