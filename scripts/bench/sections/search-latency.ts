/**
 * Popup search latency, in Node: the index (`lib/search`) is plain JavaScript without DOM, so
 * the popup page runs this same code; Node keeps the browser, React and messaging out of the
 * figure. Budget (DESIGN.md): under 10 ms per keystroke over 10,000 entities and 50,000 facts,
 * judged as p95 < 10 ms per query.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FactPack } from '../../../lib/pack/schema';
import { describeIssues, validatePack } from '../../../lib/pack/validate';
import { searchDocuments, type SearchDocument } from '../../../lib/search/search-documents';
import { SearchIndex, type SearchIndexJSON } from '../../../lib/search/search-index';
import { packSearchRows } from '../../../tests/support/search-corpus';
import { LARGE_PACK, syntheticPack } from '../../../tests/support/synthetic-pack';
import { bytes, count, ms, table, verdict } from '../markdown';
import { searchQueries } from '../search-queries';
import { median, percentile } from '../stats';
import type { BenchContext, Section } from './types';

/** Per query, 95th percentile (DESIGN.md "Budgets"). */
export const SEARCH_P95_BUDGET_MS = 10;
/** Fixed: the generated pack is part of the benchmark's input, like the synthetic alias set. */
const GENERATED_SEED = 11;
/** A build of the large corpus takes seconds; more runs than this add little. */
const MAX_LARGE_BUILDS = 3;

interface Corpus {
  label: string;
  packs: FactPack[];
  builds: number;
  /** The languages titles are shown in (issue 15); every language is searched either way. */
  preferred?: string[];
}

interface Measured {
  label: string;
  documents: number;
  buildMs: number[];
  jsonBytes: number;
  reviveMs: number;
  /** Per query, the median of its runs. */
  medians: number[];
  /** Every query's time in the first run, with a cold JIT. */
  firstRun: number[];
  runs: number;
  namesOnly: number;
  /** The slowest queries, by their median over the runs. */
  slowest: { query: string; ms: number }[];
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

/** Builds `times` times, keeping only the last index's JSON: the large one takes hundreds of MB. */
function timeBuilds(
  documents: SearchDocument[],
  times: number,
): { buildMs: number[]; json: string } {
  const buildMs: number[] = [];
  let json = '';
  for (let build = 0; build < times; build++) {
    const { value, ms: took } = timed(() => SearchIndex.build(documents));
    buildMs.push(took);
    // What `cachedSearchIndex` stores; reviving it is what a later popup opening does.
    if (build === times - 1) json = JSON.stringify(value);
  }
  return { buildMs, json };
}

function measure(corpus: Corpus, queries: readonly string[], runs: number): Measured {
  const documents = searchDocuments(packSearchRows(corpus.packs), corpus.preferred);
  const { buildMs, json } = timeBuilds(documents, Math.max(1, corpus.builds));
  const revived = timed(() => SearchIndex.fromJSON(JSON.parse(json) as SearchIndexJSON));
  const index = revived.value;

  const times = queries.map(() => [] as number[]);
  let namesOnly = 0;
  for (let run = 0; run < runs; run++) {
    queries.forEach((query, q) => {
      const { value, ms: took } = timed(() => index.search(query));
      times[q]?.push(took);
      if (run === 0 && value.namesOnly) namesOnly++;
    });
  }
  const medians = times.map((runsOfQuery) => median(runsOfQuery));
  const slowest = queries
    .map((query, q) => ({ query, ms: medians[q] ?? Number.NaN }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    label: corpus.label,
    documents: documents.length,
    buildMs,
    jsonBytes: Buffer.byteLength(json),
    reviveMs: revived.ms,
    medians,
    firstRun: times.map((runsOfQuery) => runsOfQuery[0] ?? Number.NaN),
    runs,
    namesOnly,
    slowest,
  };
}

async function readSeedPack(projectRoot: string): Promise<FactPack> {
  const file = path.join(projectRoot, 'seeds/bytedance-ai-2026.pack.json');
  const result = validatePack(JSON.parse(await readFile(file, 'utf8')));
  if (!result.ok) throw new Error(`seed pack is invalid:\n${describeIssues(result.issues)}`);
  return result.pack;
}

function indexTable(rows: readonly Measured[]): string {
  return table(
    ['corpus', 'documents', 'first build ms', 'median build ms', 'index JSON', 'revive ms'],
    rows.map((row) => [
      row.label,
      count(row.documents),
      ms(row.buildMs[0] ?? Number.NaN),
      ms(median(row.buildMs)),
      bytes(row.jsonBytes),
      ms(row.reviveMs),
    ]),
  );
}

function latencyTable(rows: readonly Measured[]): string {
  return table(
    [
      'corpus',
      'queries × runs',
      'names only',
      'p50 ms',
      'p95 ms',
      'max ms',
      'first run p95 ms',
      'budget',
      'verdict',
    ],
    rows.map((row) => {
      const p95 = percentile(row.medians, 95);
      return [
        row.label,
        `${row.medians.length} × ${row.runs}`,
        `${row.namesOnly}`,
        ms(percentile(row.medians, 50)),
        ms(p95),
        ms(Math.max(...row.medians)),
        ms(percentile(row.firstRun, 95)),
        `p95 < ${SEARCH_P95_BUDGET_MS} ms`,
        verdict(p95 < SEARCH_P95_BUDGET_MS),
      ];
    }),
  );
}

function slowestList(rows: readonly Measured[]): string {
  return rows
    .map((row) => {
      const list = row.slowest.map(({ query, ms: took }) => `\`${query}\` ${ms(took)}`).join(', ');
      return `- ${row.label}: ${list}`;
    })
    .join('\n');
}

async function run({ options, projectRoot, log }: BenchContext): Promise<string> {
  const seed = await readSeedPack(projectRoot);
  log(`search: generating ${LARGE_PACK.entities} entities and ${LARGE_PACK.facts} facts`);
  // In English and Chinese (issue 15): every summary, proposition and claim twice.
  const generated = syntheticPack(GENERATED_SEED, LARGE_PACK, { chinese: true });
  const queries = searchQueries(generated);
  const load = os.loadavg()[0] ?? Number.NaN;
  const corpora: Corpus[] = [
    { label: 'seed pack', packs: [seed], builds: options.runs },
    {
      label: `seed + generated (${count(LARGE_PACK.entities)} entities, ${count(LARGE_PACK.facts)} facts)`,
      packs: [seed, generated],
      builds: Math.min(options.runs, MAX_LARGE_BUILDS),
    },
    {
      label: `the same, shown in Chinese`,
      packs: [seed, generated],
      builds: Math.min(options.runs, MAX_LARGE_BUILDS),
      preferred: ['zh-CN'],
    },
  ];
  const rows = corpora.map((corpus) => {
    log(
      `search: ${corpus.label}: ${corpus.builds} builds, ${queries.length} queries × ${options.runs}`,
    );
    return measure(corpus, queries, options.runs);
  });
  return [
    '## Popup search (Node)',
    '',
    indexTable(rows),
    '',
    latencyTable(rows),
    '',
    `Slowest queries (median of the runs): \n${slowestList(rows)}`,
    '',
    '`SearchIndex` from `lib/search` in this Node process (the popup runs the same plain ' +
      'JavaScript; no DOM, React or messaging in these figures). Documents are built from ' +
      'the packs first, untimed. "build": `SearchIndex.build` over them (tokenizing, MiniSearch, ' +
      'the name index), the first run the coldest. "index JSON" and "revive": what ' +
      '`cachedSearchIndex` stores in IndexedDB and the `JSON.parse` + `SearchIndex.fromJSON` ' +
      'a later popup opening does instead of a build. Queries: names typed one keystroke at a ' +
      'time (each prefix is a query: "s", "se", "see" …), in Latin and Chinese, typos, topic ' +
      'words and names from the generated pack; each search returns grouped, highlighted hits ' +
      "(8 per kind). p50/p95/max are over the queries, each query's time the median of its " +
      'runs; "first run p95" is over the first run alone, with a cold JIT, as in a popup just ' +
      'opened. "names only": queries answered from names alone (one or two characters, or ' +
      `words too common to rank every text for; see \`lib/search/plan.ts\`). The generated pack ` +
      `is \`syntheticPack(${GENERATED_SEED}, { chinese: true })\`: pinyin people, model families, ` +
      `Chinese names, claims and quotes from one small vocabulary, and every summary, ` +
      `proposition and claim also in Chinese (format 2; the index searches every language, ` +
      `"shown in Chinese" builds the titles in zh-CN). Load average when the section started: ` +
      `${load.toFixed(1)} on ${os.cpus().length} cores.`,
  ].join('\n');
}

export const searchLatencySection: Section = { id: 'search-latency', run };
