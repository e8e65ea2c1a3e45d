import { describe, expect, it } from 'vitest';
import { chooseText, everyText, languagesOf, matchLanguage, packLanguages } from './localized';
import { parsedPack } from '../../tests/support/databases';
import { packWith } from '../../tests/support/pack-fixtures';

const doubao = { en: 'Doubao', 'zh-CN': '豆包' };

describe('chooseText', () => {
  it.each([
    ['a plain string is in the pack language', 'Doubao', ['zh-CN'], { text: 'Doubao', lang: 'en' }],
    ['the preferred language', doubao, ['zh-CN'], { text: '豆包', lang: 'zh-CN' }],
    [
      'the first preference that is given',
      doubao,
      ['ja', 'zh-CN'],
      { text: '豆包', lang: 'zh-CN' },
    ],
    ['the same language, another region', doubao, ['zh-TW'], { text: '豆包', lang: 'zh-CN' }],
    ['tags compared case-insensitively', doubao, ['zh-cn'], { text: '豆包', lang: 'zh-CN' }],
    ['a region-less preference', doubao, ['zh'], { text: '豆包', lang: 'zh-CN' }],
    ['fallback: the pack language', doubao, ['ja'], { text: 'Doubao', lang: 'en' }],
    ['no preference: the pack language', doubao, [], { text: 'Doubao', lang: 'en' }],
    [
      'a pack lacking its own language: the first given',
      { 'zh-CN': '豆包' },
      ['ja'],
      { text: '豆包', lang: 'zh-CN' },
    ],
  ])('%s', (_case, value, preferred, expected) => {
    expect(chooseText(value, preferred, 'en')).toEqual(expected);
  });
});

describe('matchLanguage', () => {
  it.each([
    [['en', 'zh-CN'], ['zh-CN'], 'zh-CN'],
    [['en', 'zh-TW', 'zh-CN'], ['zh-CN'], 'zh-CN'],
    [['en', 'zh-TW'], ['zh-CN'], 'zh-TW'],
    [['en'], ['zh-CN'], undefined],
    [['en', 'zh-CN'], [], undefined],
  ])('%j for %j → %j', (available, preferred, expected) => {
    expect(matchLanguage(available, preferred)).toBe(expected);
  });
});

describe('every variant', () => {
  it('lists texts and languages, the pack language first', () => {
    expect(everyText({ 'zh-CN': '豆包', en: 'Doubao' })).toEqual(['豆包', 'Doubao']);
    expect(everyText('Doubao')).toEqual(['Doubao']);
    expect(languagesOf({ 'zh-CN': '豆包', en: 'Doubao' }, 'en')).toEqual(['en', 'zh-CN']);
    expect(languagesOf('Doubao', 'en')).toEqual(['en']);
  });

  it('collects a pack’s languages from every localized text, never from quotes', () => {
    const pack = parsedPack(
      packWith((draft) => {
        draft.format = 2;
        draft.facts[0].claim = { en: 'Acme launched Widget in late 2025.', ja: 'ローンチ。' };
        draft.propositions[0].summary = { en: 'Released.', 'zh-CN': '发布。' };
      }),
    );
    expect(packLanguages(pack)).toEqual(['en', 'zh-CN', 'ja']);
  });
});
