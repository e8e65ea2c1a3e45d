/**
 * The closed vocabularies of the pack format: kinds of source and entity, fact statuses and
 * alias case rules. Plain constants without Zod, so the content script (which needs the
 * entity kinds to decode a matcher) does not evaluate the schema library; schema.ts builds
 * its enums from them.
 */

export const SOURCE_KINDS = [
  'news-report',
  'official-announcement',
  'disclosed-figures',
  'third-party-data',
  'research',
  'other',
] as const;

export const ENTITY_KINDS = [
  'person',
  'company',
  'organization',
  'team',
  'product',
  'model',
  'concept',
] as const;

export const FACT_STATUSES = [
  'unnamed-sources',
  'official',
  'disclosed',
  'third-party-data',
  'target',
  'opinion',
] as const;

export const ALIAS_CASE_RULES = ['insensitive', 'sensitive'] as const;

/**
 * What an entity is to its pack (issue 18): one of the things the pack is about, or one it
 * names only because the story needs it (a rival, a supplier, an outlet). Context entities
 * are marked only where a page is about the pack (lib/engine/page/nearness.ts).
 */
export const ENTITY_ROLES = ['subject', 'context'] as const;
