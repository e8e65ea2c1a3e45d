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
 * The shape of a fact pack, formats 1 and 2. Cross-references (ids that must resolve,
 * uniqueness, quotes inside source texts) are checked in `references.ts`, because
 * they need the whole document; this file is only what JSON Schema can express, so
 * `scripts/export-json-schema.ts` can publish it for pack authors.
 *
 * Format 2 (issue 15) lets reader-facing text speak several languages: a `LocalizedText`
 * field is a plain string (in the pack's `language`) or `{ "en": …, "zh-CN": … }`. Which
 * rules depend on the format (a format-1 pack holds no localized text, so it validates
 * exactly as before) and on the pack's language (a localized text must include it) need
 * the whole document: `references.ts`.
 */

/** The newest pack format; `PACK_FORMATS` lists every one Fact Lens reads. */
export const PACK_FORMAT = 2;
export const PACK_FORMATS = [1, 2] as const;

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

/**
 * The language tag of a localized text: well formed, and written as
 * `Intl.getCanonicalLocales` writes it (`zh-CN`, not `zh-cn`), so one language is one key and
 * a reader's browser language can be compared with it as a string. Whether the tag is in the
 * IANA registry is not checked (that takes data the extension does not ship); `xx` passes.
 * Answers what is wrong, or null.
 */
export function localizedTagProblem(tag: string): string | null {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return `unknown language tag ${JSON.stringify(tag)}`;
  }
  if (tag.length > L.languageTagLength) return `language tag ${JSON.stringify(tag)} is too long`;
  return canonical === tag
    ? null
    : `language tag ${JSON.stringify(tag)} is not canonical: write ${JSON.stringify(canonical)}`;
}

/** What JSON Schema can say of a localized text's keys; `localizedTagProblem` says the rest. */
const LOCALIZED_TAG_PATTERN = '^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$';

/**
 * Reader-facing text in one language (a string, in the pack's `language`) or several
 * (`{ "en": "Doubao", "zh-CN": "豆包" }`, format 2). Keys are checked here rather than by the
 * record's key schema so that a bad tag is reported at the field itself
 * (`$.entities[3].summary: unknown language tag "xx-"`) instead of as a failed union.
 */
function localized(base: z.ZodString) {
  const byLanguage = z
    .record(z.string().max(L.languageTagLength).meta({ pattern: LOCALIZED_TAG_PATTERN }), base)
    .superRefine((value, ctx) => {
      const tags = Object.keys(value);
      if (tags.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'must give the text in at least one language' });
      }
      if (tags.length > L.languagesPerText) {
        ctx.addIssue({
          code: 'custom',
          message: `gives ${tags.length} languages, over the limit of ${L.languagesPerText}`,
        });
      }
      for (const tag of tags) {
        const problem = localizedTagProblem(tag);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
      }
    })
    .meta({
      description:
        'The text per language (format 2), keyed by canonical BCP 47 tag; must include the pack’s `language`.',
      minProperties: 1,
      maxProperties: L.languagesPerText,
    });
  // Neither a string nor a map (omitted, a number, a list): say what a localized text may be.
  return z.union([base, byLanguage], {
    error: (issue) =>
      issue.input === undefined
        ? 'Invalid input: expected string, received undefined'
        : 'must be a string, or an object giving the text per language tag',
  });
}

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
  /**
   * The language the source is written in (format 2), so its quotes are marked as such; a
   * source without one is taken to be in the pack's `language`.
   */
  language: languageSchema.optional(),
  /** Optional full text; when present every quote citing this source must occur in it verbatim. */
  text: z.string().max(L.sourceTextLength).optional(),
});

export const propositionSchema = z.strictObject({
  id: idSchema,
  title: localized(line(L.shortText)),
  summary: localized(text(L.longText)),
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
  name: localized(nameLine(L.shortText)),
  kind: z.enum(ENTITY_KINDS),
  role: z
    .enum(ENTITY_ROLES)
    .default('subject')
    .describe(
      '"subject": what the pack is about, marked wherever it appears. "context": named only because the story needs it (a rival, an outlet), marked only where the page is about the pack.',
    ),
  whyNamed: localized(line(L.mediumText))
    .optional()
    .describe(
      'For a context entity (required there, refused on a subject): one sentence on why the pack names it, shown on its card.',
    ),
  summary: localized(text(L.longText)),
  aliases: z.array(aliasSchema).min(1).max(L.aliasesPerEntity),
  propositionIds: idList(L.refsPerItem).default([]),
  related: z.array(relatedSchema).max(L.relatedPerEntity).default([]),
});

export const factSchema = z.strictObject({
  id: idSchema,
  subjectIds: idList(L.refsPerItem).min(1),
  propositionId: refSchema.optional(),
  claim: localized(text(L.mediumText)).describe('The fact in the pack author’s own words.'),
  // Never localized: the quote is the evidence, in the words (and language) the source used.
  quote: text(L.quoteLength).describe(
    'The source’s words, verbatim and short, in the source’s language: never translated.',
  ),
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
  format: z
    .literal(PACK_FORMATS)
    .describe('1: every text in the pack’s `language`. 2: texts may be given per language.'),
  id: idSchema,
  version: semverSchema,
  title: localized(line(L.shortText)),
  description: localized(text(L.longText)),
  language: languageSchema,
  publishedAt: isoDateSchema,
  publisher: publisherSchema,
  sources: z.array(sourceSchema).min(1).max(L.sources),
  propositions: z.array(propositionSchema).max(L.propositions).default([]),
  entities: z.array(entitySchema).min(1).max(L.entities),
  facts: z.array(factSchema).max(L.facts).default([]),
});

export type FactPack = z.output<typeof packShapeSchema>;
/** A reader-facing text: a string in the pack's `language`, or the text per language tag. */
export type LocalizedText = FactPack['title'];
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
