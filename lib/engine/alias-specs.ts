import type { PackEntity } from '../pack/schema';
import type { AliasSpec } from './types';

/**
 * Every alias of one entity as the matcher compiler takes them: the one mapping from the
 * pack format to `AliasSpec`, used by the background's matcher cache and the benchmarks.
 * `role` may be missing on entities installed before roles existed (issue 18): a subject then.
 */
export function aliasSpecsOf(
  packId: string,
  entity: Pick<PackEntity, 'id' | 'kind' | 'aliases'> & { role?: PackEntity['role'] },
): AliasSpec[] {
  return entity.aliases.map(({ text, case: rule, context, notInside }) => ({
    text,
    case: rule,
    ...(context ? { context } : {}),
    ...(notInside ? { notInside } : {}),
    packId,
    entityId: entity.id,
    entityKind: entity.kind,
    entityRole: entity.role ?? 'subject',
  }));
}
