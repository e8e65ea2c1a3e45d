import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FolderFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Why `target` must not be replaced, or `undefined` when it may be. Publish owns its output
 * folder and replaces it whole, so it refuses a folder holding anything it would not have
 * written itself, and any folder that is or contains the input folder.
 */
export async function refusalToReplace(
  target: string,
  inputDir: string,
  isOwnFile: (name: string) => boolean,
): Promise<string | undefined> {
  const fromTarget = path.relative(target, inputDir);
  if (fromTarget === '' || (!fromTarget.startsWith('..') && !path.isAbsolute(fromTarget))) {
    return 'it is or contains the input folder, and publish replaces its output folder whole';
  }
  let names: string[];
  try {
    if (!(await stat(target)).isDirectory()) return 'it exists and is not a folder';
    names = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const foreign = names.filter((name) => !isOwnFile(name)).sort();
  if (foreign.length === 0) return undefined;
  const listed = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
  return `it holds ${listed}, which publish did not write, and publish replaces its output folder whole`;
}

/**
 * Makes `target` hold exactly `files`. Everything is written into a staging folder beside
 * it first and swapped in with renames, so a failure part-way leaves the previous
 * contents (or nothing) rather than a mix.
 */
export async function replaceFolder(target: string, files: readonly FolderFile[]): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.staging-`));
  try {
    // mkdtemp makes the folder private (0700); a published folder is meant to be served.
    await chmod(staging, 0o755);
    for (const file of files) {
      await writeFile(path.join(staging, file.name), file.bytes, { flag: 'wx' });
    }
    await swapIn(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function swapIn(staging: string, target: string): Promise<void> {
  const previous = `${staging}-previous`;
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadPrevious = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
