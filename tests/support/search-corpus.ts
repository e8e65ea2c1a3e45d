import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packSearchRows, searchDocuments, type SearchDocument } from '../../lib/search/documents';
import type { FactPack } from '../../lib/pack/schema';
import { parsedPack } from './databases';

/** The shipped seed pack, read from disk and validated like any pack. Tests only. */
export function seedPack(): FactPack {
  const path = fileURLToPath(new URL('../../seeds/bytedance-ai-2026.pack.json', import.meta.url));
  return parsedPack(JSON.parse(readFileSync(path, 'utf8')));
}

export function seedDocuments(): SearchDocument[] {
  return searchDocuments(packSearchRows([seedPack()]));
}
