import { validatePackBytes } from '../../lib/distribution/pack-bytes';
import type { FactPack } from '../../lib/pack/schema';
import { describeIssues, type PackIssue } from '../../lib/pack/validate';
import { CliError, EXIT_INVALID, readInputFile, type CliIo } from './io';

/** Enough for an author to fix a batch; past this the file is broken as a whole. */
const ISSUES_SHOWN = 50;

/** One line per issue, each naming the file: `a.pack.json: $.facts[0].claim: must not be empty`. */
export function issueLines(shown: string, issues: readonly PackIssue[]): string[] {
  return describeIssues(issues, ISSUES_SHOWN)
    .split('\n')
    .map((line) => `${shown}: ${line}`);
}

/** A pack file's exact bytes and the pack they hold, or a `CliError` (exit 1) listing its issues. */
export async function readValidPack(
  io: CliIo,
  shown: string,
): Promise<{ bytes: Uint8Array; pack: FactPack }> {
  const bytes = await readInputFile(io, shown);
  const result = validatePackBytes(bytes);
  if (!result.ok) throw new CliError(issueLines(shown, result.issues).join('\n'), EXIT_INVALID);
  return { bytes, pack: result.pack };
}
