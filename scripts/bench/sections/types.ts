/**
 * A report section: one heading and its tables. The page benchmark and the matcher build are
 * the first two; hover and search latency will be further files in this folder.
 */
import type { Browser } from '@playwright/test';
import type { AliasSet } from '../alias-sets';
import type { PageScripts } from '../measure-page';
import type { BenchOptions } from '../options';
import type { BenchPage } from '../pages';

export interface BenchContext {
  options: BenchOptions;
  browser: Browser;
  /** Base URL of the bench server, without a trailing slash. */
  serverUrl: string;
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
}
