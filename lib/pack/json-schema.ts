import { z } from 'zod';
import { PACK_LIMITS } from './limits';
import { packShapeSchema } from './schema';

/**
 * Stable identifier of the published schema. A URN rather than a web address, because
 * Fact Lens does not host the schema anywhere; authors point `$schema` at the copy in
 * `seeds/fact-pack.schema.json` (or wherever they keep one).
 */
export const PACK_JSON_SCHEMA_ID = 'urn:fact-lens:fact-pack:format-2';

const DESCRIPTION = [
  'A Fact Lens fact pack, format 1 or 2: sources, propositions, entities with the aliases',
  'that recognise them on web pages, and facts that quote their sources.',
  'In format 2, names, summaries, titles, whyNamed lines and claims may be given per',
  'language ({ "en": …, "zh-CN": … }, keys canonical BCP 47 tags as Intl.getCanonicalLocales',
  'writes them, one of them the pack’s `language`); a plain string is in the pack’s',
  '`language`. Quotes are never localized: they stay in the source’s words.',
  'This schema describes the shape only. Fact Lens enforces more rules when it',
  'validates a pack: ids are unique within each list; every reference',
  '(entityIds, propositionIds, related entityId, subjectIds, propositionId, sourceId)',
  'resolves to an item of the pack; an entity is not related to itself; an alias',
  '(compared case-insensitively) names one entity only and is listed once; when a',
  'source ships its `text`, every quote citing it occurs in that text verbatim;',
  'a format-1 pack gives every text as a string and no source `language`;',
  'links must also parse as URLs; and the whole document is at most',
  `${PACK_LIMITS.documentBytes / 2 ** 20} MiB of UTF-8.`,
  'String lengths are counted in UTF-16 code units, so text outside the Basic',
  'Multilingual Plane counts twice.',
].join(' ');

/**
 * The JSON Schema (draft 2020-12) of a fact pack's shape, for pack authors and their
 * editors, generated from `packShapeSchema` so it cannot drift from what Fact Lens
 * checks. It describes the input side: fields with defaults are optional.
 *
 * The cross-reference rules of `references.ts` and the URL parse check (a `.refine`)
 * have no JSON Schema form; the refinement is simply left out (Zod emits checks it
 * cannot represent as nothing), while the `pattern`s remain. `unrepresentable` stays
 * at its default, "throw", so a future field with no JSON Schema form fails the
 * export loudly instead of silently becoming `{}`.
 */
export function packJsonSchema(): object {
  const { $schema, ...rest } = z.toJSONSchema(packShapeSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'inline',
  });
  return {
    $schema,
    $id: PACK_JSON_SCHEMA_ID,
    title: 'Fact Lens fact pack',
    description: DESCRIPTION,
    ...rest,
  };
}
