import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageId, UiText } from '../../lib/i18n/ui-text';

/** One entry of a `messages.json`, as the browser reads it. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type LocaleMessages = Record<string, LocaleMessage>;

/**
 * Where the locales are. From the working directory (Vitest runs in the project's root):
 * in a jsdom suite `import.meta.url` is not a file URL.
 */
export const LOCALES_DIR = join(process.cwd(), 'public', '_locales');

/** A locale's `public/_locales/<locale>/messages.json`. */
export function readLocale(locale: string): LocaleMessages {
  return JSON.parse(
    readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'),
  ) as LocaleMessages;
}

/**
 * What `browser.i18n.getMessage` does, for tests (WXT's fakeBrowser has no i18n): named
 * placeholders (`$NAME$`, any case) become their content, then `$1`…`$9` the substitutions
 * and `$$` a dollar sign. An unknown id gives "", as in the browser.
 */
export function getMessageFrom(messages: LocaleMessages) {
  return (id: string, substitutions: string | string[] = []): string => {
    const entry = messages[id];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const named = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content : whole;
    });
    return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
    );
  };
}

/** The UI in a locale's messages, as lib/ code takes it. */
export function uiTextFor(locale: string, intlLocale = locale.replace('_', '-')): UiText {
  const getMessage = getMessageFrom(readLocale(locale));
  return {
    t: (id: MessageId, ...substitutions: string[]) => getMessage(id, substitutions),
    locale: intlLocale,
  };
}

/** The English UI: what unit tests read, as the e2e tests do with the default language. */
export const englishUi = uiTextFor('en');
