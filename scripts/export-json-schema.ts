/**
 * Writes the fact-pack JSON Schema for pack authors to `seeds/fact-pack.schema.json`.
 *
 *   npm run schema:export            regenerate the file
 *   npm run schema:export -- --check exit 1 if the file is missing or out of date
 *
 * The text is run through Prettier with the project's configuration, so the file is
 * byte-identical to what `prettier --write` would leave and `prettier --check` passes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { packJsonSchema } from '../lib/pack/json-schema';

export const SCHEMA_FILE = fileURLToPath(
  new URL('../seeds/fact-pack.schema.json', import.meta.url),
);

/** The exact contents `seeds/fact-pack.schema.json` should have. */
export async function renderPackJsonSchema(): Promise<string> {
  const json = JSON.stringify(packJsonSchema(), null, 2) + '\n';
  const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
  return format(json, { ...options, filepath: SCHEMA_FILE });
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: export-json-schema [--check]`);
    return 2;
  }
  const expected = await renderPackJsonSchema();
  const current = await readIfExists(SCHEMA_FILE);
  const shown = path.relative(process.cwd(), SCHEMA_FILE);

  if (args.includes('--check')) {
    if (current === expected) {
      console.log(`${shown} is up to date.`);
      return 0;
    }
    console.error(
      `${shown} is ${current === undefined ? 'missing' : 'out of date with lib/pack/schema.ts'}. ` +
        'Run `npm run schema:export` and commit the result.',
    );
    return 1;
  }

  if (current === expected) {
    console.log(`${shown} is already up to date.`);
  } else {
    await writeFile(SCHEMA_FILE, expected, 'utf8');
    console.log(`Wrote ${shown}.`);
  }
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
