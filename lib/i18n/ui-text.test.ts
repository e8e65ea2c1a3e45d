import { describe, expect, it } from 'vitest';
import { formatCount, intlLocale, readerLanguages } from './ui-text';
import { englishUi, uiTextFor } from '../../tests/support/ui-text';

describe('intlLocale', () => {
  it.each([
    ['en-GB', 'en', 'en-GB'],
    ['en-US', 'en', 'en-US'],
    ['zh-CN', 'zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN', 'zh-TW'],
    ['de-CH', 'en', 'en'],
    ['en-US', 'zh-CN', 'zh-CN'],
  ])('UI %s, messages in %s → %s', (ui, messages, expected) => {
    expect(intlLocale(ui, messages)).toBe(expected);
  });
});

describe('readerLanguages', () => {
  it.each([
    ['en-US', 'en', ['en-US', 'en']],
    ['fr', 'en', ['fr', 'en']],
    ['zh-CN', 'zh-CN', ['zh-CN']],
    ['en-US', 'zh-CN', ['zh-CN', 'en-US']],
    ['zh-TW', 'zh-CN', ['zh-CN', 'zh-TW']],
  ])('UI %s, messages in %s → %j', (ui, messages, expected) => {
    expect(readerLanguages(ui, messages)).toEqual(expected);
  });
});

describe('formatCount', () => {
  it('groups digits the reader’s way', () => {
    expect(formatCount(englishUi, 12345)).toBe('12,345');
    expect(formatCount(uiTextFor('zh_CN'), 12345)).toBe('12,345');
    expect(formatCount({ ...englishUi, locale: 'de' }, 12345)).toBe('12.345');
  });
});
