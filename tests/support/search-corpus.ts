import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FactPack } from '../../lib/pack/schema';
import {
  searchDocuments,
  type SearchDocument,
  type SearchRows,
} from '../../lib/search/search-documents';
import { packToRows } from '../../lib/store/install';
import { parsedPack } from './databases';

/** The shipped seed pack, read from disk and validated like any pack. Tests only. */
export function seedPack(): FactPack {
  const path = fileURLToPath(new URL('../../seeds/bytedance-ai-2026.pack.json', import.meta.url));
  return parsedPack(JSON.parse(readFileSync(path, 'utf8')));
}

/** The seed pack's documents, shown in the first of `preferred` it speaks (English by default). */
export function seedDocuments(preferred: readonly string[] = []): SearchDocument[] {
  return searchDocuments(packSearchRows([seedPack()]), preferred);
}

/** The rows validated packs would be installed as, all enabled: search without IndexedDB. */
export function packSearchRows(packs: readonly FactPack[]): SearchRows {
  const rows = packs.map((pack) => packToRows(pack, 'file', 0));
  return {
    packs: rows.map((row) => row.pack),
    entities: rows.flatMap((row) => row.entities),
    propositions: rows.flatMap((row) => row.propositions),
    facts: packs.flatMap((pack) => pack.facts.map((fact) => ({ ...fact, packId: pack.id }))),
    sources: rows.flatMap((row) => row.sources),
  };
}
