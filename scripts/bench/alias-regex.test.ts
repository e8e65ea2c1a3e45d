import { describe, expect, it } from 'vitest';
import { alternationRegex, escapeRegExp } from './alias-regex';

function matches(aliases: string[], text: string): string[] {
  const { source, flags } = alternationRegex(aliases.map((alias) => ({ text: alias })));
  return [...text.matchAll(new RegExp(source, flags))].map((m) => m[0]);
}

describe('alternationRegex', () => {
  it.each([
    { aliases: ['Seedance', 'Seedance 2.0'], text: 'Seedance 2.0 ships', found: ['Seedance 2.0'] },
    { aliases: ['Seed'], text: 'Seedance and seeds, Seed.', found: ['Seed'] },
    { aliases: ['AI'], text: 'said AI, AIs', found: ['AI'] },
    { aliases: ['doubao'], text: 'DOUBAO and Doubao', found: ['DOUBAO', 'Doubao'] },
    { aliases: ['豆包'], text: '字节跳动的豆包很火', found: ['豆包'] },
    { aliases: ['Kimi K2', 'K2'], text: 'Kimi K2 beats K2-ish K2x', found: ['Kimi K2', 'K2'] },
    { aliases: ['C++', 'a.b'], text: 'C++ and axb and a.b', found: ['C++', 'a.b'] },
    { aliases: ['Wu Yonghui'], text: 'Über-Wu Yonghui', found: ['Wu Yonghui'] },
    { aliases: ['café'], text: 'cafés café', found: ['café'] },
  ])('finds $found in "$text"', ({ aliases, text, found }) => {
    expect(matches(aliases, text)).toEqual(found);
  });

  it('is the same source whatever the input order', () => {
    const a = alternationRegex([{ text: 'b' }, { text: 'aa' }, { text: '豆包' }]);
    const b = alternationRegex([{ text: '豆包' }, { text: 'aa' }, { text: 'b' }]);
    expect(a).toEqual(b);
  });
});

describe('escapeRegExp', () => {
  it.each(['a.b', 'C++', '(x)', '[y]', '{z}', 'a|b', 'a/b', '^$', 'a\\b', 'GLM-5'])(
    'escapes %s so it matches only itself under the u flag',
    (text) => {
      expect(new RegExp(`^${escapeRegExp(text)}$`, 'u').test(text)).toBe(true);
    },
  );
});
