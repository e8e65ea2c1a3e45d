import type { EntityKind } from '../../pack/schema';
import type { Mention } from './mentions';

/** One entity found on the page, for the popup's "On this page". */
export interface PageEntity {
  /** `packId/entityId`. */
  entityKey: string;
  packId: string;
  entityId: string;
  kind: EntityKind;
  /** The text of its first mention, as written on the page. */
  firstText: string;
  /** Painted mentions of it on this page (this frame). */
  count: number;
}

/** Entities of painted mentions, ordered by first appearance; `mentions` in reading order. */
export function summarizeMentions(mentions: readonly Mention[]): PageEntity[] {
  const byKey = new Map<string, PageEntity>();
  for (const mention of mentions) {
    const known = byKey.get(mention.entityKey);
    if (known) {
      known.count++;
      continue;
    }
    byKey.set(mention.entityKey, {
      entityKey: mention.entityKey,
      packId: mention.alias.packId,
      entityId: mention.alias.entityId,
      kind: mention.alias.entityKind,
      firstText: mention.segment.text.slice(mention.start, mention.end),
      count: 1,
    });
  }
  return [...byKey.values()];
}

/** The `occurrence`-th mention of an entity (wrapping around), in reading order. */
export function nthMentionOf(
  mentions: readonly Mention[],
  entityKey: string,
  occurrence: number,
): Mention | null {
  const ofEntity = mentions.filter((mention) => mention.entityKey === entityKey);
  if (ofEntity.length === 0) return null;
  const index = ((occurrence % ofEntity.length) + ofEntity.length) % ofEntity.length;
  return ofEntity[index] ?? null;
}
