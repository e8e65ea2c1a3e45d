import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, readLocale, type LocaleMessage } from '../../tests/support/ui-text';

/** Every UI language the extension ships: the folders of `public/_locales/`. */
const LOCALES = readdirSync(LOCALES_DIR);
const english = readLocale('en');

/** A message's placeholders as `name=content`, and the `$NAME$`s its text uses. */
function placeholdersOf(entry: LocaleMessage) {
  const declared = Object.entries(entry.placeholders ?? {}).map(
    ([name, { content }]) => `${name}=${content}`,
  );
  const used = [...entry.message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  return { declared: declared.sort(), used: [...new Set(used)].sort() };
}

describe('the UI languages', () => {
  it('are English and Simplified Chinese, English being the default', () => {
    expect(LOCALES.sort()).toEqual(['en', 'zh_CN']);
  });

  describe.each(LOCALES)('%s', (locale) => {
    const messages = readLocale(locale);

    it('has exactly the English message ids', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('has no empty message', () => {
      const empty = Object.entries(messages).filter(([, entry]) => entry.message.trim() === '');
      expect(empty.map(([id]) => id)).toEqual([]);
    });

    it('has the same placeholders as English, each used and none undeclared', () => {
      for (const [id, entry] of Object.entries(messages)) {
        const own = placeholdersOf(entry);
        const en = english[id] ? placeholdersOf(english[id]) : undefined;
        expect({ id, placeholders: own.declared }).toEqual({ id, placeholders: en?.declared });
        const declaredNames = own.declared.map((pair) => pair.split('=')[0]).sort();
        expect({ id, used: own.used }).toEqual({ id, used: declaredNames });
      }
    });

    it('has valid message ids (letters, digits, _), which getMessage needs', () => {
      expect(Object.keys(messages).filter((id) => !/^[A-Za-z0-9_]+$/.test(id))).toEqual([]);
    });
  });
});
