import type { FactPack, LocalizedText } from './schema';

/**
 * Reading a pack's localized texts (format 2, issue 15). Plain functions over the raw values
 * as the pack gives them and the store keeps them: a string is in the pack's `language`, an
 * object holds the text per canonical language tag and, in a valid pack, always includes the
 * pack's `language` (`references.ts`), so the fallback always has something to show.
 * No Zod here: the background, the pages and scripts all read texts this way.
 */

/** A text in one language, with the tag of the language it is in. */
export interface TextIn {
  text: string;
  lang: string;
}

/** Every language a text is given in, the pack's first. */
export function languagesOf(value: LocalizedText, packLanguage: string): string[] {
  if (typeof value === 'string') return [packLanguage];
  const others = Object.keys(value).filter((tag) => tag !== packLanguage);
  return packLanguage in value ? [packLanguage, ...others] : others;
}

/** Every variant of a text (what search indexes: a reader may type any language). */
export function everyText(value: LocalizedText): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}

/**
 * Which of `available` serves a reader who prefers `preferred` (in order): the same tag, else
 * one of the same language (`zh-CN` takes `zh` or `zh-Hans-CN`; the first such tag listed).
 * Tags are compared case-insensitively, since a browser may report `zh-cn`. Undefined when
 * none fits.
 */
export function matchLanguage(
  available: readonly string[],
  preferred: readonly string[],
): string | undefined {
  const lower = available.map((tag) => tag.toLowerCase());
  for (const wanted of preferred) {
    const exact = lower.indexOf(wanted.toLowerCase());
    if (exact >= 0) return available[exact];
    const base = primarySubtag(wanted);
    const related = lower.findIndex((tag) => primarySubtag(tag) === base);
    if (related >= 0) return available[related];
  }
  return undefined;
}

function primarySubtag(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/**
 * The text for a reader who prefers `preferred`, else in the pack's language (the fallback a
 * valid pack always has), else the first given (only a pack that skipped validation lacks its
 * own language). `lang` says which language the text is in, so the UI can mark a fallback.
 */
export function chooseText(
  value: LocalizedText,
  preferred: readonly string[],
  packLanguage: string,
): TextIn {
  if (typeof value === 'string') return { text: value, lang: packLanguage };
  const tags = Object.keys(value);
  const lang = matchLanguage(tags, preferred) ?? (packLanguage in value ? packLanguage : tags[0]);
  return lang === undefined ? { text: '', lang: packLanguage } : { text: value[lang] ?? '', lang };
}

/** The text in the pack's own language: what a reader without a preference sees. */
export function textInPackLanguage(value: LocalizedText, packLanguage: string): string {
  return chooseText(value, [packLanguage], packLanguage).text;
}

/** A pack's title for a reader who prefers `preferred` (by default, in the pack's language). */
export function packTitle(
  pack: { title: LocalizedText; language: string },
  preferred: readonly string[] = [],
): string {
  return chooseText(pack.title, preferred, pack.language).text;
}

export type TextPath = (string | number)[];

/** Every reader-facing text that may be localized, with its path. Quotes are not among them. */
export function* localizedTexts(pack: FactPack): Generator<[TextPath, LocalizedText]> {
  yield [['title'], pack.title];
  yield [['description'], pack.description];
  for (const [p, proposition] of pack.propositions.entries()) {
    yield [['propositions', p, 'title'], proposition.title];
    yield [['propositions', p, 'summary'], proposition.summary];
  }
  for (const [e, entity] of pack.entities.entries()) {
    yield [['entities', e, 'name'], entity.name];
    yield [['entities', e, 'summary'], entity.summary];
    if (entity.whyNamed !== undefined) yield [['entities', e, 'whyNamed'], entity.whyNamed];
  }
  for (const [f, fact] of pack.facts.entries()) yield [['facts', f, 'claim'], fact.claim];
}

/** Every language a pack's texts are given in, the pack's own first. */
export function packLanguages(pack: FactPack): string[] {
  const languages = new Set([pack.language]);
  for (const [, value] of localizedTexts(pack)) {
    for (const tag of languagesOf(value, pack.language)) languages.add(tag);
  }
  return [...languages];
}

/** A text as shown: with its language only where that differs from the surrounding one. */
export interface ShownText {
  text: string;
  lang?: string;
}

/**
 * Reads one pack's texts for one view (a card, search results): `lang` is the view's language,
 * the first preferred one the pack speaks (`packLanguages`, recorded at install), else the
 * pack's own; `read` gives each text in it, or in the pack's language where the text lacks it,
 * then saying so (`lang`), so the UI can mark the fallback for screen readers.
 */
export function textReader(
  packLanguages: readonly string[],
  packLanguage: string,
  preferred: readonly string[],
): { lang: string; read: (value: LocalizedText) => ShownText } {
  const lang = matchLanguage(packLanguages, preferred) ?? packLanguage;
  return {
    lang,
    read(value) {
      const shown = chooseText(value, [lang], packLanguage);
      return shown.lang === lang ? { text: shown.text } : shown;
    },
  };
}

/** `{ [key]: lang }` for a text shown in another language than its view's, else nothing. */
export function langField<Key extends string>(
  key: Key,
  shown: ShownText,
): Partial<Record<Key, string>> {
  return shown.lang === undefined ? {} : ({ [key]: shown.lang } as Record<Key, string>);
}
