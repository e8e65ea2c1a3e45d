import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import type { InstalledPack } from '../lib/domain/pack';
import { chooseText } from '../lib/pack/localized';
import { readerLanguages } from '../lib/i18n/ui-text';
import { DEFAULT_SETTINGS, preferredTextLanguages } from '../lib/settings/schema';
import { loadSettings } from '../lib/settings/store';
import { packLang } from './card/pack-lang';
import { messagesLanguage } from './i18n';
import { useSettings } from './useSettings';

/**
 * The languages an extension page shows pack texts in, first choice first (issue 15): the
 * reader's setting, else the browser's, as the background chooses a card's (`getEntityCard`),
 * so the popup's results and its entity view agree.
 */
export async function preferredPackLanguages(): Promise<string[]> {
  const { textLanguage } = await loadSettings(browser.storage.local);
  return preferredTextLanguages(textLanguage, browserLanguages());
}

function browserLanguages(): string[] {
  return readerLanguages(browser.i18n.getUILanguage(), messagesLanguage());
}

/**
 * `preferredPackLanguages` for a page that holds the settings already, kept current as they
 * change: the pack lists show titles in the language the cards use.
 */
export function usePackLanguages(): string[] {
  const { settings } = useSettings();
  const textLanguage = settings?.textLanguage ?? DEFAULT_SETTINGS.textLanguage;
  return useMemo(() => preferredTextLanguages(textLanguage, browserLanguages()), [textLanguage]);
}

/** A pack's title for the reader, with the `lang` to give it where not the UI's language. */
export function shownPackTitle(
  pack: Pick<InstalledPack, 'title' | 'language'>,
  languages: readonly string[],
): { text: string; lang: string | undefined } {
  const { text, lang } = chooseText(pack.title, languages, pack.language);
  return { text, lang: packLang(lang) };
}
