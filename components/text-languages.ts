import { browser } from 'wxt/browser';
import { readerLanguages } from '../lib/i18n/ui-text';
import { preferredTextLanguages } from '../lib/settings/schema';
import { loadSettings } from '../lib/settings/store';
import { messagesLanguage } from './i18n';

/**
 * The languages an extension page shows pack texts in, first choice first (issue 15): the
 * reader's setting, else the browser's, as the background chooses a card's (`getEntityCard`),
 * so the popup's results and its entity view agree.
 */
export async function preferredPackLanguages(): Promise<string[]> {
  const { textLanguage } = await loadSettings(browser.storage.local);
  const browserLanguages = readerLanguages(browser.i18n.getUILanguage(), messagesLanguage());
  return preferredTextLanguages(textLanguage, browserLanguages);
}
