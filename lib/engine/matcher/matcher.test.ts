import { describe, expect, it } from 'vitest';
import type { AliasSpec, CompiledMatcher } from '../types';
import { compileMatcher } from './compile';
import { Matcher } from './matcher';
import { encodeTable } from '../../encoding/typed-arrays';
import { resolveLeftmostLongest } from './resolve';
import { activeGiven } from '../../../tests/support/active-given';

type Alias = string | (Partial<AliasSpec> & { text: string });

function spec(alias: Alias, index: number): AliasSpec {
  const given = typeof alias === 'string' ? { text: alias } : alias;
  return {
    case: 'insensitive',
    packId: 'test',
    entityId: `entity-${index}`,
    entityKind: 'concept',
    ...given,
  };
}

function matcherOf(aliases: readonly Alias[]): Matcher {
  // Through JSON, as the matcher travels from the background to content scripts.
  const compiled = compileMatcher(aliases.map(spec), 'test');
  return Matcher.fromCompiled(JSON.parse(JSON.stringify(compiled)) as CompiledMatcher);
}

/** The mentions a page would show: context-gated, resolved leftmost-longest, as text. */
function mentions(aliases: readonly Alias[], text: string): string[] {
  const matcher = matcherOf(aliases);
  const { candidates, contextHits } = matcher.scan(text);
  return resolveLeftmostLongest(candidates, activeGiven(matcher, contextHits)).map((candidate) =>
    text.slice(candidate.start, candidate.end),
  );
}

describe('word boundaries', () => {
  it.each<[string, Alias, string, string[]]>([
    ['a longer word is not the alias', 'Trae', 'Traeger grills', []],
    ['a standalone word is', 'Trae', 'use Trae today', ['Trae']],
    ['a letter before blocks', 'Trae', 'MyTrae', []],
    ['a letter after blocks', 'K2', 'K2O fertiliser', []],
    ['a digit after blocks', 'K2', 'K22 and K2', ['K2']],
    ['a digit before blocks', 'K2', '2K2', []],
    ['punctuation is a boundary', 'K2', '(Kimi K2, K2.)', ['K2', 'K2']],
    ['an apostrophe is a boundary', 'Doubao', "Doubao's users", ['Doubao']],
    ['a typographic apostrophe too', 'Doubao', 'Doubao’s users', ['Doubao']],
    ['an accented letter blocks', 'Jos', 'José', []],
    ['an accented alias matches', 'José', 'said José.', ['José']],
    ['a combining mark after the end blocks', 'Jose', 'Jose\u0301 said', []],
    ['a Cyrillic letter blocks', 'Trae', 'Traeр', []],
    ['Cyrillic around a space is fine', 'Trae', 'Трае Trae', ['Trae']],
    ['Han next to a Latin alias is a boundary', 'Seedance', '字节的Seedance模型', ['Seedance']],
    ['kana next to a Latin alias is a boundary', 'Claude', 'Claudeを使う', ['Claude']],
    ['Hangul needs boundaries', '카카오', '카카오톡 and 카카오 뱅크', ['카카오']],
    ['an underscore is no word character', 'Trae', 'Trae_x', ['Trae']],
    ['a non-word last character needs no boundary', 'C++', 'C++11', ['C++']],
    ['emoji are boundaries', 'Trae', '😀Trae😀', ['Trae']],
    ['an astral letter blocks', 'Trae', 'Trae𝐀', []],
    ['an astral letter before blocks', 'Trae', '𝐀Trae', []],
    ['text edges are boundaries', 'Trae', 'Trae', ['Trae']],
  ])('%s: %j in %j', (_, alias, text, expected) => {
    expect(mentions([alias], text)).toEqual(expected);
  });
});

describe('folding', () => {
  it.each<[string, Alias, string, string[]]>([
    ['case', 'doubao', 'DOUBAO and Doubao', ['DOUBAO', 'Doubao']],
    ['full-width forms', 'Doubao', 'ＤＯＵＢＡＯ', ['ＤＯＵＢＡＯ']],
    ['full-width digits', '36Kr', '３６ｋｒ', ['３６ｋｒ']],
    ['no-break space in the text', 'Wu Yonghui', 'Wu\u00a0Yonghui', ['Wu\u00a0Yonghui']],
    ['no-break space in the alias', 'Wu\u00a0Yonghui', 'Wu Yonghui', ['Wu Yonghui']],
    ['ideographic space', 'Wu Yonghui', 'Wu\u3000Yonghui', ['Wu\u3000Yonghui']],
    ['a newline renders as a space', 'Wu Yonghui', 'Wu\nYonghui', ['Wu\nYonghui']],
    ['but two spaces are not one', 'Wu Yonghui', 'Wu  Yonghui', []],
    ['typographic apostrophe in the alias', 'Doubao’s', "Doubao's", ["Doubao's"]],
    ['dotted capital I', 'istanbul', 'İSTANBUL', ['İSTANBUL']],
    ['final sigma', 'ΟΔΟΣ', 'οδος', ['οδος']],
    ['no accent folding', 'Jose', 'José', []],
  ])('%s: %j in %j', (_, alias, text, expected) => {
    expect(mentions([alias], text)).toEqual(expected);
  });

  it('keeps offsets 1:1 with the original text', () => {
    const text = 'İİ ＤＯＵＢＡＯ Doubao';
    expect(matcherOf(['doubao']).scan(text).candidates).toEqual([
      { start: 3, end: 9, alias: 0 },
      { start: 10, end: 16, alias: 0 },
    ]);
  });
});

describe('CJK', () => {
  it.each<[Alias, string, string[]]>([
    ['豆包', '字节跳动的豆包日活', ['豆包']],
    ['吴永辉', '吴永辉表示', ['吴永辉']],
    ['字节跳动', '字节跳动和字节跳动', ['字节跳动', '字节跳动']],
    ['36氪', '据36氪报道', ['36氪']],
    ['36氪', '据136氪报道', []],
    ['豆包', '😀豆包😀', ['豆包']],
  ])('%j in %j', (alias, text, expected) => {
    expect(mentions([alias], text)).toEqual(expected);
  });
});

describe('leftmost-longest', () => {
  it.each<[string, Alias[], string, string[]]>([
    [
      'longer at the same start',
      ['Seedance', 'Seedance 2.0'],
      'Seedance 2.0 is out',
      ['Seedance 2.0'],
    ],
    [
      'longest of three',
      ['Doubao', 'Doubao Professional', 'Doubao Professional Edition'],
      'the Doubao Professional Edition price',
      ['Doubao Professional Edition'],
    ],
    [
      'the shorter one where the longer is absent',
      ['Seedance', 'Seedance 2.0'],
      'Seedance 1.0',
      ['Seedance'],
    ],
    [
      'leftmost beats longer',
      ['New York', 'York Times Company'],
      'New York Times Company',
      ['New York'],
    ],
    ['chains of overlaps', ['ab cd', 'cd ef', 'ef'], 'ab cd ef', ['ab cd', 'ef']],
    ['a suffix inside a longer mention', ['字节跳动', '跳动'], '字节跳动', ['字节跳动']],
  ])('%s', (_, aliases, text, expected) => {
    expect(mentions(aliases, text)).toEqual(expected);
  });

  it('drops inactive candidates before resolving, so they hide nothing', () => {
    const gated = { text: 'Seedance 2.0', context: ['ByteDance'] };
    expect(mentions(['Seedance', gated], 'Seedance 2.0')).toEqual(['Seedance']);
    expect(mentions(['Seedance', gated], 'Seedance 2.0 by ByteDance')).toEqual(['Seedance 2.0']);
  });

  it('keeps the lowest alias where several aliases cover one span', () => {
    const matcher = matcherOf([
      { text: 'Gemini', entityId: 'a' },
      { text: 'gemini', entityId: 'b' },
    ]);
    const { candidates } = matcher.scan('Gemini');
    expect(candidates.map((c) => c.alias)).toEqual([0, 1]);
    expect(resolveLeftmostLongest(candidates, () => true)).toEqual([
      { start: 0, end: 6, alias: 0 },
    ]);
  });
});

describe('case rules', () => {
  const seed: Alias = { text: 'Seed', case: 'sensitive' };
  it.each<[Alias, string, string[]]>([
    [seed, 'seed funding', []],
    [seed, 'SEED round', []],
    [seed, 'the Seed team', ['Seed']],
    [seed, 'the Ｓｅｅｄ team', ['Ｓｅｅｄ']],
    ['seed', 'SEED and Seed', ['SEED', 'Seed']],
    [{ text: 'Wu Yonghui', case: 'sensitive' }, 'Wu\u00a0Yonghui', ['Wu\u00a0Yonghui']],
  ])('%j in %j', (alias, text, expected) => {
    expect(mentions([alias], text)).toEqual(expected);
  });

  it('applies each alias its own rule when aliases share a text', () => {
    const matcher = matcherOf([seed, { text: 'seed', entityId: 'other' }]);
    expect(matcher.scan('seed Seed').candidates).toEqual([
      { start: 0, end: 4, alias: 1 },
      { start: 5, end: 9, alias: 0 },
      { start: 5, end: 9, alias: 1 },
    ]);
  });
});

describe('context gating', () => {
  const trae: Alias = { text: 'Trae', case: 'sensitive', context: ['ByteDance', 'AI'] };

  it.each<[string, string, number[], string[]]>([
    ['a context term is on the page', 'Trae, by ByteDance', [0], ['Trae']],
    ['context terms match case-insensitively', 'Trae, by bytedance', [0], ['Trae']],
    ['context terms need word boundaries: no "AI" in "said"', 'Trae, he said', [], []],
    ['a standalone "AI" counts', 'Trae is an AI IDE', [1], ['Trae']],
    ['no context term', 'Trae Young scored', [], []],
  ])('%s', (_, text, hits, expected) => {
    expect(matcherOf([trae]).scan(text).contextHits).toEqual(hits);
    expect(mentions([trae], text)).toEqual(expected);
  });

  it('lists context terms once, distinct after folding, and maps aliases onto them', () => {
    const matcher = matcherOf([
      'Doubao',
      trae,
      { text: '豆包', context: ['bytedance', 'Doubao', '字节跳动'] },
    ]);
    expect(matcher.contextTerms).toEqual(['ByteDance', 'AI', 'Doubao', '字节跳动']);
    expect(matcher.gatedAliases).toEqual([1, 2]);
    expect(matcher.contextTermIdsOf(0)).toEqual([]);
    expect(matcher.contextTermIdsOf(1)).toEqual([0, 1]);
    expect(matcher.contextTermIdsOf(2)).toEqual([0, 2, 3]);
  });

  it('does not gate an alias whose context terms are all empty', () => {
    const matcher = matcherOf([{ text: 'Trae', context: [''] }]);
    expect(matcher.gatedAliases).toEqual([]);
    expect(mentions([{ text: 'Trae', context: [''] }], 'Trae')).toEqual(['Trae']);
  });

  it('finds a text that is both an alias and a context term as both', () => {
    const matcher = matcherOf(['Doubao', { text: '豆包', context: ['Doubao'] }]);
    const { candidates, contextHits } = matcher.scan('Doubao 豆包');
    expect(contextHits).toEqual([0]);
    expect(candidates.map((c) => c.alias)).toEqual([0, 1]);
  });

  it('reports each context term once per scan, and again in the next scan', () => {
    const matcher = matcherOf([trae]);
    expect(matcher.scan('AI and AI').contextHits).toEqual([1]);
    expect(matcher.scan('AI').contextHits).toEqual([1]);
  });
});

describe('edge cases', () => {
  it('compiles and scans an empty alias list', () => {
    const matcher = matcherOf([]);
    expect(matcher.scan('anything at all')).toEqual({ candidates: [], contextHits: [] });
    expect(matcher.scan('')).toEqual({ candidates: [], contextHits: [] });
  });

  it('never matches an empty alias, and keeps the other aliases indexed', () => {
    expect(matcherOf(['', 'a']).scan('a').candidates).toEqual([{ start: 0, end: 1, alias: 1 }]);
  });

  it('matches between surrogate pairs with offsets in code units', () => {
    expect(matcherOf(['豆包', 'Trae']).scan('𠀀豆包😀Trae😀').candidates).toEqual([
      { start: 2, end: 4, alias: 0 },
      { start: 6, end: 10, alias: 1 },
    ]);
  });

  it('finds overlapping and nested candidates, sorted by start then longest', () => {
    const matcher = matcherOf(['哈', '哈哈', '哈哈哈']);
    const spans = matcher.scan('哈哈哈').candidates.map((c) => [c.start, c.end]);
    expect(spans).toEqual([
      [0, 3],
      [0, 2],
      [0, 1],
      [1, 3],
      [1, 2],
      [2, 3],
    ]);
  });

  it('compiles deterministically', () => {
    const aliases = [
      'Doubao',
      '豆包',
      { text: 'Seed', case: 'sensitive' as const, context: ['AI'] },
    ];
    const json = JSON.stringify(compileMatcher(aliases.map(spec), 'k'));
    expect(JSON.stringify(compileMatcher(aliases.map(spec), 'k'))).toBe(json);
  });

  it('rejects another matcher version and inconsistent tables', () => {
    const compiled = compileMatcher(['Doubao'].map(spec), 'k');
    expect(() => Matcher.fromCompiled({ ...compiled, format: 4 as 5 })).toThrow(/version/);
    const { label: _, ...withoutLabel } = compiled.tables;
    expect(() => Matcher.fromCompiled({ ...compiled, tables: withoutLabel })).toThrow(/label/);
    const selfLoop = { ...compiled.tables, fail: 'u8:AAEBAQEBAQ==' };
    expect(() => Matcher.fromCompiled({ ...compiled, tables: selfLoop })).toThrow(/fail/);
    expect(() => Matcher.fromCompiled({ ...compiled, aliasText: 'Doubao!' })).toThrow(/alias/);
    expect(() => Matcher.fromCompiled({ ...compiled, entityIds: 'a\nb' })).toThrow(/entities/);
    const missingPack = { ...compiled, packIds: [] };
    expect(() => Matcher.fromCompiled(missingPack)).toThrow(/entities/);
    const table = (name: string, values: number[]) => ({
      ...compiled,
      tables: { ...compiled.tables, [name]: encodeTable(Uint32Array.from(values)) },
    });
    // One pattern whose alias list names an alias that does not exist.
    expect(() => Matcher.fromCompiled(table('patternAliases', [1]))).toThrow(/pattern aliases/);
    expect(() => Matcher.fromCompiled(table('patternAliasStart', [1, 0]))).toThrow(
      /pattern aliases/,
    );
    // A blocker list naming an alias that does not exist, or ranges out of order.
    expect(() => Matcher.fromCompiled(table('patternBlocked', [3]))).toThrow(/blockers/);
    expect(() => Matcher.fromCompiled(table('patternBlockStart', [1, 0]))).toThrow(/blockers/);
    const flags = { ...compiled.tables, patternFlags: encodeTable(new Uint8Array(2)) };
    expect(() => Matcher.fromCompiled({ ...compiled, tables: flags })).toThrow(/fit/);
    expect(() => Matcher.fromCompiled(table('entityIdEnd', [3]))).toThrow(/entities/);
  });

  it('gives back who each alias stands for, entities told apart by pack', () => {
    const aliases: AliasSpec[] = [
      {
        text: 'Doubao',
        case: 'insensitive',
        packId: 'a',
        entityId: 'doubao',
        entityKind: 'product',
      },
      {
        text: 'Seed',
        case: 'sensitive',
        packId: 'a',
        entityId: 'seed',
        entityKind: 'team',
        entityRole: 'context',
        context: ['AI'],
      },
      { text: '豆包', case: 'insensitive', packId: 'b', entityId: 'doubao', entityKind: 'model' },
    ];
    const matcher = Matcher.fromCompiled(
      JSON.parse(JSON.stringify(compileMatcher(aliases, 'k'))) as CompiledMatcher,
    );
    expect(matcher.aliasCount).toBe(3);
    expect([0, 1, 2].map((index) => matcher.alias(index))).toEqual(
      aliases.map(({ context: _, ...identity }) => ({
        ...identity,
        entityRole: identity.entityRole ?? 'subject',
      })),
    );
    expect(() => matcher.alias(3)).toThrow(RangeError);
  });
});

describe('words an alias must not match inside (notInside)', () => {
  const matcher = matcherOf([
    { text: '豆包', notInside: ['豆包子'] },
    { text: '字节', notInside: ['字节数', '千字节'] },
    { text: 'Seed', notInside: ['Seed Round'] },
    // Another alias with the same text is not blocked by the first one's words.
    '豆包',
  ]);
  const found = (text: string) =>
    matcher.scan(text).candidates.map((c) => `${text.slice(c.start, c.end)}#${c.alias}`);

  it.each<[string, string[]]>([
    ['豆包子很好吃', ['豆包#3']],
    ['豆包和豆包子', ['豆包#0', '豆包#3', '豆包#3']],
    ['字节跳动', ['字节#1']],
    ['文件有三千字节数据', []],
    ['一字节数', []],
    ['a seed round, then Seed', ['Seed#2']],
    ['SEED ROUND', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
