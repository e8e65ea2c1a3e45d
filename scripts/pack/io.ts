import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Everything a command touches besides the filesystem, passed in so tests run the CLI
 * in-process with captured output, their own working folder and a fixed clock.
 */
export interface CliIo {
  /** Receives text as it should appear, newlines included. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths in arguments are resolved against this folder. */
  cwd: string;
  now: () => Date;
}

export const EXIT_OK = 0;
/** The input is not acceptable: an invalid pack, two packs with one id. */
export const EXIT_INVALID = 1;
/** The command cannot run: wrong arguments, a file that cannot be read, a malformed key. */
export const EXIT_USAGE = 2;

/** A failure the user can fix; its message is printed as it is, as one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export function printLines(write: (text: string) => void, lines: readonly string[]): void {
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
}

/** What went wrong with a file, in words, for the common cases. */
export function fsReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'is not a folder';
    case 'EEXIST':
      return 'already exists';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The bytes of a file named on the command line, or a `CliError` (exit 2) naming it. */
export async function readInputFile(io: CliIo, shown: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.resolve(io.cwd, shown)));
  } catch (error) {
    throw new CliError(`${shown}: cannot read it: ${fsReason(error)}`);
  }
}

/**
 * `parseArgs` for one command, with its errors turned into usage errors, and the number
 * of positionals checked.
 */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: Options,
  positionals: { min: number; max: number },
  usage: string,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(
      `${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}`,
    );
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new CliError(`Usage: ${usage}`);
  }
  return parsed;
}
