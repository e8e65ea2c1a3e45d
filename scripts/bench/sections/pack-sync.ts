/**
 * Pack install and sync, with the real built extension: the time from the options page to
 * install a generated pack of 10,000 entities and 50,000 facts (budget under 3 s), and the
 * time of a sync of an unchanged subscription, which should be one conditional request.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { INDEX_FILE_NAME, buildPublication } from '../../../lib/distribution/publish';
import type { FactPack } from '../../../lib/pack/schema';
import {
  LARGE_PACK,
  syntheticPack,
  type SyntheticPackSize,
} from '../../../tests/support/synthetic-pack';
import { FACTS_PER_CHUNK } from '../../../lib/store/fact-chunks';
import type { InstalledPack } from '../../../lib/domain/pack';
import type { SyncReport } from '../../../lib/domain/subscription';
import { copyBuildGranting } from '../../granted-build';
import { serveStatic } from '../../serve-static';
import { PACK_INSTALL_BUDGET_MS } from '../budgets';
import { countingProxy, type ProxiedRequest } from '../counting-proxy';
import { checkExtensionBuild, launchWithExtension } from '../extension-browser';
import { bytes, count } from '../markdown';
import {
  describeSyncRequests,
  figuresTable,
  installDocuments,
  syncsWereConditional,
  type FigureRow,
  type InstallDocuments,
} from '../pack-sync-figures';
import { staleBuildNote } from '../report-notes';
import { measureWorstCaseValidation } from '../worst-case-packs';
import type { BenchContext, Section } from './types';

const TITLE = '## Pack install and sync';
/** Fixed, like the search section's: the generated pack is part of the benchmark's input. */
const LARGE_SEED = 11;
/** A small pack of its own for the subscription, so it is not the bundled seed pack. */
const SYNC_SEED = 5;
const SYNC_SIZE: SyntheticPackSize = { entities: 100, facts: 500, sources: 20, propositions: 10 };
/** Match patterns ignore ports: this grants every server the bench starts. */
const GRANTED_HOST = 'http://127.0.0.1/*';
/** Lets the options page re-list the packs after each change before the next request. */
const SETTLE_MS = 500;

/** What one request answered, timed in the page around `runtime.sendMessage`. */
interface Timed {
  ms: number;
  ok: boolean;
  value?: unknown;
  error?: { code?: string; message?: string };
}

/** The options page's window once `shipDocuments` has put the install documents into it. */
interface BenchWindow {
  factLensBenchDocuments?: Record<string, string>;
}

function skipped(reason: string): string {
  return [TITLE, '', `Skipped: ${reason}.`].join('\n');
}

/**
 * One protocol request from the page, framed the way @webext-core/messaging frames it (as
 * tests/e2e/extension.ts does), timed with `performance.now()` from just before
 * `sendMessage` to its reply. With `textKey`, the payload's `text` is that document, already
 * in the page. `keepValue: false` leaves a large reply (a removed pack's text) in the page.
 */
async function timedRequest(
  page: Page,
  type: string,
  data: Record<string, unknown> | undefined,
  { textKey, keepValue = true }: { textKey?: string; keepValue?: boolean } = {},
): Promise<Timed> {
  return page.evaluate(
    async ({ type, data, textKey, keepValue }) => {
      const documents = (window as unknown as BenchWindow).factLensBenchDocuments;
      const text = textKey === undefined ? undefined : documents?.[textKey];
      if (textKey !== undefined && text === undefined) throw new Error(`no document ${textKey}`);
      const payload = text === undefined ? data : { ...data, text };
      const start = performance.now();
      const response = (await chrome.runtime.sendMessage({
        id: 1,
        type,
        data: payload,
        timestamp: Date.now(),
      })) as {
        res?: { ok: boolean; value?: unknown; error?: { code?: string; message?: string } };
        err?: { message?: string };
      };
      const ms = performance.now() - start;
      const reply = response.res;
      if (reply === undefined) {
        return { ms, ok: false, error: { message: response.err?.message ?? 'no reply' } };
      }
      return reply.ok
        ? { ms, ok: true, ...(keepValue ? { value: reply.value } : {}) }
        : { ms, ok: false, error: reply.error };
    },
    { type, data, textKey, keepValue },
  );
}

function failure(what: string, answer: Timed): Error {
  const reason = answer.error
    ? `${answer.error.code ?? 'error'}: ${answer.error.message ?? ''}`
    : 'an unexpected answer';
  return new Error(`${what} answered ${reason}`);
}

const settle = (page: Page) => page.waitForTimeout(SETTLE_MS);

/** The extension's options page in the profile's first tab, with the bundled pack installed. */
async function openOptions(context: BrowserContext): Promise<Page> {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // A read makes sure the bundled pack is installed, so no run pays for it.
  const listed = await timedRequest(page, 'listPacks', undefined);
  if (!listed.ok) throw failure('listPacks', listed);
  await settle(page);
  return page;
}

/** Puts the documents into the page once, so each run sends the page's own string. */
async function shipDocuments(page: Page, documents: InstallDocuments): Promise<void> {
  const { install, update, broken } = documents;
  await page.evaluate(
    (texts) => {
      (window as unknown as BenchWindow).factLensBenchDocuments = texts;
    },
    { install, update, broken },
  );
}

interface InstallFigures {
  /** Refused by the dispatcher (an unknown payload key): messaging of the text only. */
  messaging: number[];
  /** Refused after validation (one dangling reference): messaging + validation. */
  validated: number[];
  install: number[];
  update: number[];
  counts?: InstalledPack['counts'];
  error?: string;
}

async function measureInstall(
  page: Page,
  pack: FactPack,
  documents: InstallDocuments,
  runs: number,
  log: (message: string) => void,
): Promise<InstallFigures> {
  const figures: InstallFigures = { messaging: [], validated: [], install: [], update: [] };
  try {
    await shipDocuments(page, documents);
    for (let run = 1; run <= runs; run++) {
      log(`pack install run ${run}/${runs}…`);
      // Each run starts without the pack: the install is a first install, every time.
      const removed = await timedRequest(
        page,
        'removePack',
        { packId: pack.id },
        { keepValue: false },
      );
      if (!removed.ok) throw failure('removePack', removed);
      await settle(page);

      const probe = await timedRequest(
        page,
        'installPack',
        { benchProbe: true },
        { textKey: 'install' },
      );
      if (probe.ok || probe.error?.code !== 'invalid-request') {
        throw failure('installPack with an unknown key', probe);
      }
      figures.messaging.push(probe.ms);

      const refused = await timedRequest(page, 'installPack', {}, { textKey: 'broken' });
      if (refused.ok || refused.error?.code !== 'invalid-pack') {
        throw failure('installPack of the broken pack', refused);
      }
      figures.validated.push(refused.ms);

      const installed = await timedRequest(page, 'installPack', {}, { textKey: 'install' });
      if (!installed.ok) throw failure('installPack', installed);
      figures.install.push(installed.ms);
      figures.counts = (installed.value as InstalledPack).counts;
      await settle(page);

      const updated = await timedRequest(page, 'installPack', {}, { textKey: 'update' });
      const version = (updated.value as InstalledPack | undefined)?.version;
      if (!updated.ok || version !== documents.updateVersion) {
        throw failure(`installPack of ${documents.updateVersion}`, updated);
      }
      figures.update.push(updated.ms);
      await settle(page);
    }
    // Leave the profile as the sync measurement expects it: the bundled pack only.
    await timedRequest(page, 'removePack', { packId: pack.id }, { keepValue: false });
    await page.evaluate(() => {
      delete (window as unknown as BenchWindow).factLensBenchDocuments;
    });
    await settle(page);
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  }
  return figures;
}

interface SyncFigures {
  packBytes: number;
  /** `addSubscription`: the first sync, which downloads the index and the pack and installs. */
  first: number[];
  firstRequests: ProxiedRequest[];
  unchanged: number[];
  perSync: ProxiedRequest[][];
  outcomes: SyncReport['outcome'][];
  error?: string;
}

/** The small pack published into a fresh folder (index + pack, unsigned), and that folder. */
async function publishSmallPack(): Promise<{ dir: string; packBytes: number }> {
  const pack = syntheticPack(SYNC_SEED, SYNC_SIZE);
  const body = new TextEncoder().encode(JSON.stringify(pack));
  const result = await buildPublication([{ fileName: 'bench-sync.pack.json', bytes: body }], {
    generatedAt: new Date(),
  });
  if (!result.ok) throw new Error(`publish failed: ${result.problems.join('; ')}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-bench-publish-'));
  for (const file of result.publication.files) {
    await writeFile(path.join(dir, file.name), file.bytes);
  }
  return { dir, packBytes: body.byteLength };
}

async function measureSync(
  page: Page,
  runs: number,
  log: (message: string) => void,
): Promise<SyncFigures> {
  const figures: SyncFigures = {
    packBytes: 0,
    first: [],
    firstRequests: [],
    unchanged: [],
    perSync: [],
    outcomes: [],
  };
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const { dir, packBytes } = await publishSmallPack();
    cleanups.unshift(() => rm(dir, { recursive: true, force: true }));
    figures.packBytes = packBytes;
    const server = await serveStatic(dir);
    cleanups.unshift(() => server.close());
    const proxy = await countingProxy(server.url);
    cleanups.unshift(() => proxy.close());
    const url = `${proxy.url}/${INDEX_FILE_NAME}`;

    log('pack sync: subscribing (first sync)…');
    const added = await timedRequest(page, 'addSubscription', { url });
    const report = (added.value as { report?: SyncReport } | undefined)?.report;
    if (!added.ok || report?.outcome !== 'checked' || report.packs[0]?.outcome !== 'installed') {
      throw new Error(
        `addSubscription did not install the pack: ${JSON.stringify(added.value ?? added.error)}`,
      );
    }
    figures.first.push(added.ms);
    figures.firstRequests = proxy.requests.splice(0);
    await settle(page);

    for (let run = 1; run <= runs; run++) {
      log(`pack sync: unchanged sync ${run}/${runs}…`);
      proxy.requests.length = 0;
      const synced = await timedRequest(page, 'syncNow', { url });
      if (!synced.ok) throw failure('syncNow', synced);
      const reports = synced.value as SyncReport[];
      figures.perSync.push(proxy.requests.splice(0));
      figures.outcomes.push(...reports.map((r) => r.outcome));
      if (reports.length !== 1 || reports[0]?.outcome !== 'not-modified') {
        throw new Error(`syncNow answered ${JSON.stringify(reports)}, not one "not-modified"`);
      }
      figures.unchanged.push(synced.ms);
    }
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
  return figures;
}

function describeCounts(counts: InstalledPack['counts'] | undefined): string {
  if (counts === undefined) return '';
  return (
    ` Rows written per install: ${count(counts.sources)} sources, ` +
    `${count(counts.propositions)} propositions, ${count(counts.entities)} entities (with ` +
    `their ${count(counts.aliases)} aliases), ${count(Math.ceil(counts.facts / FACTS_PER_CHUNK))} ` +
    `chunks of up to ${FACTS_PER_CHUNK} of the ${count(counts.facts)} facts ` +
    '(`lib/store/fact-chunks.ts`), the pack row and the stored document.'
  );
}

function method(
  builtAt: Date,
  pack: FactPack,
  documents: InstallDocuments,
  install: InstallFigures,
  sync: SyncFigures,
  runs: number,
  load: number,
): string {
  const utf8 = new TextEncoder().encode(documents.install).byteLength;
  const firstRequests = sync.firstRequests
    .map((r) => `${r.method} ${r.path} → ${r.status}`)
    .join(', ');
  return [
    `The built extension (\`.output/chrome-mv3\`, built ${builtAt.toISOString()}), copied with ` +
      `\`host_permissions: ["${GRANTED_HOST}"]\` added (\`scripts/granted-build.ts\`, as the e2e ` +
      'tests do: the background checks `permissions.contains` before it syncs, and Playwright ' +
      "cannot answer Chromium's permission prompt), in a fresh headless Chromium profile. Every " +
      'figure is timed in `options.html` with `performance.now()` around one ' +
      '`runtime.sendMessage` request (framed as `@webext-core/messaging` frames it) and its ' +
      `reply; ${SETTLE_MS} ms pass after each change so the page's own re-listing of the packs ` +
      'is not in the next figure. Load average when the section started: ' +
      `${load.toFixed(1)} on ${os.cpus().length} cores.`,
    '',
    `**Install.** \`syntheticPack(${LARGE_SEED})\` (\`tests/support/synthetic-pack.ts\`): ` +
      `${count(pack.entities.length)} entities, ${count(pack.facts.length)} facts, ` +
      `${count(pack.sources.length)} sources, ${count(pack.propositions.length)} propositions; ` +
      `\`JSON.stringify\` makes a document of ${bytes(utf8)} (UTF-8; ` +
      `${count(documents.install.length)} UTF-16 units), generated once and put into the page ` +
      `once. Each of the ${runs} runs removes the pack first (not timed), then sends ` +
      '`installPack` four times: with an unknown payload key, which the dispatcher refuses ' +
      'before any handler runs (so: passing the text to the background and back, the payload ' +
      'schema); with one dangling reference (the first fact names a missing source), which ' +
      'the handler refuses only after `validatePackText` has checked the whole document (UTF-8 ' +
      'size, `JSON.parse`, the Zod schema, every reference and alias); the pack itself, a first ' +
      'install; and the same pack at ' +
      `${documents.updateVersion}, an update. An install is all of that plus one IndexedDB ` +
      'transaction writing every row and the document as received (kept for export and ' +
      'rollback), then the "packs changed" announcement. An update also reads and parses the ' +
      'installed document to summarize the change, deletes the old rows and keeps the old ' +
      `document for rollback.${describeCounts(install.counts)} The budget is judged on the ` +
      'median of each install row.',
    '',
    `**Sync.** \`syntheticPack(${SYNC_SEED})\` at ${count(SYNC_SIZE.entities)} entities and ` +
      `${count(SYNC_SIZE.facts)} facts (${bytes(sync.packBytes)}), published into a temp ` +
      'folder with `buildPublication` (`lib/distribution/publish.ts`: `index.json` and the ' +
      'pack, unsigned) and served by `serveStatic` (ETag, `If-None-Match` → 304) behind a ' +
      'pass-through proxy that records each request. `addSubscription` to its `index.json` ' +
      'syncs at once: the first-sync row' +
      (firstRequests ? ` (${firstRequests})` : '') +
      '. Then `syncNow {url}` ' +
      `${runs} times, nothing changed on the server; each report must say \`not-modified\`. ` +
      'That figure is the request, the subscription read, the permission check, one ' +
      'conditional fetch and the write of the check time.',
  ].join('\n');
}

async function run({ projectRoot, options, log }: BenchContext): Promise<string> {
  const build = await checkExtensionBuild(projectRoot);
  if (!build.ok) {
    log(`pack sync skipped: ${build.reason}`);
    return skipped(build.reason);
  }
  const load = os.loadavg()[0] ?? Number.NaN;
  log('pack sync: generating the 10,000-entity pack…');
  const pack = syntheticPack(LARGE_SEED, LARGE_PACK);
  const documents = installDocuments(pack);
  let install: InstallFigures;
  let sync: SyncFigures;
  try {
    const granted = await copyBuildGranting(build.dir, [GRANTED_HOST]);
    try {
      const context = await launchWithExtension(granted.dir);
      try {
        const page = await openOptions(context);
        install = await measureInstall(page, pack, documents, options.runs, log);
        sync = await measureSync(page, options.runs, log);
      } finally {
        await context.close();
      }
    } finally {
      await granted.remove();
    }
  } catch (error) {
    // No extension to measure (a build being rewritten, a worker that never started…).
    const reason = `the extension could not be started: ${error instanceof Error ? error.message : String(error)}`;
    log(`pack sync skipped: ${reason}`);
    return skipped(reason);
  }

  const rows: FigureRow[] = [
    {
      label: `install ${bytes(new TextEncoder().encode(documents.install).byteLength)} pack (first install)`,
      samples: install.install,
      budgetMs: PACK_INSTALL_BUDGET_MS,
    },
    {
      label: `update to ${documents.updateVersion} (replaces the installed version)`,
      samples: install.update,
      budgetMs: PACK_INSTALL_BUDGET_MS,
    },
    { label: '↳ of which messaging (refused payload)', samples: install.messaging },
    { label: '↳ messaging + validation (refused pack)', samples: install.validated },
    { label: 'first sync (subscribe: index + pack, install)', samples: sync.first },
    { label: 'sync, unchanged pack', samples: sync.unchanged },
    // Validation alone, in Node: packs built to be slow to check (lib/pack/quote-check.ts).
    ...measureWorstCaseValidation(options.runs).map(({ label, samples, outcome }) => ({
      label: `worst-case validation: ${label} (${outcome.startsWith('refused: checking') ? 'refused over the work budget' : outcome.split(':')[0]})`,
      samples,
      budgetMs: PACK_INSTALL_BUDGET_MS,
    })),
  ];
  const notes: string[] = [];
  if (install.error !== undefined) {
    log(`pack install stopped: ${install.error}`);
    notes.push(`**Install stopped after ${install.install.length} runs:** ${install.error}.`);
  }
  if (sync.error !== undefined) {
    log(`pack sync stopped: ${sync.error}`);
    notes.push(`**Sync stopped after ${sync.unchanged.length} syncs:** ${sync.error}.`);
  }
  if (sync.perSync.length > 0) {
    const conditional = syncsWereConditional(sync.perSync, `/${INDEX_FILE_NAME}`);
    const expected = conditional
      ? ''
      : ' Expected: one conditional GET of the index, answered 304.';
    notes.push(`Unchanged sync: ${describeSyncRequests(sync.perSync)}${expected}`);
  }
  const stale = staleBuildNote(build.newerSources, 'npm run build');
  if (stale) notes.push(stale);
  return [
    TITLE,
    '',
    figuresTable(rows),
    '',
    ...notes.flatMap((n) => [n, '']),
    method(build.builtAt, pack, documents, install, sync, options.runs, load),
  ].join('\n');
}

export const packSyncSection: Section = { id: 'pack-sync', run };
