import { describe, expect, it } from 'vitest';
import type { PackFact } from '../pack/schema';
import {
  chunkFacts,
  FACTS_PER_CHUNK,
  factOrdinalsByEntity,
  readAllFacts,
  readFacts,
} from './fact-chunks';
import { freshDatabases } from '../../tests/support/databases';

function facts(count: number, subjectsOf = (i: number) => [`e${i % 3}`]): PackFact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `f${i}`,
    subjectIds: subjectsOf(i),
    claim: `Claim ${i}.`,
    quote: `Quote ${i}`,
    sourceId: 's',
    status: 'official',
    asOf: '2026',
  }));
}

describe('chunkFacts', () => {
  it.each([
    [0, 0],
    [1, 1],
    [FACTS_PER_CHUNK, 1],
    [FACTS_PER_CHUNK + 1, 2],
    [3 * FACTS_PER_CHUNK, 3],
  ])('%i facts make %i chunks, in order', (count, chunks) => {
    const rows = chunkFacts('p', facts(count));
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: chunks }, (_, n) => n));
    expect(rows.flatMap((row) => JSON.parse(row.json) as PackFact[])).toEqual(facts(count));
  });
});

describe('factOrdinalsByEntity', () => {
  it('lists each fact once per distinct subject, ascending', () => {
    const list = facts(4, (i) => (i === 2 ? ['a', 'b', 'a'] : ['a']));
    expect(Object.fromEntries(factOrdinalsByEntity(list))).toEqual({ a: [0, 1, 2, 3], b: [2] });
  });
});

describe('reading facts back', () => {
  it('finds facts across chunk boundaries, and every fact of several packs in order', async () => {
    const { packDb } = freshDatabases();
    const many = facts(2 * FACTS_PER_CHUNK + 5);
    await packDb.factChunks.bulkAdd([
      ...chunkFacts('b-pack', facts(2)),
      ...chunkFacts('a-pack', many),
    ]);
    const ordinals = [FACTS_PER_CHUNK * 2 + 4, 0, FACTS_PER_CHUNK];
    const read = await readFacts(packDb, 'a-pack', ordinals);
    expect(read.map((fact) => fact.id)).toEqual(ordinals.map((ordinal) => `f${ordinal}`));
    expect(read[0]?.packId).toBe('a-pack');
    expect(await readFacts(packDb, 'a-pack', [10_000])).toEqual([]);
    const all = await readAllFacts(packDb, ['b-pack', 'a-pack']);
    expect(all.map((fact) => `${fact.packId}/${fact.id}`)).toEqual([
      ...many.map((fact) => `a-pack/${fact.id}`),
      'b-pack/f0',
      'b-pack/f1',
    ]);
  });
});
