/**
 * One entity of one installed pack. Ids are unique only within a pack, so an entity is named
 * by both: the same id in two packs is two entities.
 */
export interface EntityRef {
  packId: string;
  entityId: string;
}

/**
 * `packId/entityId`: the one string key of an entity, wherever entities are compared or
 * stored as strings: painted mentions, the muted entities of a site rule (kept in the user
 * database), the card cache. A mute applies only while every side builds the same key, so
 * build it here and nowhere else. Pack and entity ids are slugs (no `/`), so the key is never
 * ambiguous.
 */
export function entityKey(packId: string, entityId: string): string {
  return `${packId}/${entityId}`;
}

/** `entityKey` of anything that names its pack and entity (an `EntityRef`, an alias). */
export function entityKeyOf(ref: EntityRef): string {
  return entityKey(ref.packId, ref.entityId);
}
