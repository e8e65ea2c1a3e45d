import { browser } from 'wxt/browser';
import type { MessageId, UiText } from '../lib/i18n/ui-text';

/**
 * The browser's translations, for every component. The browser picks the messages of its
 * UI language from `public/_locales/` (falling back to `en`, the manifest's default_locale).
 */
export const ui: UiText = {
  t: (id: MessageId, ...substitutions: string[]) => browser.i18n.getMessage(id, substitutions),
  // A getter: read when a date or number is formatted, not when a module is loaded.
  get locale() {
    return browser.i18n.getUILanguage();
  },
};

/** Shorthand for components: `t('popup_title')`. */
export const t = ui.t;

/**
 * The language the messages are actually in, for `lang` attributes. Not the UI language:
 * a browser in French gets the English messages, and they must be announced as English.
 */
export const messagesLanguage = (): string => t('languageTag');
