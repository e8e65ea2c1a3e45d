import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SIGNATURE_FILE_SUFFIX,
  signBytes,
  signatureFileText,
} from '../../lib/distribution/signature';
import { CliError, EXIT_OK, fsReason, parseCommandArgs, printLines, type CliIo } from './io';
import { readPrivateKeyFile } from './key-file';
import { readValidPack } from './pack-file';
import { COMMAND_USAGE } from './usage';

export async function signCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { key: { type: 'string' } },
    { min: 1, max: 1 },
    COMMAND_USAGE.sign,
  );
  if (values.key === undefined) {
    throw new CliError(`sign needs --key <private key file>\nUsage: ${COMMAND_USAGE.sign}`);
  }
  const [file = ''] = positionals;
  // A signature vouches for the pack, so an invalid one is never signed.
  const { bytes } = await readValidPack(io, file);
  const { privateKey, publicKey } = await readPrivateKeyFile(io, values.key);
  const signature = await signBytes(privateKey, bytes);

  const shown = file + SIGNATURE_FILE_SUFFIX;
  try {
    await writeFile(path.resolve(io.cwd, shown), signatureFileText(signature));
  } catch (error) {
    throw new CliError(`${shown}: cannot write it: ${fsReason(error)}`);
  }
  printLines(io.stdout, [`Wrote ${shown}.`, `Public key: ${publicKey}`]);
  return EXIT_OK;
}
