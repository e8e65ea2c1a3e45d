import { describePackChanges, diffPacks } from '../../lib/distribution/changes';
import { EXIT_OK, parseCommandArgs, printLines, type CliIo } from './io';
import { readValidPack } from './pack-file';
import { COMMAND_USAGE } from './usage';

/** Every name a terminal reader might look for; the extension lists fewer. */
const NAMES_PER_LIST = 20;

export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, { min: 2, max: 2 }, COMMAND_USAGE.diff);
  const [oldFile = '', newFile = ''] = positionals;
  const previous = await readValidPack(io, oldFile);
  const next = await readValidPack(io, newFile);
  if (previous.pack.id !== next.pack.id) {
    printLines(io.stderr, [
      `Note: ${oldFile} holds pack "${previous.pack.id}" and ${newFile} holds "${next.pack.id}"; comparing them anyway.`,
    ]);
  }
  printLines(io.stdout, describePackChanges(diffPacks(previous.pack, next.pack), NAMES_PER_LIST));
  return EXIT_OK;
}
