import { describe, expect, it } from 'vitest';
import { PACK_LIMITS as L } from './limits';
import { localizedTagProblem } from './schema';
import { issuesOf, packWith, setAt, validPack } from '../../tests/support/pack-fixtures';

/**
 * Pack format 2 (issue 15): texts per language. Each row changes one value of the fixture
 * pack, made format 2 unless the row says `format: 1`; accepted rows must leave no issue,
 * rejected rows must be refused with every issue at the row's path (or `issuePath`) and one
 * of them saying `message`.
 */

type Row = {
  rule: string;
  path: string;
  value: unknown;
  format?: 1 | 2;
  message?: string;
  issuePath?: string;
};

const zh = (en: string, zhCN: string) => ({ en, 'zh-CN': zhCN });
const manyLanguages = (count: number) =>
  Object.fromEntries(
    ['en', ...Array.from({ length: count - 1 }, (_, i) => `x${String.fromCharCode(97 + i)}`)].map(
      (tag) => [tag, `Text in ${tag}`],
    ),
  );

const accepts: Row[] = [
  { rule: 'localized text', path: '$.title', value: zh('Test pack', '测试包') },
  { rule: 'localized text', path: '$.description', value: zh('A pack.', '一个包。') },
  { rule: 'localized text', path: '$.propositions[0].title', value: zh('Launch', '发布') },
  {
    rule: 'localized text',
    path: '$.propositions[0].summary',
    value: zh('It shipped.', '已发布。'),
  },
  { rule: 'localized text', path: '$.entities[0].name', value: zh('Acme', '阿克米') },
  { rule: 'localized text', path: '$.entities[0].summary', value: { en: 'A company.' } },
  { rule: 'localized text', path: '$.facts[0].claim', value: zh('It launched.', '它发布了。') },
  { rule: 'localized text', path: '$.entities[1].summary', value: 'A plain string is English.' },
  {
    rule: 'localized text',
    path: '$.entities[0].summary',
    value: manyLanguages(L.languagesPerText),
  },
  {
    rule: 'fallback: the pack language is always given',
    path: '$.entities[1].summary',
    value: zh('A model.', '一个模型。'),
  },
  { rule: 'canonical tags', path: '$.entities[0].summary', value: { en: 'A', 'zh-Hant-TW': 'B' } },
  { rule: 'canonical tags', path: '$.entities[0].summary', value: { en: 'A', 'es-419': 'B' } },
  { rule: 'canonical tags', path: '$.language', value: 'en' },
  { rule: 'source language', path: '$.sources[0].language', value: 'zh-CN' },
  {
    rule: 'quotes never localized',
    path: '$.facts[0].quote',
    value: 'Acme launched the Widget model in November 2025',
  },
  { rule: 'format 1 unchanged', path: '$.title', value: 'Plain title', format: 1 },
  { rule: 'format 1 unchanged', path: '$.language', value: 'en-us', format: 1 },
];

const rejects: Row[] = [
  {
    rule: 'localized text',
    path: '$.entities[0].summary',
    value: {},
    message: 'must give the text in at least one language',
  },
  {
    rule: 'localized text',
    path: '$.entities[0].summary',
    value: manyLanguages(L.languagesPerText + 1),
    message: `gives ${L.languagesPerText + 1} languages, over the limit of ${L.languagesPerText}`,
  },
  {
    rule: 'localized text',
    path: '$.entities[0].summary',
    value: { en: '  ' },
    message: 'must not be empty',
    issuePath: '$.entities[0].summary.en',
  },
  {
    rule: 'localized text',
    path: '$.entities[0].name',
    value: zh('Acme', '阿克\n米'),
    message: 'must be one line',
    issuePath: '$.entities[0].name["zh-CN"]',
  },
  {
    rule: 'localized text',
    path: '$.entities[0].name',
    value: ['Acme'],
    message: 'must be a string, or an object giving the text per language tag',
  },
  {
    rule: 'fallback: the pack language is always given',
    path: '$.entities[1].summary',
    value: { 'zh-CN': '只有中文。' },
    message: 'must include the pack\'s language "en"',
  },
  {
    rule: 'fallback: the pack language is always given',
    path: '$.facts[0].claim',
    value: { 'en-GB': 'Acme launched Widget in late 2025.' },
    message: 'must include the pack\'s language "en"',
  },
  {
    rule: 'canonical tags',
    path: '$.entities[1].summary',
    value: { en: 'A', 'xx-': 'B' },
    message: 'unknown language tag "xx-"',
  },
  {
    rule: 'canonical tags',
    path: '$.entities[1].summary',
    value: { en: 'A', zh_CN: 'B' },
    message: 'unknown language tag "zh_CN"',
  },
  {
    rule: 'canonical tags',
    path: '$.entities[1].summary',
    value: { en: 'A', 'zh-cn': 'B' },
    message: 'language tag "zh-cn" is not canonical: write "zh-CN"',
  },
  {
    rule: 'canonical tags',
    path: '$.language',
    value: 'en-us',
    message: 'language tag "en-us" is not canonical: write "en-US"',
  },
  {
    rule: 'quotes never localized',
    path: '$.facts[0].quote',
    value: zh('Acme launched the Widget model in November 2025', 'Acme于2025年11月发布'),
    message: 'expected string',
  },
  {
    rule: 'quotes never localized',
    path: '$.sources[0].title',
    value: zh('Acme launches Widget', 'Acme发布Widget'),
    message: 'expected string',
  },
  {
    rule: 'source language',
    path: '$.sources[0].language',
    value: 'Chinese',
    message: 'must be a language tag',
  },
  {
    rule: 'format 1 unchanged',
    path: '$.entities[0].name',
    value: zh('Acme', '阿克米'),
    format: 1,
    message: 'text per language needs "format": 2',
  },
  {
    rule: 'format 1 unchanged',
    path: '$.sources[0].language',
    value: 'en',
    format: 1,
    message: 'needs "format": 2',
  },
];

function packSetting({ path, value, format = 2 }: Row) {
  return packWith((pack) => {
    pack.format = format;
    setAt(pack, path, value);
  });
}

describe('pack format 2: texts per language', () => {
  it('accepts the fixture pack as format 2 unchanged', () => {
    expect(issuesOf({ ...validPack(), format: 2 })).toEqual([]);
  });

  it.each(accepts)('$rule: accepts $path (format $format)', (row) => {
    expect(issuesOf(packSetting(row))).toEqual([]);
  });

  it.each(rejects)('$rule: rejects $path = $value (format $format)', (row) => {
    const issues = issuesOf(packSetting(row));
    expect(issues.length).toBeGreaterThan(0);
    const where = row.issuePath ?? row.path;
    expect(issues.map((issue) => issue.path)).toEqual(issues.map(() => where));
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringContaining(row.message ?? ''),
    );
  });

  it('has an accepted and a rejected case for every rule', () => {
    const rules = (rows: Row[]) => [...new Set(rows.map((row) => row.rule))].sort();
    expect(rules(rejects)).toEqual(rules(accepts));
  });
});

describe('localizedTagProblem', () => {
  it.each([
    ['en', null],
    ['zh-CN', null],
    ['zh-TW', null],
    ['zh-Hans', null],
    ['ja', null],
    ['sr-Latn-RS', null],
    ['xx-', 'unknown language tag "xx-"'],
    ['', 'unknown language tag ""'],
    ['en--US', 'unknown language tag "en--US"'],
    ['EN', 'language tag "EN" is not canonical: write "en"'],
    ['zh-hans-cn', 'language tag "zh-hans-cn" is not canonical: write "zh-Hans-CN"'],
    ['iw', 'language tag "iw" is not canonical: write "he"'],
  ])('%j → %j', (tag, problem) => {
    expect(localizedTagProblem(tag)).toBe(problem);
  });
});
