/**
 * A report section: one heading and its tables. The page benchmark, the matcher build and hover
 * latency are the first three; search latency will be a further file in this folder.
 */
import type { Browser } from '@playwright/test';
import type { AliasSet } from '../alias-sets';
import type { PageScripts } from '../measure-page';
import type { BenchOptions } from '../options';
import type { BenchPage } from '../pages';

export interface BenchContext {
  options: BenchOptions;
  /** The checkout being measured (where `.output/` and the sources are). */
  projectRoot: string;
  browser: Browser;
  /** Base URL of the bench server, without a trailing slash. */
  serverUrl: string;
  /** Temp folder served at `${serverUrl}/generated/`: sections may write pages of their own. */
  generatedDir: string;
  pages: BenchPage[];
  aliasSets: AliasSet[];
  scripts: PageScripts;
  /** Progress for the person waiting; goes to stderr so stdout stays the report. */
  log: (message: string) => void;
}

export interface Section {
  /** Used in progress messages. */
  id: string;
  /** Returns the section's Markdown, starting with its `##` heading. */
  run: (context: BenchContext) => Promise<string>;
  /** Generates the pages it loads, so it can run when `--only` leaves no page of the others. */
  ownPages?: boolean;
}
