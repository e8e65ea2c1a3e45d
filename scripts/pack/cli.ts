/**
 * The publisher's tools for fact packs: `npm run pack -- <command>`. This file only routes
 * arguments; each command is its own module, and everything that needs no filesystem
 * lives in lib/distribution, shared with the extension.
 */
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { diffCommand } from './diff-command';
import { CliError, EXIT_OK, EXIT_USAGE, printLines, type CliIo } from './io';
import { keygenCommand } from './keygen-command';
import { publishCommand } from './publish-command';
import { signCommand } from './sign-command';
import { USAGE } from './usage';
import { validateCommand } from './validate-command';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  keygen: keygenCommand,
  sign: signCommand,
  diff: diffCommand,
  publish: publishCommand,
};

/** Runs one command and returns its exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    if (name !== undefined) printLines(io.stderr, [`Unknown command "${name}".`, '']);
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    printLines(io.stderr, [error.message]);
    return error.exitCode;
  }
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // `npm run` starts scripts in the package root; INIT_CWD is where the user typed it.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    now: () => new Date(),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
