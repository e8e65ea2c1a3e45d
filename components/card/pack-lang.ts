import { messagesLanguage } from '../i18n';

/**
 * The `lang` of an element that shows pack text (issue 15): the text's language (its own
 * where it fell back to the pack's, else the card's), when that is not the language of the
 * UI messages around it. Where they agree the element inherits it, so nothing is set.
 */
export function packLang(cardLang: string, textLang?: string): string | undefined {
  const lang = textLang ?? cardLang;
  return lang === messagesLanguage() ? undefined : lang;
}
