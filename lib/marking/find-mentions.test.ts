import { describe, expect, it } from 'vitest';
import type { VocabularyEntry } from '../messaging/protocol';
import { activeVocabulary, findMentions } from './find-mentions';

function entry(text: string, extra: Partial<VocabularyEntry> = {}): VocabularyEntry {
  return {
    packId: 'p',
    entityId: text,
    entityKind: 'product',
    text,
    case: 'insensitive',
    ...extra,
  };
}

const vocabulary = [
  entry('Doubao'),
  entry('Doubao Professional Edition'),
  entry('Seedance'),
  entry('Seedance 2.0'),
  entry('Trae'),
  entry('K2', { case: 'sensitive' }),
  entry('豆包'),
  entry('吴永辉'),
];

function found(text: string): string[] {
  return findMentions(text, vocabulary).map((m) => text.slice(m.start, m.end));
}

describe('findMentions', () => {
  it.each([
    ['a plain mention', 'Doubao grew fast.', ['Doubao']],
    ['case-insensitive by default', 'DOUBAO and doubao', ['DOUBAO', 'doubao']],
    ['a possessive', "Doubao's users", ['Doubao']],
    ['not inside a longer word', 'The Traeger grill', []],
    ['not after a letter', 'MyTrae', []],
    ['not before a digit', 'K2O is a compound', []],
    ['case rule: sensitive', 'k2 and K2', ['K2']],
    ['leftmost-longest', 'Seedance 2.0 beat Seedance', ['Seedance 2.0', 'Seedance']],
    [
      'longest of shared prefix',
      'Doubao Professional Edition launched',
      ['Doubao Professional Edition'],
    ],
    ['CJK inside a sentence', '字节跳动的豆包日活很高', ['豆包']],
    ['CJK name between CJK text', '据悉吴永辉表示', ['吴永辉']],
    ['nothing', 'An unrelated sentence.', []],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports offsets into the original text', () => {
    const text = 'Ask Doubao';
    expect(findMentions(text, vocabulary)).toEqual([{ start: 4, end: 10, entry: vocabulary[0] }]);
  });
});

describe('activeVocabulary', () => {
  const gated = [
    entry('Seed', { case: 'sensitive', context: ['ByteDance', '字节跳动'] }),
    entry('Doubao'),
  ];

  it.each([
    [
      'keeps a gated alias when a context term is on the page',
      'Seed team at ByteDance',
      ['Seed', 'Doubao'],
    ],
    ['matches context case-insensitively', 'the bytedance lab', ['Seed', 'Doubao']],
    ['matches a CJK context term', '字节跳动', ['Seed', 'Doubao']],
    ['drops it otherwise', 'Seed funding for startups', ['Doubao']],
    ['needs the context term as a whole word', 'ByteDancers said so', ['Doubao']],
  ])('%s', (_label, page, expected) => {
    expect(activeVocabulary(gated, page).map((e) => e.text)).toEqual(expected);
  });
});
