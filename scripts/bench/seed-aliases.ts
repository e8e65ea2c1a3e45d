/**
 * The shipped pack's aliases as the matcher sees them, read from `seeds/` at run time so the
 * benchmark always measures the pack that ships.
 */
import { readFile } from 'node:fs/promises';
import type { AliasSpec } from '../../lib/engine/types';
import { packShapeSchema } from '../../lib/pack/schema';
import { packAliases } from './alias-pack';

/** One `AliasSpec` per alias of every entity, in pack order (the order is the alias index). */
export async function seedAliases(packFile: string): Promise<AliasSpec[]> {
  // The schema fills defaults (`case: 'insensitive'`) the raw JSON leaves out.
  const pack = packShapeSchema.parse(JSON.parse(await readFile(packFile, 'utf8')));
  return packAliases(pack);
}
