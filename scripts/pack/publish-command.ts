import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildPublication,
  isPublishedFileName,
  normalizeBaseUrl,
  PACK_FILE_SUFFIX,
  type PackFileInput,
  type PublishedPack,
} from '../../lib/distribution/publish';
import { SIGNATURE_FILE_SUFFIX } from '../../lib/distribution/signature';
import {
  CliError,
  EXIT_INVALID,
  EXIT_OK,
  fsReason,
  parseCommandArgs,
  printLines,
  readInputFile,
  type CliIo,
} from './io';
import { readPrivateKeyFile } from './key-file';
import { refusalToReplace, replaceFolder } from './output-folder';
import { formatTable } from './table';
import { COMMAND_USAGE } from './usage';

/** The `*.pack.json` names in a folder, sorted, or a `CliError` naming the folder. */
async function packFileNames(dirShown: string, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new CliError(`${dirShown}: cannot read the folder: ${fsReason(error)}`);
  }
  const packs = names.filter((name) => name.endsWith(PACK_FILE_SUFFIX)).sort();
  if (packs.length === 0) throw new CliError(`${dirShown}: no *${PACK_FILE_SUFFIX} files in it`);
  return packs;
}

/** The bytes of a `.sig` file beside a pack, if there is one. */
async function existingSignature(file: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(file + SIGNATURE_FILE_SUFFIX));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`${file}${SIGNATURE_FILE_SUFFIX}: cannot read it: ${fsReason(error)}`);
  }
}

async function readInputs(
  io: CliIo,
  dirShown: string,
  copySignatures: boolean,
): Promise<PackFileInput[]> {
  const dir = path.resolve(io.cwd, dirShown);
  const inputs: PackFileInput[] = [];
  for (const name of await packFileNames(dirShown, dir)) {
    const fileName = path.join(dirShown, name);
    const bytes = await readInputFile(io, fileName);
    const signature = copySignatures ? await existingSignature(path.join(dir, name)) : undefined;
    inputs.push({
      fileName,
      bytes,
      ...(signature === undefined ? {} : { existingSignature: signature }),
    });
  }
  return inputs;
}

function summary(packs: readonly PublishedPack[]): string[] {
  const signatureWords = { signed: 'signed', copied: 'copied .sig', none: 'unsigned' } as const;
  return formatTable(
    ['pack', 'version', 'bytes', 'sha256', 'signature', 'file'],
    packs.map((pack) => [
      pack.id,
      pack.version,
      pack.size.toLocaleString('en-US'),
      `${pack.sha256.slice(0, 12)}…`,
      signatureWords[pack.signature],
      pack.fileName,
    ]),
    ['left', 'left', 'right'],
  );
}

export async function publishCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, key: { type: 'string' }, 'base-url': { type: 'string' } },
    { min: 1, max: 1 },
    COMMAND_USAGE.publish,
  );
  const [dirShown = ''] = positionals;
  const outShown = values.out ?? path.join(dirShown, 'public');
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    try {
      normalizeBaseUrl(baseUrl);
    } catch (error) {
      throw new CliError(`--base-url: ${(error as Error).message}`);
    }
  }
  const key = values.key === undefined ? undefined : await readPrivateKeyFile(io, values.key);
  const inputs = await readInputs(io, dirShown, key === undefined);

  const result = await buildPublication(inputs, {
    generatedAt: io.now(),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(key === undefined ? {} : { privateKey: key.privateKey }),
  });
  if (!result.ok) {
    throw new CliError([...result.problems, 'Nothing was written.'].join('\n'), EXIT_INVALID);
  }

  const out = path.resolve(io.cwd, outShown);
  const refusal = await refusalToReplace(out, path.resolve(io.cwd, dirShown), isPublishedFileName);
  if (refusal !== undefined) throw new CliError(`${outShown}: will not replace it: ${refusal}`);
  try {
    await replaceFolder(out, result.publication.files);
  } catch (error) {
    throw new CliError(`${outShown}: cannot write it: ${fsReason(error)}`, EXIT_INVALID);
  }

  const { packs } = result.publication;
  printLines(io.stdout, [
    ...summary(packs),
    `Published ${packs.length} pack${packs.length === 1 ? '' : 's'} and index.json to ${outShown}.`,
    ...(key === undefined ? [] : [`Public key: ${key.publicKey}`]),
  ]);
  return EXIT_OK;
}
