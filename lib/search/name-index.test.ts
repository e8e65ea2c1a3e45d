import { describe, expect, it } from 'vitest';
import type { SearchDocument, SearchKind } from './search-documents';
import { NameIndex } from './name-index';
import { exactKey } from './tokenize';

function document(id: string, title: string, aliases: string[] = [], kind: SearchKind = 'entity') {
  return {
    kind,
    packId: 'p',
    id,
    title,
    aliases,
    text: '',
    translations: [],
    opens: null,
  } satisfies SearchDocument;
}

const documents = [
  document('seedance-2', 'Seedance 2.0'),
  document('seedance', 'Seedance', ['Seedance team']),
  document('seed', 'ByteDance Seed', ['Seed']),
  document('wu', 'Wu Yonghui', ['Yonghui Wu', '吴永辉']),
  document('bytedance', 'ByteDance', ['字节跳动']),
  document('fact', 'Seedance is a fact, never a name', [], 'fact'),
];
const index = NameIndex.build(documents);
const find = (query: string) =>
  index.find(exactKey(query)).map(({ n, exact }) => `${documents[n]?.id}${exact ? '!' : ''}`);

describe('NameIndex.find', () => {
  it.each([
    ['', []],
    ['s', ['seed', 'seedance', 'seedance-2']],
    ['seed', ['seed!', 'seedance', 'seedance-2']],
    ['seedance', ['seedance!', 'seedance-2']],
    ['seedance 2', ['seedance-2']],
    ['yo', ['wu']],
    ['wu y', ['wu']],
    ['吴', ['wu']],
    ['永辉', ['wu']],
    ['跳', ['bytedance']],
    ['BYTE', ['bytedance', 'seed']],
    ['x', []],
  ])('%j → %j', (query, expected) => {
    expect(find(query)).toEqual(expected);
  });

  it('ranks a name that starts with the query above one with a later word that does', () => {
    // "Seed" (alias, 4 letters) starts with "s"; "ByteDance Seed" only at its second word.
    expect(find('s')[0]).toBe('seed');
  });

  it('never returns facts', () => {
    expect(find('seedance is')).toEqual([]);
  });
});
