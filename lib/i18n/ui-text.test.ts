import { describe, expect, it } from 'vitest';
import { formatCount, intlLocale } from './ui-text';
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

describe('formatCount', () => {
  it('groups digits the reader’s way', () => {
    expect(formatCount(englishUi, 12345)).toBe('12,345');
    expect(formatCount(uiTextFor('zh_CN'), 12345)).toBe('12,345');
    expect(formatCount({ ...englishUi, locale: 'de' }, 12345)).toBe('12.345');
  });
});
