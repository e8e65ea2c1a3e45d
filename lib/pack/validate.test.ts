import { describe, expect, it } from 'vitest';
import { PACK_LIMITS } from './limits';
import { findReferenceIssues } from './references';
import { packShapeSchema } from './schema';
import { issuesOf, packWith, validPack, type FixturePack } from '../../tests/support/pack-fixtures';
import {
  describeIssues,
  formatIssue,
  formatIssuePath,
  validatePack,
  validatePackText,
  type PackIssue,
} from './validate';

/**
 * Cross-reference rules (references.ts) as tables, plus the entry points of validate.ts.
 * As in schema.test.ts, every rule has an accepted and a rejected case, and a rejected
 * case names the exact JSON path and a fragment of the message.
 */

type Mutate = (pack: FixturePack) => void;
type Accept = [rule: string, change: string, mutate: Mutate];
type Reject = [rule: string, change: string, mutate: Mutate, path: string, message: string];

const copy = <T>(value: T): T => structuredClone(value);

const accepts: Accept[] = [
  ['ids unique per list', 'the fixture as it is', () => {}],
  [
    'whyNamed exactly on context entities',
    'a context entity with its line',
    (p) => {
      p.entities[1].role = 'context';
      p.entities[1].whyNamed = 'Named as the product Acme is known for.';
    },
  ],
  [
    'whyNamed exactly on context entities',
    'a subject without one',
    (p) => void (p.entities[0].role = 'subject'),
  ],
  [
    'notInside words hold their alias',
    'longer words holding it, in other capitals',
    (p) => void (p.entities[0].aliases[0].notInside = ['ACME CORPORATION', 'the Acme Corp.']),
  ],
  [
    'ids unique per list',
    'the same id in two different lists',
    (p) => {
      p.sources[1].id = 'acme';
    },
  ],
  [
    'ids unique per list',
    'a new source with its own id',
    (p) => {
      p.sources.push({ ...copy(p.sources[1]), id: 'src-other' });
    },
  ],
  [
    'ids unique per list',
    'a new fact with its own id',
    (p) => {
      p.facts.push({ ...copy(p.facts[0]), id: 'fact-other' });
    },
  ],

  [
    'proposition entityIds resolve',
    'no entities',
    (p) => {
      p.propositions[0].entityIds = [];
    },
  ],
  [
    'entity propositionIds resolve',
    'an existing proposition',
    (p) => {
      p.entities[1].propositionIds = ['prop-launch'];
    },
  ],
  [
    'related entityId resolves',
    'another entity',
    (p) => {
      p.entities[0].related[0].entityId = 'widget';
    },
  ],
  ['related entity is not itself', 'two entities relate both ways', () => {}],

  [
    'alias names one entity',
    'different aliases',
    (p) => {
      p.entities[1].aliases.push({ text: 'Acme Widget', lang: 'en' });
    },
  ],
  [
    'alias names one entity',
    'an entity name that is another entity’s alias',
    (p) => {
      p.entities[1].name = 'Acme Corp';
    },
  ],
  [
    'alias listed once',
    'two different aliases on one entity',
    (p) => {
      p.entities[0].aliases.push({ text: 'Acme Inc.', lang: 'en' });
    },
  ],

  [
    'fact subjectIds resolve',
    'one existing subject',
    (p) => {
      p.facts[0].subjectIds = ['widget'];
    },
  ],
  [
    'fact propositionId resolves',
    'omitted',
    (p) => {
      delete p.facts[0].propositionId;
    },
  ],
  [
    'fact sourceId resolves',
    'the other source',
    (p) => {
      p.facts[0].sourceId = 'src-blog';
    },
  ],

  [
    'quote verbatim in source text',
    'an exact substring',
    (p) => {
      p.facts[0].quote = 'people familiar with it said';
    },
  ],
  [
    'quote verbatim in source text',
    'the whole text',
    (p) => {
      p.facts[0].quote = p.sources[0].text;
    },
  ],
  [
    'quote verbatim in source text',
    'any quote when the source ships no text',
    (p) => {
      p.facts[0].sourceId = 'src-blog';
      p.facts[0].quote = 'Words not checked against anything.';
    },
  ],
  [
    'quote verbatim in source text',
    'a quote checked against quotedFrom, not sourceId',
    (p) => {
      p.facts[0].sourceId = 'src-blog';
      p.facts[0].quotedFrom = 'src-report';
    },
  ],
  [
    'quotedFrom resolves',
    'a known source',
    (p) => {
      p.facts[0].quotedFrom = 'src-blog';
      p.facts[0].quote = 'Words not checked against anything.';
    },
  ],
  [
    'alias names one entity',
    'two case-sensitive aliases in different capitals',
    (p) => {
      p.entities[0].aliases[0].case = 'sensitive';
      p.entities[1].aliases[0].text = 'ACME CORP';
    },
  ],
];

const rejects: Reject[] = [
  [
    'notInside words hold their alias',
    'a word without the alias',
    (p) => void (p.entities[0].aliases[0].notInside = ['Acme Inc']),
    '$.entities[0].aliases[0].notInside[0]',
    'must be longer than the alias "Acme Corp" and contain it',
  ],
  [
    'notInside words hold their alias',
    'the alias itself',
    (p) => void (p.entities[0].aliases[0].notInside = ['Acme Corporation', 'acme corp']),
    '$.entities[0].aliases[0].notInside[1]',
    'must be longer',
  ],
  [
    'whyNamed exactly on context entities',
    'a context entity without its line',
    (p) => void (p.entities[1].role = 'context'),
    '$.entities[1].whyNamed',
    'a context entity needs "whyNamed"',
  ],
  [
    'whyNamed exactly on context entities',
    'a line on a subject',
    (p) => void (p.entities[0].whyNamed = 'Named because.'),
    '$.entities[0].whyNamed',
    'only for context entities',
  ],
  [
    'ids unique per list',
    'a second source "src-blog"',
    (p) => {
      p.sources.push(copy(p.sources[1]));
    },
    '$.sources[2].id',
    'duplicate id "src-blog"',
  ],
  [
    'ids unique per list',
    'a second proposition "prop-launch"',
    (p) => {
      p.propositions.push(copy(p.propositions[0]));
    },
    '$.propositions[1].id',
    'duplicate id "prop-launch"',
  ],
  [
    'ids unique per list',
    'a second entity "acme"',
    (p) => {
      p.entities.push({ ...copy(p.entities[0]), aliases: [{ text: 'Acme Two', lang: 'en' }] });
    },
    '$.entities[2].id',
    'duplicate id "acme"',
  ],
  [
    'ids unique per list',
    'a second fact "fact-launch"',
    (p) => {
      p.facts.push(copy(p.facts[0]));
    },
    '$.facts[1].id',
    'duplicate id "fact-launch"',
  ],

  [
    'proposition entityIds resolve',
    'an unknown entity',
    (p) => {
      p.propositions[0].entityIds.push('nobody');
    },
    '$.propositions[0].entityIds[2]',
    'unknown entity id "nobody"',
  ],
  [
    'proposition entityIds resolve',
    'a source id',
    (p) => {
      p.propositions[0].entityIds[0] = 'src-report';
    },
    '$.propositions[0].entityIds[0]',
    'unknown entity id "src-report"',
  ],
  [
    'entity propositionIds resolve',
    'an unknown proposition',
    (p) => {
      p.entities[1].propositionIds = ['prop-missing'];
    },
    '$.entities[1].propositionIds[0]',
    'unknown proposition id "prop-missing"',
  ],
  [
    'related entityId resolves',
    'an unknown entity',
    (p) => {
      p.entities[1].related[0].entityId = 'acme-inc';
    },
    '$.entities[1].related[0].entityId',
    'unknown entity id "acme-inc"',
  ],
  [
    'related entity is not itself',
    'acme related to acme',
    (p) => {
      p.entities[0].related[0].entityId = 'acme';
    },
    '$.entities[0].related[0].entityId',
    'an entity cannot be related to itself',
  ],

  [
    'alias names one entity',
    'the same alias on a second entity',
    (p) => {
      p.entities[1].aliases.push({ text: 'Acme Corp', lang: 'en' });
    },
    '$.entities[1].aliases[1].text',
    'alias "Acme Corp" already names entity "acme"',
  ],
  [
    'alias names one entity',
    'the same alias in other capitals',
    (p) => {
      p.entities[1].aliases[0].text = 'ACME CORP';
    },
    '$.entities[1].aliases[0].text',
    'alias "ACME CORP" already names entity "acme"',
  ],
  [
    'alias names one entity',
    'a case-sensitive alias that an insensitive one also matches',
    (p) => {
      p.entities[1].aliases[0].text = 'acme corp';
    },
    '$.entities[1].aliases[0].text',
    'already names entity "acme"',
  ],
  [
    'alias listed once',
    'the same alias twice',
    (p) => {
      p.entities[0].aliases.push({ text: 'Acme Corp', lang: 'en' });
    },
    '$.entities[0].aliases[1].text',
    'alias "Acme Corp" is listed twice',
  ],
  [
    'alias listed once',
    'the same alias in another language and case',
    (p) => {
      p.entities[0].aliases.push({ text: 'acme corp', lang: 'de' });
    },
    '$.entities[0].aliases[1].text',
    'alias "acme corp" is listed twice',
  ],

  [
    'fact subjectIds resolve',
    'an unknown subject',
    (p) => {
      p.facts[0].subjectIds[1] = 'gadget';
    },
    '$.facts[0].subjectIds[1]',
    'unknown entity id "gadget"',
  ],
  [
    'fact propositionId resolves',
    'an unknown proposition',
    (p) => {
      p.facts[0].propositionId = 'prop-x';
    },
    '$.facts[0].propositionId',
    'unknown proposition id "prop-x"',
  ],
  [
    'fact sourceId resolves',
    'an unknown source',
    (p) => {
      p.facts[0].sourceId = 'src-missing';
    },
    '$.facts[0].sourceId',
    'unknown source id "src-missing"',
  ],

  [
    'quotedFrom resolves',
    'an unknown source',
    (p) => {
      p.facts[0].quotedFrom = 'src-missing';
    },
    '$.facts[0].quotedFrom',
    'unknown source id "src-missing"',
  ],
  [
    'quote verbatim in source text',
    'a quote missing from the quotedFrom source text',
    (p) => {
      p.sources[1].text = 'Something else entirely.';
      p.facts[0].quotedFrom = 'src-blog';
    },
    '$.facts[0].quote',
    'quote does not appear verbatim in the text of source "src-blog"',
  ],
  [
    'quote verbatim in source text',
    'a paraphrase',
    (p) => {
      p.facts[0].quote = 'Acme launched Widget in November 2025';
    },
    '$.facts[0].quote',
    'quote does not appear verbatim in the text of source "src-report"',
  ],
  [
    'quote verbatim in source text',
    'other capitals',
    (p) => {
      p.facts[0].quote = 'acme launched the widget model';
    },
    '$.facts[0].quote',
    'does not appear verbatim',
  ],
  [
    'quote verbatim in source text',
    'other whitespace',
    (p) => {
      p.facts[0].quote = 'Acme launched  the Widget model';
    },
    '$.facts[0].quote',
    'does not appear verbatim',
  ],
  [
    'quote verbatim in source text',
    'curly instead of straight punctuation',
    (p) => {
      p.sources[0].text = 'Acme said it\'s "ready".';
      p.facts[0].quote = 'it’s “ready”';
    },
    '$.facts[0].quote',
    'does not appear verbatim',
  ],
];

describe('cross-references', () => {
  it.each(accepts.map(([rule, change, mutate]) => ({ rule, change, mutate })))(
    '$rule: accepts $change',
    ({ mutate }) => {
      expect(issuesOf(packWith(mutate))).toEqual([]);
    },
  );

  it.each(
    rejects.map(([rule, change, mutate, path, message]) => ({
      rule,
      change,
      mutate,
      path,
      message,
    })),
  )('$rule: rejects $change at $path', ({ mutate, path, message }) => {
    const issues = issuesOf(packWith(mutate));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(message);
  });

  it('has an accepted and a rejected case for every rule', () => {
    const rules = (rows: (Accept | Reject)[]) => [...new Set(rows.map(([rule]) => rule))].sort();
    expect(rules(rejects)).toEqual(rules(accepts));
  });

  it('reports every problem, in document order', () => {
    const pack = packWith((p) => {
      p.sources.push(copy(p.sources[0]));
      p.entities[0].related[0].entityId = 'acme';
      p.facts[0].sourceId = 'src-missing';
    });
    expect(issuesOf(pack).map((issue) => issue.path)).toEqual([
      '$.sources[2].id',
      '$.entities[0].related[0].entityId',
      '$.facts[0].sourceId',
    ]);
  });

  it('checks references only once the shape is valid', () => {
    const pack = packWith((p) => {
      p.title = ' padded';
      p.facts[0].sourceId = 'src-missing';
    });
    expect(issuesOf(pack)).toEqual([{ path: '$.title', message: expect.any(String) }]);
  });

  it('findReferenceIssues works on a parsed pack directly', () => {
    const parsed = packShapeSchema.parse(packWith((p) => void (p.facts[0].sourceId = 'nope')));
    expect(findReferenceIssues(parsed)).toEqual([
      { path: ['facts', 0, 'sourceId'], message: 'unknown source id "nope"' },
    ]);
  });
});

describe('validatePack', () => {
  it('returns the parsed pack with defaults filled in', () => {
    const result = validatePack(validPack());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.sources[0]?.editors).toEqual([]);
    expect(result.pack.entities[0]?.aliases[0]?.case).toBe('insensitive');
  });

  it('does not modify its input', () => {
    const input = validPack();
    const before = copy(input);
    validatePack(input);
    expect(input).toEqual(before);
  });

  it.each([
    ['null', null, 'expected object, received null'],
    ['an array', [], 'expected object, received array'],
    ['a string', 'pack', 'expected object, received string'],
  ])('rejects %s at $', (_name, value, message) => {
    expect(issuesOf(value)).toEqual([{ path: '$', message: expect.stringContaining(message) }]);
  });
});

describe('validatePackText', () => {
  const LIMIT = PACK_LIMITS.documentBytes;
  const utf8Length = (text: string) => new TextEncoder().encode(text).byteLength;
  const formatted = (text: string) => {
    const result = validatePackText(text);
    return result.ok ? [] : result.issues.map(formatIssue);
  };

  it('accepts the text of a valid pack', () => {
    const result = validatePackText(JSON.stringify(validPack(), null, 2));
    expect(result.ok).toBe(true);
  });

  it.each([
    ['truncated JSON', '{"format": 1,'],
    ['an empty document', ''],
    ['a trailing comma', '{"format": 1,}'],
    ['single quotes', "{'format': 1}"],
    ['JavaScript rather than JSON', 'module.exports = {}'],
  ])('rejects %s as $: not valid JSON (…)', (_name, text) => {
    const issues = formatted(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\$: not valid JSON \(.+\)$/);
  });

  it('validates parsed text like validatePack', () => {
    const text = JSON.stringify(packWith((p) => void (p.facts[0].sourceId = 'src-missing')));
    expect(formatted(text)).toEqual(['$.facts[0].sourceId: unknown source id "src-missing"']);
  });

  it('rejects a "__proto__" key as an unknown key, without touching prototypes', () => {
    const text = JSON.stringify(validPack()).replace('{', '{"__proto__":{"polluted":true},');
    expect(formatted(text)).toEqual(['$: Unrecognized key: "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`accepts a document of exactly ${LIMIT} bytes`, () => {
    const json = JSON.stringify(validPack());
    const text = json + ' '.repeat(LIMIT - utf8Length(json));
    expect(text.length).toBe(LIMIT);
    expect(validatePackText(text).ok).toBe(true);
  });

  it(`rejects a document of ${LIMIT + 1} bytes before parsing it`, () => {
    // Not even JSON: the size check must come first.
    expect(formatted('x'.repeat(LIMIT + 1))).toEqual([
      `$: document is ${LIMIT + 1} bytes, over the limit of ${LIMIT}`,
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // "é" is two bytes in UTF-8: about half the limit in characters, just over it in bytes.
    const text = JSON.stringify({ description: 'é'.repeat(LIMIT / 2) });
    expect(text.length).toBeLessThan(LIMIT);
    expect(formatted(text)).toEqual([
      `$: document is ${LIMIT + utf8Length('{"description":""}')} bytes, over the limit of ${LIMIT}`,
    ]);
  });
});

describe('formatIssuePath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '$'],
    [['title'], '$.title'],
    [['entities', 3, 'aliases', 0], '$.entities[3].aliases[0]'],
    [['entities', 0, 'aliases', 0, 'text'], '$.entities[0].aliases[0].text'],
    [[0, 1], '$[0][1]'],
    [['$schema'], '$.$schema'],
    [['_private', 'camelCase2'], '$._private.camelCase2'],
    [['with space'], '$["with space"]'],
    [['a.b'], '$["a.b"]'],
    [['kebab-case'], '$["kebab-case"]'],
    [['0'], '$["0"]'],
    [['1st'], '$["1st"]'],
    [[''], '$[""]'],
    [['say "hi"'], '$["say \\"hi\\""]'],
    [['back\\slash'], '$["back\\\\slash"]'],
    [['line\nbreak'], '$["line\\nbreak"]'],
    [['é'], '$["é"]'],
    [['__proto__'], '$.__proto__'],
    [[Symbol('s')], '$["Symbol(s)"]'],
  ])('%j → %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe('describeIssues', () => {
  const issue = (n: number): PackIssue => ({ path: ['facts', n, 'sourceId'], message: `bad ${n}` });

  it.each<[number, number | undefined, string]>([
    [0, undefined, ''],
    [1, undefined, '$.facts[0].sourceId: bad 0'],
    [5, undefined, [0, 1, 2, 3, 4].map((n) => `$.facts[${n}].sourceId: bad ${n}`).join('\n')],
    [
      7,
      undefined,
      [...[0, 1, 2, 3, 4].map((n) => `$.facts[${n}].sourceId: bad ${n}`), '…and 2 more'].join('\n'),
    ],
    [3, 1, '$.facts[0].sourceId: bad 0\n…and 2 more'],
  ])('%i issues, max %s', (count, max, expected) => {
    const issues = Array.from({ length: count }, (_, n) => issue(n));
    expect(describeIssues(issues, max)).toBe(expected);
  });

  it('formats a root issue with "$"', () => {
    expect(formatIssue({ path: [], message: 'not valid JSON (x)' })).toBe('$: not valid JSON (x)');
  });
});
