/**
 * The pages to measure: the generated ones (written to a temp dir) and every `*.html` of the
 * `--pages` directory, read in place (the shared snapshots' licence asks not to copy them).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Mounts } from '../serve-static';
import { generatePages, writePages } from './generate-pages';

export interface BenchPage {
  /** File name without `.html`. */
  name: string;
  /** URL path on the bench server, e.g. `/generated/gen-cjk-1mb.html`. */
  urlPath: string;
  bytes: number;
  origin: 'generated' | 'pages';
}

export interface PageSet {
  pages: BenchPage[];
  mounts: Mounts;
}

async function describe(
  file: string,
  urlPrefix: string,
  origin: BenchPage['origin'],
): Promise<BenchPage> {
  const base = path.basename(file);
  return {
    name: base.replace(/\.html$/, ''),
    urlPath: urlPrefix + encodeURIComponent(base),
    bytes: (await stat(file)).size,
    origin,
  };
}

export async function collectPages({
  generatedDir,
  pagesDir,
  only,
}: {
  generatedDir: string;
  pagesDir: string | undefined;
  only: string | undefined;
}): Promise<PageSet> {
  const generatedFiles = await writePages(generatedDir, generatePages());
  const mounts: Record<string, string> = { '/generated/': generatedDir };
  const pages = await Promise.all(
    generatedFiles.map((f) => describe(f, '/generated/', 'generated')),
  );
  if (pagesDir !== undefined) {
    mounts['/pages/'] = pagesDir;
    const names = (await readdir(pagesDir)).filter((n) => n.endsWith('.html')).sort();
    for (const name of names)
      pages.push(await describe(path.join(pagesDir, name), '/pages/', 'pages'));
  }
  const wanted = only?.toLowerCase();
  return {
    pages:
      wanted === undefined ? pages : pages.filter((p) => p.name.toLowerCase().includes(wanted)),
    mounts,
  };
}
