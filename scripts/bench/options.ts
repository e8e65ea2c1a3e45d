/** Command-line options of `npm run bench`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Directory of extra `*.html` pages, or undefined for generated pages only. */
  pagesDir: string | undefined;
  runs: number;
  /** Only pages whose name contains this (case-insensitive). */
  only: string | undefined;
  /** Report file; undefined writes `bench/results/bench-<date>.md` and `latest.md`. */
  out: string | undefined;
  quick: boolean;
  /** Only sections whose id contains one of these (case-insensitive); undefined runs all. */
  sections: string[] | undefined;
  /** Per-run limit for one mark.js call; past it the run is reported as "> N s". */
  markTimeoutMs: number;
  /** Unpacked extension for the page-load section; undefined: `.output/test-hooks/chrome-mv3`. */
  extensionDir: string | undefined;
}

export const USAGE = `Usage: npm run bench -- [options]

  --pages DIR      extra pages to measure (default: ../shared/pages when it exists)
  --runs N         runs per page and method, medians reported (default 5)
  --only TEXT      only pages whose name contains TEXT
  --section TEXT   only sections whose id contains TEXT (page-scan, matcher-build,
                   hover-latency, search-latency, pack-sync, page-load, match-path); repeatable
  --out FILE       write the report here (default bench/results/bench-<date>.md + latest.md)
  --quick          1 run per measurement, report to stdout only (unless --out)
  --timeout S      seconds one mark.js run may take before it is cut off (default 30)
  --extension DIR  unpacked extension the page-load section loads (default .output/test-hooks/chrome-mv3)
  --help`;

export function parseOptions(argv: readonly string[], projectRoot: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      pages: { type: 'string' },
      runs: { type: 'string' },
      only: { type: 'string' },
      section: { type: 'string', multiple: true },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      extension: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const positive = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  let pagesDir: string | undefined;
  if (values.pages !== undefined) {
    pagesDir = path.resolve(values.pages);
    // An explicit directory that is missing is a typo, not a reason to measure less.
    if (!existsSync(pagesDir)) throw new Error(`--pages: no directory at ${pagesDir}`);
  } else {
    const shared = path.resolve(projectRoot, '../shared/pages');
    pagesDir = existsSync(shared) ? shared : undefined;
  }
  let extensionDir: string | undefined;
  if (values.extension !== undefined) {
    extensionDir = path.resolve(values.extension);
    if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(`--extension: no unpacked extension (manifest.json) in ${extensionDir}`);
    }
  }
  const runs = Math.round(positive('runs', values.runs, values.quick ? 1 : 5));
  return {
    pagesDir,
    runs,
    only: values.only,
    out: values.out === undefined ? undefined : path.resolve(values.out),
    quick: values.quick,
    sections: values.section,
    markTimeoutMs: positive('timeout', values.timeout, 30) * 1000,
    extensionDir,
  };
}
