import seedDocument from '../../seeds/bytedance-ai-2026.pack.json';
import type { FactPack } from '../pack/schema';
import { describeIssues, validatePack } from '../pack/validate';

/**
 * The pack that ships with the extension. It is validated like any downloaded pack:
 * its own tests keep it valid, and this guard keeps a broken build from writing
 * half-valid data.
 */
export function bundledSeedPack(): FactPack {
  const result = validatePack(seedDocument);
  if (!result.ok) throw new Error(`bundled pack is invalid:\n${describeIssues(result.issues)}`);
  return result.pack;
}
