import { describe, expect, it } from 'vitest';
import {
  CJK_MARK,
  cjkRuns,
  exactKey,
  isCjkTerm,
  isCjkUnigram,
  nameKey,
  tokenSpans,
  tokenize,
} from './tokenize';

const cjk = (text: string) => CJK_MARK + text;

describe('tokenize', () => {
  it.each([
    ['', []],
    ['  —  ', []],
    ['Seedance 2.0', ['seedance', '2', '0']],
    ['Doubao-Seed-Code', ['doubao', 'seed', 'code']],
    ['ByteDance’s DAU', ['bytedance', 's', 'dau']],
    ['ＤＯＵＢＡＯ', ['doubao']],
    ['Kimi K2', ['kimi', 'k2']],
    ['São Paulo', ['sao', 'paulo']],
    ['Zürich', ['zurich']],
    ['ΣΟΦΙΑ', ['σοφια']],
    ['豆', [cjk('豆')]],
    ['豆包', [cjk('豆包')]],
    ['吴永辉', [cjk('吴永'), cjk('永辉')]],
    ['字节跳动', [cjk('字节'), cjk('节跳'), cjk('跳动')]],
    ['36氪', ['36', cjk('氪')]],
    ['豆包DAU', [cjk('豆包'), 'dau']],
    ['豆包 吴永辉', [cjk('豆包'), cjk('吴永'), cjk('永辉')]],
    ['ひらがな', [cjk('ひら'), cjk('らが'), cjk('がな')]],
    ['カーソル', [cjk('カー'), cjk('ーソ'), cjk('ソル')]],
    ['한국어', [cjk('한국'), cjk('국어')]],
    ['𠀀𠀁', [cjk('𠀀𠀁')]],
    ['हिन्दी', ['हिन्दी']],
  ])('%j → %j', (text, terms) => {
    expect(tokenize(text)).toEqual(terms);
  });

  it('gives the same terms for a query as for the indexed text it was typed from', () => {
    for (const name of ['Wu Yonghui', '吴永辉', 'Seedance 2.0', '字节跳动 ByteDance']) {
      expect(tokenize(name.toUpperCase())).toEqual(tokenize(name));
    }
  });
});

describe('tokenSpans', () => {
  it.each([
    [
      'Wu  Yonghui',
      [
        ['wu', 0, 2],
        ['yonghui', 4, 11],
      ],
    ],
    [
      '吴永辉!',
      [
        [cjk('吴永'), 0, 2],
        [cjk('永辉'), 1, 3],
      ],
    ],
    [
      'a 𠀀𠀁',
      [
        ['a', 0, 1],
        [cjk('𠀀𠀁'), 2, 6],
      ],
    ],
    ['Zürich', [['zurich', 0, 6]]],
  ])('%j', (text, spans) => {
    expect(tokenSpans(text).map(({ term, start, end }) => [term, start, end])).toEqual(spans);
  });
});

describe('term kinds', () => {
  it.each([
    ['seed', false, false],
    [cjk('豆'), true, true],
    [cjk('豆包'), true, false],
    [cjk('𠀀'), true, true],
  ])('%j: CJK %j, unigram %j', (term, isCjk, unigram) => {
    expect(isCjkTerm(term)).toBe(isCjk);
    expect(isCjkUnigram(term)).toBe(unigram);
  });
});

describe('cjkRuns', () => {
  it.each([
    ['wu yonghui', []],
    ['吴永辉', ['吴永辉']],
    ['豆包 DAU 字节跳动', ['豆包', '字节跳动']],
  ])('%j → %j', (text, runs) => {
    expect(cjkRuns(text)).toEqual(runs);
  });
});

describe('exactKey / nameKey', () => {
  it.each([
    ['Doubao-Seed-Code', 'doubao seed code'],
    ['  doubao   seed code ', 'doubao seed code'],
    ['ＤＯＵＢＡＯ Seed Code', 'doubao seed code'],
    ['Seedance 2.0', 'seedance 2 0'],
    ['字节跳动 ByteDance', '字节跳动 bytedance'],
  ])('%j → %j', (text, key) => {
    expect(exactKey(text)).toBe(key);
  });

  it('marks where each word and each CJK character starts', () => {
    expect(nameKey('Wu Yonghui')).toEqual({ key: 'wu yonghui', starts: [0, 3] });
    expect(nameKey('字节跳动 AI')).toEqual({ key: '字节跳动 ai', starts: [0, 1, 2, 3, 5] });
  });
});
