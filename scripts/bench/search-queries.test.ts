import { describe, expect, it } from 'vitest';
import { syntheticPack } from '../../tests/support/synthetic-pack';
import { keystrokes, searchQueries } from './search-queries';

describe('keystrokes', () => {
  it.each([
    ['see', ['s', 'se', 'see']],
    ['wu y', ['w', 'wu', 'wu ', 'wu y']],
    ['豆包', ['豆', '豆包']],
    ['𠀀𠀁', ['𠀀', '𠀀𠀁']],
    [' a', [' a']], // a query of only spaces is not a keystroke worth timing
  ])('%j → %j', (text, expected) => {
    expect(keystrokes(text)).toEqual(expected);
  });
});

describe('searchQueries', () => {
  const pack = syntheticPack(3, { entities: 400, facts: 100, sources: 5, propositions: 2 });
  const queries = searchQueries(pack);

  it('types seed-pack names a keystroke at a time and adds typos and Chinese', () => {
    expect(queries).toEqual(expect.arrayContaining(['s', 'se', 'seedance', 'wu yonhui', '吴永']));
  });

  it('types names of the generated pack too', () => {
    const names = new Set(pack.entities.map((entity) => entity.name));
    expect(queries.filter((query) => names.has(query)).length).toBeGreaterThanOrEqual(3);
  });

  it('is the same for the same pack', () => {
    expect(searchQueries(pack)).toEqual(queries);
  });
});
