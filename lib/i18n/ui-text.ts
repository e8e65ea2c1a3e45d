import type englishMessages from '../../public/_locales/en/messages.json';

/**
 * The one translation interface of the UI. The messages themselves are the browser's
 * (`public/_locales/<locale>/messages.json`, read by `browser.i18n.getMessage`); lib/ never
 * touches `browser`, so it takes a `UiText` as an argument. Components get the browser's
 * (components/i18n.ts), tests one that reads the English file (tests/support/ui-text.ts).
 */

/**
 * The ids of the English messages, which are the default locale's and so every locale's. A
 * type only: no message text is bundled into scripts, the browser holds them.
 */
export type MessageId = keyof typeof englishMessages;

/**
 * One whole message with its `$1`-style substitutions filled in (the messages name them as
 * placeholders). Never join two messages into a sentence: word order differs by language.
 */
export type Translate = (id: MessageId, ...substitutions: string[]) => string;

export interface UiText {
  readonly t: Translate;
  /** The reader's locale (BCP 47) for `Intl` dates and numbers. */
  readonly locale: string;
}

/**
 * The locale for `Intl`: the browser's UI language when the messages are in that language
 * (so "en-GB" keeps its day-month order), else the messages' own language, so a date never
 * reads in another language than the sentence around it (a browser in Swiss German gets
 * the English messages, and English dates).
 */
export function intlLocale(uiLanguage: string, messagesLanguage: string): string {
  const primary = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase();
  return primary(uiLanguage) === primary(messagesLanguage) ? uiLanguage : messagesLanguage;
}

/**
 * The languages a reader reads, first choice first, for pack texts (issue 15): the browser
 * picked our messages from its real UI language, so when they are not in the default
 * (`en`) their language comes first: headless Chromium started with `--lang=zh-CN` shows the
 * Chinese messages yet answers `getUILanguage()` with "en-US". When they are in the default,
 * the UI language may still be one a pack speaks that we have no messages for (fr), so it
 * comes first.
 */
export function readerLanguages(
  uiLanguage: string,
  messagesLanguage: string,
  defaultLanguage = 'en',
): string[] {
  const order =
    messagesLanguage === defaultLanguage
      ? [uiLanguage, messagesLanguage]
      : [messagesLanguage, uiLanguage];
  return [...new Set(order)];
}

/**
 * A count written the reader's way ("1,234", "1.234", …), with one formatter per locale: a
 * renderer's first costs over a millisecond, which the card UI pays as it loads (during the
 * hover delay) rather than in the first card's render.
 */
export function formatCount(ui: UiText, count: number): string {
  const { locale } = ui;
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
}

const countFormats = new Map<string, Intl.NumberFormat>();
