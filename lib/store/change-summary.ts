import { countChanges, describeChangedContent, diffPacks } from '../distribution/changes';
import type { PackChangeSummary } from '../domain/pack';
import type { FactPack } from '../pack/schema';

/** Names listed per list in a stored summary; the totals count everything. */
const NAMES_PER_LIST = 8;

/** What an install changes, summarised for the pack row (`InstalledPack.lastChange`). */
export function summarizeChange(
  previous: FactPack | null,
  next: FactPack,
  at: number,
): PackChangeSummary {
  const changes = diffPacks(previous, next);
  return {
    from: previous?.version ?? null,
    to: next.version,
    at,
    total: countChanges(changes),
    // The versions are fields of their own; the lines say what changed.
    lines: describeChangedContent(changes, NAMES_PER_LIST),
  };
}
