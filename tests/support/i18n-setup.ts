import { fakeBrowser } from 'wxt/testing';
import { getMessageFrom, readLocale } from './ui-text';

/**
 * Vitest setup: WXT's fakeBrowser throws on `i18n.getMessage`, so components under test
 * would have no text. They get the English messages, as a browser in English would.
 */
const i18n = fakeBrowser.i18n as unknown as {
  getMessage: (id: string, substitutions?: string | string[]) => string;
  getUILanguage: () => string;
};
i18n.getMessage = getMessageFrom(readLocale('en'));
i18n.getUILanguage = () => 'en';
