import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateKeyPair } from '../../lib/distribution/signature';
import { CliError, EXIT_OK, fsReason, parseCommandArgs, printLines, type CliIo } from './io';
import { COMMAND_USAGE } from './usage';

export const DEFAULT_KEY_BASENAME = 'fact-lens-publisher';

/** Creates a file that must not exist yet; `wx` makes the check and the write one step. */
async function createFile(file: string, shown: string, text: string, mode: number) {
  try {
    await writeFile(file, text, { flag: 'wx', mode });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? 'already exists; keygen never overwrites a key (choose another --out)'
        : fsReason(error);
    throw new CliError(`${shown}: ${reason}`);
  }
}

export async function keygenCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { out: { type: 'string' } },
    { min: 0, max: 0 },
    COMMAND_USAGE.keygen,
  );
  const basename = values.out ?? DEFAULT_KEY_BASENAME;
  const privateShown = `${basename}.private.key`;
  const publicShown = `${basename}.public.key`;
  const privateFile = path.resolve(io.cwd, privateShown);
  const { publicKey, privateKey } = await generateKeyPair();

  await mkdir(path.dirname(privateFile), { recursive: true });
  // Readable by its owner only: anyone who can read it can sign packs as this publisher.
  await createFile(privateFile, privateShown, `${privateKey}\n`, 0o600);
  try {
    await createFile(path.resolve(io.cwd, publicShown), publicShown, `${publicKey}\n`, 0o644);
  } catch (error) {
    // A private key without its public half would only be confusing next to an old one.
    await unlink(privateFile);
    throw error;
  }
  printLines(io.stdout, [
    `Wrote ${privateShown} (secret: keep it out of version control) and ${publicShown}.`,
    `Public key: ${publicKey}`,
  ]);
  return EXIT_OK;
}
