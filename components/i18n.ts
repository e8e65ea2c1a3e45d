import { browser } from 'wxt/browser';
import { intlLocale, type MessageId, type UiText } from '../lib/i18n/ui-text';

/**
 * The browser's translations, for every component. The browser picks the messages of its
 * UI language from `public/_locales/` (falling back to `en`, the manifest's default_locale).
 */
/**
 * `getMessage` without WXT's generated overloads (.wxt/types/i18n.d.ts, stale until the next
 * `wxt prepare`): `MessageId` already checks every id against the English file.
 */
const getMessage = (id: string, substitutions: string[]): string =>
  (browser.i18n as { getMessage(id: string, substitutions: string[]): string }).getMessage(
    id,
    substitutions,
  );

/**
 * Messages without substitutions, as read once: the browser's messages and UI language are
 * fixed for as long as a page lives, and a card asks for the same labels at every render,
 * each a call into the browser.
 */
const plain = new Map<MessageId, string>();
let locale: string | undefined;

export const ui: UiText = {
  t: (id: MessageId, ...substitutions: string[]) => {
    if (substitutions.length > 0) return getMessage(id, substitutions);
    let text = plain.get(id);
    if (text === undefined) plain.set(id, (text = getMessage(id, substitutions)));
    return text;
  },
  // A getter: read when a date or number is first formatted, not when a module is loaded.
  get locale() {
    return (locale ??= intlLocale(browser.i18n.getUILanguage(), messagesLanguage()));
  },
};

/** Shorthand for components: `t('pauseEverywhere')`. */
export const t = ui.t;

/**
 * The language the messages are actually in, for `lang` attributes. Not the UI language:
 * a browser in French gets the English messages, and they must be announced as English.
 */
export const messagesLanguage = (): string => t('languageTag');
