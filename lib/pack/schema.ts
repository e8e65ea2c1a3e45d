import { z } from 'zod';
import { PACK_LIMITS as L } from './limits';
import {
  ALIAS_CASE_RULES,
  ENTITY_KINDS,
  ENTITY_ROLES,
  FACT_STATUSES,
  SOURCE_KINDS,
} from './vocabulary';

/**
 * The shape of a fact pack, format 1. Cross-references (ids that must resolve,
 * uniqueness, quotes inside source texts) are checked in `references.ts`, because
 * they need the whole document; this file is only what JSON Schema can express, so
 * `scripts/export-json-schema.ts` can publish it for pack authors.
 */

export const PACK_FORMAT = 1;

const NOT_BLANK = /\S/;
/**
 * Canonical text: something visible, no leading or trailing whitespace, one line.
 * U+2028 and U+2029 are line terminators too, so they count as line breaks.
 */
const TRIMMED_LINE = /^\S(?:[^\r\n\u2028\u2029]*\S)?$/;

/**
 * Characters that change how the text around them is displayed or matched without being
 * seen: bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF). A name or alias holding one could
 * read differently from what is matched, or spoof another entity's name.
 */
const NO_INVISIBLE_CONTROLS = /^[^\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]*$/;
const INVISIBLE_CONTROLS_MESSAGE =
  'must not contain bidirectional controls (U+202A–U+202E, U+2066–U+2069) or zero-width characters (U+200B–U+200D, U+2060, U+FEFF)';

/** A name or alias: one visible line, with no bidirectional or zero-width controls. */
function nameLine(max: number) {
  return line(max).regex(NO_INVISIBLE_CONTROLS, INVISIBLE_CONTROLS_MESSAGE);
}

/** Shorter aliases ("." or "的") match thousands of times per page and identify nothing. */
export const MIN_ALIAS_CHARACTERS = 2;

/** An alias: a name line of at least two characters (code points, as JSON Schema counts). */
function aliasLine() {
  const message = `must be at least ${MIN_ALIAS_CHARACTERS} characters long`;
  return nameLine(L.aliasLength)
    .min(MIN_ALIAS_CHARACTERS, message)
    .refine((value) => [...value].length >= MIN_ALIAS_CHARACTERS, message);
}

function text(max: number) {
  return z.string().max(max).regex(NOT_BLANK, 'must not be empty');
}

function line(max: number) {
  return z
    .string()
    .max(max)
    .regex(TRIMMED_LINE, 'must be one line of text without leading or trailing spaces');
}

const slugSchema = z
  .string()
  .max(L.idLength)
  .regex(
    /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/,
    'must be a slug: lowercase letters and digits, joined by "-", "_" or "."',
  );

export const idSchema = slugSchema.describe('Identifier, unique within its list.');
/** A reference to an id defined elsewhere in the same pack; `references.ts` checks it resolves. */
const refSchema = slugSchema.describe('The id of an item defined in this pack.');

function idList(max: number) {
  return z.array(refSchema).max(max);
}

/** Only http(s) links are ever stored, so nothing in a pack can become `javascript:` or `data:`. */
export const httpUrlSchema = z
  .string()
  .max(L.urlLength)
  // Case-insensitive scheme spelled out rather than with the `i` flag: JSON Schema
  // patterns carry no flags, and the exported schema must accept what Fact Lens accepts.
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
  .refine((value) => URL.canParse(value), 'must be a valid URL')
  .describe('An absolute http or https URL.');

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const semverSchema = z
  .string()
  .max(64)
  .regex(SEMVER, 'must be a semantic version such as 1.2.0')
  .describe('Semantic version; an update must be newer than the installed one.');

/** Full calendar date, checked for real days (no 2026-02-30). */
export const isoDateSchema = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/**
 * YYYY, YYYY-MM, or a real YYYY-MM-DD day: days past the end of the month are
 * rejected, and February 29 only in leap years (divisible by 4, centuries by 400).
 */
const PARTIAL_DATE =
  /^(?:\d{4}(?:-(?:0[1-9]|1[0-2]))?|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;

/**
 * When a fact holds. Often only the year or month is known ("by the end of 2025"),
 * so a partial date is allowed rather than inventing a day.
 */
export const partialDateSchema = z
  .string()
  .regex(PARTIAL_DATE, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('YYYY, YYYY-MM or YYYY-MM-DD.');

export const languageSchema = z
  .string()
  .max(L.languageTagLength)
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "zh-Hans"')
  .describe('BCP 47 language tag.');

export const publisherSchema = z.strictObject({
  name: line(L.shortText),
  url: httpUrlSchema.optional(),
});

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: line(L.mediumText),
  publisher: line(L.shortText),
  authors: z.array(line(L.shortText)).max(L.namesPerList).default([]),
  editors: z.array(line(L.shortText)).max(L.namesPerList).default([]),
  publishedAt: partialDateSchema.optional(),
  url: httpUrlSchema.optional(),
  kind: z.enum(SOURCE_KINDS),
  /** Optional full text; when present every quote citing this source must occur in it verbatim. */
  text: z.string().max(L.sourceTextLength).optional(),
});

export const propositionSchema = z.strictObject({
  id: idSchema,
  title: line(L.shortText),
  summary: text(L.longText),
  entityIds: idList(L.refsPerItem).default([]),
});

export const aliasSchema = z.strictObject({
  text: aliasLine().describe('The surface form to recognise on pages.'),
  lang: languageSchema,
  case: z
    .enum(ALIAS_CASE_RULES)
    .default('insensitive')
    .describe('"sensitive" matches only the exact capitalisation, e.g. "Seed" but not "seed".'),
  context: z
    .array(nameLine(L.aliasLength))
    .min(1)
    .max(L.contextTermsPerAlias)
    .optional()
    .describe(
      'For ambiguous aliases: the alias counts only when one of these terms also appears near it on the page.',
    ),
  notInside: z
    .array(nameLine(L.aliasLength))
    .min(1)
    .max(L.contextTermsPerAlias)
    .optional()
    .describe(
      'Longer words that hold the alias but mean something else, which it must not be matched inside (for 豆包: 豆包子). Each must contain the alias.',
    ),
});

export const relatedSchema = z.strictObject({
  entityId: refSchema,
  relation: line(L.shortText).describe('How the entity relates, e.g. "leads", "made by".'),
});

export const entitySchema = z.strictObject({
  id: idSchema,
  name: nameLine(L.shortText),
  kind: z.enum(ENTITY_KINDS),
  role: z
    .enum(ENTITY_ROLES)
    .default('subject')
    .describe(
      '"subject": what the pack is about, marked wherever it appears. "context": named only because the story needs it (a rival, an outlet), marked only where the page is about the pack.',
    ),
  whyNamed: line(L.mediumText)
    .optional()
    .describe(
      'For a context entity (required there, refused on a subject): one sentence on why the pack names it, shown on its card.',
    ),
  summary: text(L.longText),
  aliases: z.array(aliasSchema).min(1).max(L.aliasesPerEntity),
  propositionIds: idList(L.refsPerItem).default([]),
  related: z.array(relatedSchema).max(L.relatedPerEntity).default([]),
});

export const factSchema = z.strictObject({
  id: idSchema,
  subjectIds: idList(L.refsPerItem).min(1),
  propositionId: refSchema.optional(),
  claim: text(L.mediumText).describe('The fact in the pack author’s own words.'),
  quote: text(L.quoteLength).describe('The source’s words, verbatim and short.'),
  sourceId: refSchema.describe('The source the claim originates from.'),
  quotedFrom: refSchema
    .optional()
    .describe(
      'The source whose words `quote` is, when not `sourceId` (e.g. a news report relaying a company’s own figures).',
    ),
  status: z.enum(FACT_STATUSES),
  asOf: partialDateSchema,
});

export const packShapeSchema = z.strictObject({
  $schema: z.string().max(L.urlLength).optional(),
  format: z.literal(PACK_FORMAT),
  id: idSchema,
  version: semverSchema,
  title: line(L.shortText),
  description: text(L.longText),
  language: languageSchema,
  publishedAt: isoDateSchema,
  publisher: publisherSchema,
  sources: z.array(sourceSchema).min(1).max(L.sources),
  propositions: z.array(propositionSchema).max(L.propositions).default([]),
  entities: z.array(entitySchema).min(1).max(L.entities),
  facts: z.array(factSchema).max(L.facts).default([]),
});

export type FactPack = z.output<typeof packShapeSchema>;
export type FactPackInput = z.input<typeof packShapeSchema>;
export type PackSource = FactPack['sources'][number];
export type PackProposition = FactPack['propositions'][number];
export type PackEntity = FactPack['entities'][number];
export type PackAlias = PackEntity['aliases'][number];
export type PackFact = FactPack['facts'][number];
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type FactStatus = (typeof FACT_STATUSES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type AliasCaseRule = (typeof ALIAS_CASE_RULES)[number];
export type EntityRole = (typeof ENTITY_ROLES)[number];
