import { describe, expect, it } from 'vitest';
import { PACK_LIMITS as L } from './limits';
import { isoDateSchema, packShapeSchema, partialDateSchema } from './schema';
import { ENTITY_KINDS, ENTITY_ROLES, FACT_STATUSES, SOURCE_KINDS } from './vocabulary';
import {
  OMIT,
  issuesOf,
  loose,
  packWith,
  setAt,
  validPack,
  type FixturePack,
} from '../../tests/support/pack-fixtures';

/**
 * Shape rules (schema.ts) as tables. Each row changes one value of the valid fixture
 * pack: `[rule, path, value]` must be accepted, `[rule, path, value, message]` must be
 * rejected with an issue at exactly `path` (or `issuePath` when given) whose message
 * contains `message`. Every rule has rows of both kinds (checked below).
 */

type Accept = [rule: string, path: string, value: unknown];
type Reject = [rule: string, path: string, value: unknown, message: string, issuePath?: string];

const ONE_LINE = 'must be one line of text without leading or trailing spaces';
const NOT_EMPTY = 'must not be empty';
const SLUG = 'must be a slug';
const SEMVER = 'must be a semantic version';
const LANGUAGE = 'must be a language tag';
const FULL_DATE = 'must be a date written YYYY-MM-DD';
const PARTIAL_DATE = 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD';
const HTTP_URL = 'must be an http:// or https:// URL';
const ENUM = 'Invalid option';
const NON_EMPTY_LIST = 'Too small: expected array to have >=1 items';
const MISSING_STRING = 'expected string, received undefined';
const tooLong = (max: number) => `Too big: expected string to have <=${max} characters`;
const tooMany = (max: number) => `Too big: expected array to have <=${max} items`;

const SHORT_ALIAS = 'must be at least 2 characters long';
const INVISIBLE =
  'must not contain bidirectional controls (U+202A–U+202E, U+2066–U+2069) or zero-width characters (U+200B–U+200D, U+2060, U+FEFF)';
/** Every character a name or alias may not hold, by code point. */
const INVISIBLE_CONTROLS = [
  0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067,
  0x2068, 0x2069,
].map((code) => String.fromCodePoint(code));

const ALIAS = '$.entities[0].aliases[0]';
const CASED_ALIAS = '$.entities[1].aliases[0]';
const repeat = (char: string, length: number) => char.repeat(length);
const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i}`);
const aliasList = (count: number) => [
  { text: 'Acme Corp', lang: 'en' },
  ...names('Acme alias', count - 1).map((text) => ({ text, lang: 'en' })),
];

/** The fixture's first entity with a role (and, for a context entity, its line). */
function entityAs(role: (typeof ENTITY_ROLES)[number], whyNamed = 'Named in passing.') {
  const entity = validPack().entities[0];
  return role === 'context' ? { ...entity, role, whyNamed } : { ...entity, role };
}

const accepts: Accept[] = [
  ['format literal', '$.format', 1],
  ['format literal', '$.format', 2],

  ['id slug', '$.id', 'a.b_c-1'],
  ['id slug', '$.id', '2026'],
  ['id slug', '$.id', repeat('a', L.idLength)],
  ['id slug', '$.sources[1].id', 'acme.blog_2'],

  ['semver version', '$.version', '0.1.0'],
  ['semver version', '$.version', '2.10.3-beta.1+build.5'],

  ['title one line', '$.title', 'ByteDance AI, 2026'],
  ['title one line', '$.title', 'X'],
  ['title one line', '$.sources[0].title', 'Acme’s “Widget” — a report'],

  ['text not blank', '$.description', 'Line one.\nLine two.'],
  ['text not blank', '$.description', ' padded is fine in long text '],
  ['text not blank', '$.facts[0].claim', 'Acme launched Widget.'],

  ['language tag', '$.language', 'en'],
  ['language tag', '$.language', 'zh-Hans'],
  ['language tag', `${ALIAS}.lang`, 'yue-HK'],
  ['language tag', '$.language', `en${'-abcdefgh'.repeat(3)}-abcde`],

  ['publishedAt real date', '$.publishedAt', '2024-02-29'],
  ['publishedAt real date', '$.publishedAt', '2026-12-31'],

  ['publisher url http(s)', '$.publisher.url', OMIT],
  ['publisher url http(s)', '$.publisher.url', 'http://example.com'],

  ['source url http(s)', '$.sources[0].url', 'https://example.com/a?b=c#d'],
  ['source url http(s)', '$.sources[0].url', 'http://example.com'],
  ['source url http(s)', '$.sources[0].url', 'HTTPS://EXAMPLE.COM/'],
  ['source url http(s)', '$.sources[0].url', 'https://example.com/新闻'],
  ['source url http(s)', '$.sources[0].url', 'http://127.0.0.1:8080/x'],
  ['source url http(s)', '$.sources[0].url', OMIT],

  ...SOURCE_KINDS.map((kind): Accept => ['source kind enum', '$.sources[0].kind', kind]),

  ...['2025', '2025-11', '2025-11-30', '2024-02-29', '2000-02-29', '0001-01-01'].map(
    (date): Accept => ['partial date', '$.facts[0].asOf', date],
  ),
  ['partial date', '$.sources[0].publishedAt', '2026'],
  ['partial date', '$.sources[0].publishedAt', OMIT],

  ...ENTITY_KINDS.map((kind): Accept => ['entity kind enum', '$.entities[0].kind', kind]),

  // A context entity needs its `whyNamed` line (references.ts), so it is set whole.
  ...ENTITY_ROLES.map((role): Accept => ['entity role enum', '$.entities[0]', entityAs(role)]),
  ['entity role enum', '$.entities[0].role', OMIT],
  ['whyNamed one line', '$.entities[0]', entityAs('context', 'Named as the maker of a rival.')],
  ['whyNamed one line', '$.entities[0].whyNamed', OMIT],

  ['alias text one line', `${ALIAS}.text`, 'AI'],
  ['alias text one line', `${ALIAS}.text`, 'Acme  Corp.'],
  ['alias text one line', `${ALIAS}.text`, '字节跳动'],

  ['alias at least 2 characters', `${ALIAS}.text`, 'AI'],
  ['alias at least 2 characters', `${ALIAS}.text`, '豆包'],
  ['alias at least 2 characters', `${ALIAS}.text`, '😀😀'],

  ['no invisible controls in names', `${ALIAS}.text`, 'Acme\u200eCorp'],
  ['no invisible controls in names', '$.entities[0].name', 'Acme Corp (عربي)'],
  ['no invisible controls in names', `${CASED_ALIAS}.context`, ['Acme', 'model']],
  ['no invisible controls in names', '$.entities[0].summary', 'Acme\u200bCorp makes things.'],

  ['alias case enum', `${CASED_ALIAS}.case`, OMIT],
  ['alias case enum', `${CASED_ALIAS}.case`, 'insensitive'],
  ['alias case enum', `${CASED_ALIAS}.case`, 'sensitive'],

  ['alias notInside non-empty', `${ALIAS}.notInside`, OMIT],
  ['alias notInside non-empty', `${ALIAS}.notInside`, ['Acme Corporation']],
  ['alias context non-empty', `${CASED_ALIAS}.context`, OMIT],
  ['alias context non-empty', `${CASED_ALIAS}.context`, ['Acme', 'model']],

  ['subjectIds non-empty', '$.facts[0].subjectIds', ['acme']],

  ...FACT_STATUSES.map((status): Accept => ['fact status enum', '$.facts[0].status', status]),

  ['lists with defaults may be omitted', '$.propositions[0].entityIds', OMIT],
  ['lists with defaults may be omitted', '$.facts', OMIT],
  ['lists with defaults may be omitted', '$.sources[0].authors', OMIT],
  ['lists with defaults may be omitted', '$.entities[0].propositionIds', OMIT],
  ['lists with defaults may be omitted', '$.entities[1].related', OMIT],
  ['lists with defaults may be omitted', '$.facts', []],

  ['required lists non-empty', '$.entities[0].aliases', [{ text: 'Acme', lang: 'en' }]],

  ['required fields', '$.facts[0].propositionId', OMIT],
  ['required fields', '$.sources[0].text', OMIT],

  ['string length limits', '$.title', repeat('x', L.shortText)],
  ['string length limits', '$.publisher.name', repeat('x', L.shortText)],
  ['string length limits', '$.sources[0].title', repeat('x', L.mediumText)],
  ['string length limits', '$.entities[1].summary', repeat('s', L.longText)],
  ['string length limits', `${ALIAS}.text`, repeat('a', L.aliasLength)],
  ['string length limits', '$.sources[0].url', `https://e.com/${repeat('a', L.urlLength - 14)}`],

  ['list length limits', '$.entities[0].aliases', aliasList(L.aliasesPerEntity)],
  ['list length limits', `${CASED_ALIAS}.context`, names('term', L.contextTermsPerAlias)],
  ['list length limits', '$.sources[0].authors', names('Author', L.namesPerList)],
  ['list length limits', '$.sources[0].editors', names('Editor', L.namesPerList)],

  ['unknown keys rejected', '$.$schema', './fact-pack.schema.json'],
];

const rejects: Reject[] = [
  ['format literal', '$.format', 3, 'expected one of 1|2'],
  ['format literal', '$.format', '1', 'expected one of 1|2'],
  ['format literal', '$.format', OMIT, 'expected one of 1|2'],

  ['id slug', '$.id', 'Test Pack', SLUG],
  ['id slug', '$.id', 'a--b', SLUG],
  ['id slug', '$.id', '-a', SLUG],
  ['id slug', '$.id', 'a.', SLUG],
  ['id slug', '$.id', '', SLUG],
  ['id slug', '$.id', 'ünïcode', SLUG],
  ['id slug', '$.id', repeat('a', L.idLength + 1), 'Too big'],
  ['id slug', '$.entities[1].id', 'Widget', SLUG],
  ['id slug', '$.facts[0].subjectIds[0]', 'ACME', SLUG],
  ['id slug', '$.facts[0].sourceId', 'src report', SLUG],

  ['semver version', '$.version', '1.0', SEMVER],
  ['semver version', '$.version', '01.0.0', SEMVER],
  ['semver version', '$.version', 'v1.0.0', SEMVER],
  ['semver version', '$.version', '1.0.0-', SEMVER],

  ['title one line', '$.title', '', ONE_LINE],
  ['title one line', '$.title', '   ', ONE_LINE],
  ['title one line', '$.title', ' Test pack', ONE_LINE],
  ['title one line', '$.title', 'Test pack ', ONE_LINE],
  ['title one line', '$.title', 'Test\npack', ONE_LINE],
  ['title one line', '$.publisher.name', '', ONE_LINE],
  ['title one line', '$.sources[1].publisher', 'Acme\n', ONE_LINE],
  ['title one line', '$.entities[0].related[0].relation', ' makes', ONE_LINE],

  ['text not blank', '$.description', '', NOT_EMPTY],
  ['text not blank', '$.description', ' \n\t ', NOT_EMPTY],
  ['text not blank', '$.propositions[0].summary', '\n', NOT_EMPTY],
  ['text not blank', '$.entities[0].summary', ' ', NOT_EMPTY],
  ['text not blank', '$.facts[0].claim', '', NOT_EMPTY],

  ['language tag', '$.language', 'English', LANGUAGE],
  ['language tag', '$.language', 'en_US', LANGUAGE],
  ['language tag', '$.language', 'EN', LANGUAGE],
  ['language tag', `${ALIAS}.lang`, '', LANGUAGE],
  ['language tag', '$.language', `en${'-abcdefgh'.repeat(3)}-abcdef`, tooLong(L.languageTagLength)],

  ['publishedAt real date', '$.publishedAt', '2026-02-30', FULL_DATE],
  ['publishedAt real date', '$.publishedAt', '2025-02-29', FULL_DATE],
  ['publishedAt real date', '$.publishedAt', '2026-04-31', FULL_DATE],
  ['publishedAt real date', '$.publishedAt', '2026', FULL_DATE],
  ['publishedAt real date', '$.publishedAt', '2026-01-15T00:00:00Z', FULL_DATE],

  ['publisher url http(s)', '$.publisher.url', 'javascript:alert(1)', HTTP_URL],
  ['publisher url http(s)', '$.publisher.url', 'mailto:news@example.com', HTTP_URL],

  ['source url http(s)', '$.sources[0].url', 'javascript:alert(1)', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'JavaScript:alert(1)', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'data:text/html,<script>alert(1)</script>', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'ftp://example.com/report.pdf', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', '/news/widget', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', '//example.com/news', HTTP_URL],
  ['source url http(s)', '$.sources[1].url', 'example.com/news', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'https://', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'https://example.com/a b', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', ' https://example.com', HTTP_URL],
  ['source url http(s)', '$.sources[0].url', 'http://[', 'must be a valid URL'],
  [
    'source url http(s)',
    '$.sources[0].url',
    `https://e.com/${repeat('a', L.urlLength)}`,
    'Too big',
  ],

  ['source kind enum', '$.sources[0].kind', 'blog', ENUM],
  ['source kind enum', '$.sources[1].kind', OMIT, ENUM],

  ...[
    '2026-13',
    '2025-00',
    '2025-11-31',
    '2026-02-30',
    '2025-02-29',
    '2100-02-29',
    '2025-11-00',
    '25',
    '2025-1',
    '2025/11',
    '2025-11-05T10:00',
  ].map((date): Reject => ['partial date', '$.facts[0].asOf', date, PARTIAL_DATE]),
  ['partial date', '$.sources[1].publishedAt', '2026-13', PARTIAL_DATE],

  ['entity kind enum', '$.entities[0].kind', 'animal', ENUM],
  ['entity kind enum', '$.entities[1].kind', 'Company', ENUM],

  ['alias text one line', `${ALIAS}.text`, '', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, '   ', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, ' Acme', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\t', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\u00a0', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\nCorp', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\r\nCorp', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\rCorp', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\u2028Corp', ONE_LINE],
  ['alias text one line', `${ALIAS}.text`, 'Acme\u2029Corp', ONE_LINE],

  ['alias at least 2 characters', `${ALIAS}.text`, '.', SHORT_ALIAS],
  ['alias at least 2 characters', `${ALIAS}.text`, '的', SHORT_ALIAS],
  ['alias at least 2 characters', `${ALIAS}.text`, 'A', SHORT_ALIAS],
  // One code point, two UTF-16 units: still one character.
  ['alias at least 2 characters', `${ALIAS}.text`, '😀', SHORT_ALIAS],

  ...INVISIBLE_CONTROLS.flatMap((char): Reject[] => [
    ['no invisible controls in names', `${ALIAS}.text`, `Ac${char}me`, INVISIBLE],
    ['no invisible controls in names', '$.entities[0].name', `Acme${char} Corp`, INVISIBLE],
  ]),
  [
    'no invisible controls in names',
    `${CASED_ALIAS}.context`,
    ['Acme', 'mo\u202edel'],
    INVISIBLE,
    `${CASED_ALIAS}.context[1]`,
  ],

  ['entity role enum', '$.entities[0].role', 'bystander', ENUM],
  ['entity role enum', '$.entities[0].role', null, ENUM],
  ['whyNamed one line', '$.entities[0].whyNamed', 'Two\nlines', ONE_LINE],
  [
    'whyNamed one line',
    '$.entities[0].whyNamed',
    repeat('a', L.mediumText + 1),
    tooLong(L.mediumText),
  ],

  ['alias case enum', `${CASED_ALIAS}.case`, 'exact', ENUM],
  ['alias case enum', `${CASED_ALIAS}.case`, true, ENUM],

  ['alias notInside non-empty', `${ALIAS}.notInside`, [], NON_EMPTY_LIST],
  [
    'alias notInside non-empty',
    `${ALIAS}.notInside`,
    ['Acme Corp\u200bs'],
    INVISIBLE,
    `${ALIAS}.notInside[0]`,
  ],
  ['alias context non-empty', `${CASED_ALIAS}.context`, [], NON_EMPTY_LIST],
  [
    'alias context non-empty',
    `${CASED_ALIAS}.context`,
    ['Acme', ' '],
    ONE_LINE,
    `${CASED_ALIAS}.context[1]`,
  ],

  ['subjectIds non-empty', '$.facts[0].subjectIds', [], NON_EMPTY_LIST],
  ['subjectIds non-empty', '$.facts[0].subjectIds', OMIT, 'expected array'],

  ['fact status enum', '$.facts[0].status', 'rumour', ENUM],
  ['fact status enum', '$.facts[0].status', OMIT, ENUM],

  ['lists with defaults may be omitted', '$.facts', null, 'expected array, received null'],

  ['required lists non-empty', '$.sources', [], NON_EMPTY_LIST],
  ['required lists non-empty', '$.entities', [], NON_EMPTY_LIST],
  ['required lists non-empty', '$.entities[0].aliases', [], NON_EMPTY_LIST],

  ['required fields', '$.title', OMIT, MISSING_STRING],
  ['required fields', '$.publisher.name', OMIT, MISSING_STRING],
  ['required fields', '$.sources[0].publisher', OMIT, MISSING_STRING],
  ['required fields', '$.facts[0].quote', OMIT, MISSING_STRING],
  ['required fields', '$.publisher', OMIT, 'expected object, received undefined'],

  ['string length limits', '$.title', repeat('x', L.shortText + 1), tooLong(L.shortText)],
  ['string length limits', '$.publisher.name', repeat('x', L.shortText + 1), tooLong(L.shortText)],
  [
    'string length limits',
    '$.sources[0].title',
    repeat('x', L.mediumText + 1),
    tooLong(L.mediumText),
  ],
  [
    'string length limits',
    '$.entities[1].summary',
    repeat('s', L.longText + 1),
    tooLong(L.longText),
  ],
  ['string length limits', `${ALIAS}.text`, repeat('a', L.aliasLength + 1), tooLong(L.aliasLength)],
  ['string length limits', '$.$schema', repeat('a', L.urlLength + 1), tooLong(L.urlLength)],

  [
    'list length limits',
    '$.entities[0].aliases',
    aliasList(L.aliasesPerEntity + 1),
    tooMany(L.aliasesPerEntity),
  ],
  [
    'list length limits',
    `${CASED_ALIAS}.context`,
    names('term', L.contextTermsPerAlias + 1),
    tooMany(L.contextTermsPerAlias),
  ],
  [
    'list length limits',
    '$.sources[0].authors',
    names('Author', L.namesPerList + 1),
    tooMany(L.namesPerList),
  ],
  [
    'list length limits',
    '$.sources[0].editors',
    names('Editor', L.namesPerList + 1),
    tooMany(L.namesPerList),
  ],
  [
    'list length limits',
    '$.propositions[0].entityIds',
    names('x', L.refsPerItem + 1).map((_, i) => `e${i}`),
    tooMany(L.refsPerItem),
  ],

  ['unknown keys rejected', '$.extra', true, 'Unrecognized key: "extra"', '$'],
  [
    'unknown keys rejected',
    '$.publisher.logo',
    'https://e.com/l.png',
    'Unrecognized key: "logo"',
    '$.publisher',
  ],
  [
    'unknown keys rejected',
    '$.sources[1].html',
    '<b>hi</b>',
    'Unrecognized key: "html"',
    '$.sources[1]',
  ],
  [
    'unknown keys rejected',
    '$.propositions[0].note',
    'x',
    'Unrecognized key: "note"',
    '$.propositions[0]',
  ],
  [
    'unknown keys rejected',
    '$.entities[1].image',
    'x',
    'Unrecognized key: "image"',
    '$.entities[1]',
  ],
  ['unknown keys rejected', `${ALIAS}.regex`, '.*', 'Unrecognized key: "regex"', ALIAS],
  [
    'unknown keys rejected',
    '$.entities[0].related[0].weight',
    1,
    'Unrecognized key: "weight"',
    '$.entities[0].related[0]',
  ],
  [
    'unknown keys rejected',
    '$.facts[0].url',
    'https://e.com',
    'Unrecognized key: "url"',
    '$.facts[0]',
  ],
];

/** A short, readable form of a table value for test names. */
function label(value: unknown): string {
  if (value === OMIT) return 'omitted';
  if (typeof value === 'string' && value.length > 40) return `a string of ${value.length}`;
  if (Array.isArray(value) && value.length > 3) return `a list of ${value.length}`;
  return JSON.stringify(value);
}

describe('pack shape', () => {
  it('accepts the fixture pack as it is', () => {
    expect(issuesOf(validPack())).toEqual([]);
  });

  it.each(accepts.map(([rule, path, value]) => ({ rule, path, value, shown: label(value) })))(
    '$rule: accepts $path = $shown',
    ({ path, value }) => {
      expect(issuesOf(packWith((pack) => setAt(pack, path, value)))).toEqual([]);
    },
  );

  it.each(
    rejects.map(([rule, path, value, message, issuePath = path]) => ({
      rule,
      path,
      value,
      message,
      issuePath,
      shown: label(value),
    })),
  )('$rule: rejects $path = $shown', ({ path, value, message, issuePath }) => {
    const issues = issuesOf(packWith((pack) => setAt(pack, path, value)));
    expect(issues.length).toBeGreaterThan(0);
    // Every issue is where the row points, and one of them says why.
    expect(issues.map((issue) => issue.path)).toEqual(issues.map(() => issuePath));
    expect(issues.map((issue) => issue.message)).toContainEqual(expect.stringContaining(message));
  });

  it('has an accepted and a rejected case for every rule', () => {
    const rules = (rows: (Accept | Reject)[]) => [...new Set(rows.map(([rule]) => rule))].sort();
    expect(rules(rejects)).toEqual(rules(accepts));
  });

  it('bounds quotes at PACK_LIMITS.quoteLength', () => {
    // The quote must also occur in its source's text, so cite the source without one.
    const withQuote = (length: number) =>
      packWith((pack: FixturePack) => {
        pack.facts[0].sourceId = 'src-blog';
        pack.facts[0].quote = repeat('q', length);
      });
    expect(issuesOf(withQuote(L.quoteLength))).toEqual([]);
    expect(issuesOf(withQuote(L.quoteLength + 1))).toEqual([
      { path: '$.facts[0].quote', message: tooLong(L.quoteLength) },
    ]);
  });

  it('bounds source texts at PACK_LIMITS.sourceTextLength', () => {
    const withText = (length: number) =>
      packWith((pack) => void (pack.sources[0].text = pack.sources[0].text.padEnd(length, '.')));
    expect(issuesOf(withText(L.sourceTextLength))).toEqual([]);
    expect(issuesOf(withText(L.sourceTextLength + 1))).toEqual([
      { path: '$.sources[0].text', message: tooLong(L.sourceTextLength) },
    ]);
  });

  it('fills defaults for omitted lists and alias case', () => {
    const pack = packShapeSchema.parse(
      packWith((p) => {
        delete loose(p).facts;
        delete loose(p.sources[1]).authors;
        delete p.entities[1].aliases[0].case;
      }),
    );
    expect(pack.facts).toEqual([]);
    expect(pack.sources[1]?.authors).toEqual([]);
    expect(pack.sources[1]?.editors).toEqual([]);
    expect(pack.entities[1]?.aliases[0]?.case).toBe('insensitive');
  });
});

describe('dates', () => {
  /** The calendar's answer, computed independently of the regular expressions. */
  function isRealDay(date: string): boolean {
    const parsed = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
  }

  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const years = [0, 1900, 1996, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9999];
  const days = years.flatMap((year) =>
    Array.from({ length: 13 }, (_, m) =>
      Array.from({ length: 33 }, (_, d) => `${pad(year, 4)}-${pad(m + 1, 2)}-${pad(d, 2)}`),
    ).flat(),
  );

  it('a partial date with a day is accepted exactly when the day is real', () => {
    const wrong = days.filter((day) => partialDateSchema.safeParse(day).success !== isRealDay(day));
    expect(wrong).toEqual([]);
  });

  it('publishedAt is accepted exactly when the day is real', () => {
    const wrong = days.filter((day) => isoDateSchema.safeParse(day).success !== isRealDay(day));
    expect(wrong).toEqual([]);
  });
});
