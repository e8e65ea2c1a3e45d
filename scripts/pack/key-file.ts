import { KeyFormatError, publicKeyOf } from '../../lib/distribution/signature';
import { CliError, readInputFile, type CliIo } from './io';

/** A private key file's text and the public key that verifies its signatures. */
export async function readPrivateKeyFile(
  io: CliIo,
  shown: string,
): Promise<{ privateKey: string; publicKey: string }> {
  const privateKey = new TextDecoder().decode(await readInputFile(io, shown)).trim();
  try {
    return { privateKey, publicKey: await publicKeyOf(privateKey) };
  } catch (error) {
    if (error instanceof KeyFormatError) throw new CliError(`${shown}: ${error.message}`);
    throw error;
  }
}
