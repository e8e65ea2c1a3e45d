import { EXIT_OK, parseCommandArgs, printLines, type CliIo } from './io';
import { packLanguages } from '../../lib/pack/localized';
import { readValidPack } from './pack-file';
import { COMMAND_USAGE } from './usage';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1 }, COMMAND_USAGE.validate);
  const [file = ''] = positionals;
  const { pack } = await readValidPack(io, file);
  // Context entities are marked only near the pack's subjects (issue 18): an author checking
  // a pack should see how it is split.
  const context = pack.entities.filter((entity) => entity.role === 'context').length;
  const roles = context > 0 ? ` (${context} context)` : '';
  const contents = `${count(pack.entities.length, 'entity', 'entities')}${roles}, ${count(pack.facts.length, 'fact', 'facts')}`;
  // A pack that speaks several languages (format 2) says which, so an author sees a
  // misspelt tag as a language of its own.
  const languages = packLanguages(pack);
  const spoken = languages.length > 1 ? `; in ${languages.join(', ')}` : '';
  printLines(io.stdout, [`OK ${pack.id} ${pack.version}: ${contents}${spoken}`]);
  return EXIT_OK;
}
