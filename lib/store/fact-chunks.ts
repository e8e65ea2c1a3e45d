import type { Table } from 'dexie';
import type { PackFact } from '../pack/schema';
import type { FactChunkRow, FactRow } from './rows';

/**
 * Facts are stored in chunks of this many, each chunk one JSON string. IndexedDB pays a
 * fixed cost per record and a further cost per object it clones; a 50,000-fact pack written
 * as one record per fact took seconds, as 500 strings a fraction of that. Entities keep the
 * ordinals of their facts (`EntityRow.factOrdinals`), so a card reads only its chunks.
 */
export const FACTS_PER_CHUNK = 100;

/** The pack's facts in chunk rows, in the author's order: fact `i` is in chunk `i / 100`. */
export function chunkFacts(packId: string, facts: readonly PackFact[]): FactChunkRow[] {
  const chunks: FactChunkRow[] = [];
  for (let start = 0; start < facts.length; start += FACTS_PER_CHUNK) {
    chunks.push({
      packId,
      n: start / FACTS_PER_CHUNK,
      json: JSON.stringify(facts.slice(start, start + FACTS_PER_CHUNK)),
    });
  }
  return chunks;
}

/** For each entity id, the ordinals of the facts it is a subject of, ascending. */
export function factOrdinalsByEntity(facts: readonly PackFact[]): Map<string, number[]> {
  const ordinals = new Map<string, number[]>();
  facts.forEach((fact, ordinal) => {
    for (const subject of new Set(fact.subjectIds)) {
      const list = ordinals.get(subject);
      if (list) list.push(ordinal);
      else ordinals.set(subject, [ordinal]);
    }
  });
  return ordinals;
}

/**
 * What the readers need of the pack database: its chunk table. Typed as that rather than as
 * `PackDatabase`, whose v6 upgrade uses `chunkFacts`, so neither module imports the other.
 */
interface FactChunkTables {
  factChunks: Table<FactChunkRow, [string, number]>;
}

function parseChunk(row: FactChunkRow): FactRow[] {
  return (JSON.parse(row.json) as PackFact[]).map((fact) => ({ ...fact, packId: row.packId }));
}

/** The facts at `ordinals` in one pack, in the order given; call inside a transaction. */
export async function readFacts(
  db: FactChunkTables,
  packId: string,
  ordinals: readonly number[],
): Promise<FactRow[]> {
  const chunkNumbers = [
    ...new Set(ordinals.map((ordinal) => Math.floor(ordinal / FACTS_PER_CHUNK))),
  ];
  const rows = await db.factChunks.bulkGet(chunkNumbers.map((n): [string, number] => [packId, n]));
  const chunks = new Map<number, FactRow[]>();
  rows.forEach((row, index) => {
    if (row) chunks.set(chunkNumbers[index] as number, parseChunk(row));
  });
  return ordinals.flatMap((ordinal) => {
    const fact = chunks.get(Math.floor(ordinal / FACTS_PER_CHUNK))?.[ordinal % FACTS_PER_CHUNK];
    return fact ? [fact] : [];
  });
}

/** Every fact of the given packs, each pack's in the author's order; call inside a transaction. */
export async function readAllFacts(
  db: FactChunkTables,
  packIds: readonly string[],
): Promise<FactRow[]> {
  const rows = await db.factChunks.where('packId').anyOf(packIds).toArray();
  rows.sort((a, b) => (a.packId === b.packId ? a.n - b.n : a.packId < b.packId ? -1 : 1));
  return rows.flatMap(parseChunk);
}
