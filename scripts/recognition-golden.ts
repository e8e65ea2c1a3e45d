/**
 * What Fact Lens recognizes on a fixed set of pages, in a form two builds can be compared by:
 * shared by the recorder (`scripts/record-recognition.ts`, which writes
 * tests/e2e/golden/recognition.json) and the spec that checks the current build against it
 * (tests/e2e/recognition-golden.spec.ts), so both load and read a page the same way.
 *
 * A page's result is its painted mentions in document order, each `kind|text` (`kind` from the
 * highlight `fact-lens-<kind>` that paints it). Only the top document is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { generatePages, writePages } from './bench/generate-pages';
import { defaultMounts } from './serve-static';

/** Where the golden file lives, relative to the project root. */
export const GOLDEN_FILE = 'tests/e2e/golden/recognition.json';

/** URL prefix of the benchmark's generated pages (a second mount beside `defaultMounts`). */
export const GENERATED_PREFIX = '/generated/';

/** A page's list is stored whole up to this many mentions … */
export const FULL_LIST_LIMIT = 200;
/** … and past it only its first entries (with the count and the hash of the whole list). */
export const LISTED_HEAD = 50;

/** Highlights that mark state rather than mentions (as in tests/e2e/highlights.ts). */
const STATE_HIGHLIGHTS = ['fact-lens-active', 'fact-lens-hover'];

export type PageOrigin = 'demo' | 'pages' | 'generated';

export interface GoldenPage {
  /** Key in the golden file: `demo/index`, `pages/gmw`, `generated/gen-cjk-1mb`. */
  name: string;
  origin: PageOrigin;
  /** Path on the server: `/index.html`, `/pages/gmw.html`, `/generated/gen-cjk-1mb.html`. */
  urlPath: string;
}

/** One page's result as stored in the golden file. */
export interface GoldenEntry {
  count: number;
  /** SHA-256 (hex) of `JSON.stringify` of the whole list of `kind|text` entries. */
  sha256: string;
  /** The whole list, or its first `LISTED_HEAD` entries when `truncated`. */
  mentions: string[];
  truncated?: true;
}

export type Golden = Record<string, GoldenEntry>;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** The origin of a golden key (its first path segment). */
export function originOf(name: string): PageOrigin {
  const origin = name.split('/')[0];
  if (origin === 'demo' || origin === 'pages' || origin === 'generated') return origin;
  throw new Error(`Golden page "${name}" is not demo/…, pages/… or generated/…`);
}

/** The server path of a golden key, the inverse of the names `listPages` gives. */
export function urlPathOf(name: string): string {
  const file = encodeURIComponent(name.slice(name.indexOf('/') + 1)) + '.html';
  const origin = originOf(name);
  return origin === 'demo'
    ? `/${file}`
    : origin === 'pages'
      ? `/pages/${file}`
      : `/generated/${file}`;
}

/**
 * Every page to record: the demo pages (tests/demo/*.html), the saved real pages
 * (`../shared/pages/*.html`, when that folder exists) and the generated pages in `generatedDir`.
 */
export function listPages(projectRoot: string, generatedDir: string): GoldenPage[] {
  const mounts = defaultMounts(projectRoot);
  const pages: GoldenPage[] = [];
  const add = (origin: PageOrigin, dir: string | undefined) => {
    if (dir === undefined || !existsSync(dir)) return;
    for (const file of htmlFiles(dir)) {
      const name = `${origin}/${file.replace(/\.html$/, '')}`;
      pages.push({ name, origin, urlPath: urlPathOf(name) });
    }
  };
  add('demo', mounts['/']);
  add('pages', mounts['/pages/']);
  add('generated', generatedDir);
  return pages;
}

/** Writes the benchmark's generated pages (its own generator, default seed) into `dir`. */
export async function writeGeneratedPages(dir: string): Promise<void> {
  await writePages(dir, generatePages());
}

/**
 * Keeps a page off the network: its document loads (and its frames), as do files from our
 * own servers and the extension; everything else (a saved page's scripts, styles and images
 * on the live web) is refused, so what the page shows never depends on the outside.
 */
export async function isolate(page: Page, servers: readonly string[]): Promise<void> {
  await page.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    const ours =
      request.resourceType() === 'document' ||
      url.startsWith('chrome-extension://') ||
      servers.some((server) => url.startsWith(server + '/'));
    return ours ? route.continue() : route.abort();
  });
}

/** How many mentions are painted in the top document right now. */
function mentionCount(page: Page): Promise<number> {
  return page.evaluate((stateNames) => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('fact-lens-') && !stateNames.includes(name)) count += highlight.size;
    }
    return count;
  }, STATE_HIGHLIGHTS);
}

/**
 * Waits until Fact Lens has finished its first scan of the page (it registers
 * `fact-lens-active`, see `markerActive` in tests/e2e/highlights.ts) and the number of painted
 * mentions has then stayed the same for `settleMs`.
 */
export async function waitForFirstScan(
  page: Page,
  { timeout = 60_000, settleMs = 500, pollMs = 100 } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  const check = async (what: string) => {
    if (Date.now() <= deadline) return;
    const state = await page.evaluate(() => ({
      readyState: document.readyState,
      highlights: [...CSS.highlights.keys()],
    }));
    throw new Error(
      `${what} within ${timeout} ms on ${page.url()} ` +
        `(readyState ${state.readyState}, highlights [${state.highlights.join(', ')}])`,
    );
  };
  while (!(await page.evaluate(() => CSS.highlights.has('fact-lens-active')))) {
    await check('Fact Lens did not finish its first scan');
    await sleep(pollMs);
  }
  let last = await mentionCount(page);
  let stableSince = Date.now();
  while (Date.now() - stableSince < settleMs) {
    await check('The number of painted mentions did not settle');
    await sleep(pollMs);
    const now = await mentionCount(page);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
}

/**
 * The painted mentions of the top document as `kind|text`, in document order: by the position
 * of each range's start node in a walk of the document (then of each open shadow root, after
 * the tree that holds its host), then start offset, end node, end offset, kind, text. Node
 * positions rather than `compareBoundaryPoints`, which throws for ranges in different trees.
 */
export function readMentions(page: Page): Promise<string[]> {
  // No named inner functions: tsx (esbuild keepNames) would wrap them in a `__name` helper
  // that does not exist in the page.
  return page.evaluate((stateNames) => {
    const order = new Map<Node, number>();
    const roots: Node[] = [document];
    while (roots.length > 0) {
      const root = roots.shift() as Node;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      const shadows: Node[] = [];
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        order.set(node, order.size);
        if (node instanceof Element && node.shadowRoot) shadows.push(node.shadowRoot);
      }
      roots.unshift(...shadows);
    }
    const found: { key: number[]; kind: string; text: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('fact-lens-') || stateNames.includes(name)) continue;
      for (const painted of highlight) {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        found.push({
          key: [
            order.get(painted.startContainer) ?? Number.MAX_SAFE_INTEGER,
            painted.startOffset,
            order.get(painted.endContainer) ?? Number.MAX_SAFE_INTEGER,
            painted.endOffset,
          ],
          kind: name.slice('fact-lens-'.length),
          text: range.toString(),
        });
      }
    }
    found.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (d !== 0) return d;
      }
      if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
      return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
    });
    return found.map(({ kind, text }) => `${kind}|${text}`);
  }, STATE_HIGHLIGHTS);
}

/** Opens `url` (after `isolate`), waits for the first scan, and reads the painted mentions. */
export async function recordPage(
  page: Page,
  url: string,
  options: { timeout?: number } = {},
): Promise<string[]> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeout ?? 60_000 });
  await waitForFirstScan(page, { timeout: options.timeout ?? 60_000 });
  return readMentions(page);
}

/** A page's list as stored: count, hash of the whole list, and the list or its head. */
export function summarize(mentions: readonly string[]): GoldenEntry {
  const sha256 = createHash('sha256').update(JSON.stringify(mentions)).digest('hex');
  if (mentions.length <= FULL_LIST_LIMIT) {
    return { count: mentions.length, sha256, mentions: [...mentions] };
  }
  return {
    count: mentions.length,
    sha256,
    mentions: mentions.slice(0, LISTED_HEAD),
    truncated: true,
  };
}

/** Entries of `a` not matched in `b`, counting repeats (a multiset difference), in `a`'s order. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const entry of b) left.set(entry, (left.get(entry) ?? 0) + 1);
  const missing: string[] = [];
  for (const entry of a) {
    const n = left.get(entry) ?? 0;
    if (n > 0) left.set(entry, n - 1);
    else missing.push(entry);
  }
  return missing;
}

/**
 * How `actual` (a whole list) differs from the golden `expected`, for a failure message or a
 * report; `''` when they agree. For a truncated golden entry only the listed head can be
 * compared entry by entry; count and hash say whether the rest differs.
 */
export function describeDifference(expected: GoldenEntry, actual: readonly string[]): string {
  const got = summarize(actual);
  const before = expected.mentions;
  const after = expected.truncated ? actual.slice(0, before.length) : actual;
  const sameList = before.length === after.length && before.every((entry, i) => entry === after[i]);
  if (got.sha256 === expected.sha256 && got.count === expected.count && sameList) return '';
  const lines = [`count ${expected.count} → ${got.count}`];
  if (expected.truncated) {
    lines.push(`(golden list truncated: comparing the first ${before.length} entries)`);
  }
  const lost = missingFrom(before, after);
  const added = missingFrom(after, before);
  for (const entry of lost) lines.push(`- ${entry}`);
  for (const entry of added) lines.push(`+ ${entry}`);
  if (lost.length === 0 && added.length === 0) {
    lines.push(
      sameList
        ? 'the listed entries agree; the rest differs (compare whole lists: record with --full)'
        : 'same entries, in another order',
    );
  }
  return lines.join('\n');
}

/**
 * The file a golden key's page is served from (`undefined`: its folder is absent here);
 * generated pages are looked for in `generatedDir`.
 */
export function sourceFile(
  projectRoot: string,
  name: string,
  generatedDir?: string,
): string | undefined {
  const mounts = defaultMounts(projectRoot);
  const origin = originOf(name);
  const dir =
    origin === 'demo' ? mounts['/'] : origin === 'pages' ? mounts['/pages/'] : generatedDir;
  return dir === undefined
    ? undefined
    : path.join(dir, name.slice(name.indexOf('/') + 1) + '.html');
}
