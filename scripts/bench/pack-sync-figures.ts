/**
 * The pure parts of the pack-sync section (`sections/pack-sync.ts`): the documents it installs,
 * the summary of its runs, the table and the sentence about the requests an unchanged sync made.
 */
import inc from 'semver/functions/inc';
import type { FactPack } from '../../lib/pack/schema';
import type { ProxiedRequest } from './counting-proxy';
import { ms, table, verdict } from './markdown';
import { median } from './stats';

/** The texts one install run sends, all from the same generated pack. */
export interface InstallDocuments {
  /** The pack as generated: a first install of it. */
  install: string;
  /** The same pack one minor version later: an update replacing `install`. */
  update: string;
  updateVersion: string;
  /**
   * The same pack with one dangling reference (the first fact's source): it passes the schema,
   * so the background validates all of it before refusing it, and writes nothing.
   */
  broken: string;
}

/** A source id no generated pack uses: sources are `s-<n>`. */
export const MISSING_SOURCE_ID = 'bench-missing-source';

export function installDocuments(pack: FactPack): InstallDocuments {
  const updateVersion = inc(pack.version, 'minor');
  if (updateVersion === null) throw new Error(`pack version "${pack.version}" is not semver`);
  const [first, ...rest] = pack.facts;
  if (first === undefined) throw new Error('the pack has no facts to break a reference of');
  if (pack.sources.some((source) => source.id === MISSING_SOURCE_ID)) {
    throw new Error(`the pack already has a source "${MISSING_SOURCE_ID}"`);
  }
  return {
    install: JSON.stringify(pack),
    update: JSON.stringify({ ...pack, version: updateVersion }),
    updateVersion,
    broken: JSON.stringify({
      ...pack,
      facts: [{ ...first, sourceId: MISSING_SOURCE_ID }, ...rest],
    }),
  };
}

export interface RunSummary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function summarizeRuns(values: readonly number[]): RunSummary {
  return {
    runs: values.length,
    median: median(values),
    min: values.length > 0 ? Math.min(...values) : Number.NaN,
    max: values.length > 0 ? Math.max(...values) : Number.NaN,
  };
}

export interface FigureRow {
  label: string;
  /** One figure per run, in milliseconds. */
  samples: readonly number[];
  /** Judged on the median; rows without one are shown for scale. */
  budgetMs?: number;
}

/** `3000` → "3 s", `2500` → "2.5 s", `50` → "50 ms". */
export function budgetText(budgetMs: number): string {
  return budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
}

export function figuresTable(rows: readonly FigureRow[]): string {
  return table(
    ['measured', 'runs', 'median ms', 'min ms', 'max ms', 'budget', 'verdict'],
    rows.map(({ label, samples, budgetMs }) => {
      const s = summarizeRuns(samples);
      const judged = budgetMs !== undefined && s.runs > 0;
      return [
        label,
        String(s.runs),
        ms(s.median),
        ms(s.min),
        ms(s.max),
        budgetMs === undefined ? '—' : `median < ${budgetText(budgetMs)}`,
        judged ? verdict(s.median < budgetMs) : '—',
      ];
    }),
  );
}

function describeRequest(request: ProxiedRequest): string {
  const conditional = request.ifNoneMatch === undefined ? '' : ' (If-None-Match)';
  return `${request.method} ${request.path}${conditional} → ${request.status}`;
}

/**
 * What the server saw during each unchanged sync, as one sentence: the expected case is one
 * conditional GET of the index answered 304, every time.
 */
export function describeSyncRequests(perSync: readonly (readonly ProxiedRequest[])[]): string {
  if (perSync.length === 0) return 'No sync was measured.';
  const shapes = perSync.map((requests) => requests.map(describeRequest).join(', ') || 'none');
  const distinct = [...new Set(shapes)];
  if (distinct.length === 1) {
    const only = perSync[0] ?? [];
    const count = only.length === 1 ? 'one request' : `${only.length} requests`;
    const every = perSync.length === 1 ? 'The sync' : `Each of the ${perSync.length} syncs`;
    return `${every} made ${count} to the server: ${distinct[0]}.`;
  }
  const listed = shapes.map((shape, i) => `sync ${i + 1}: ${shape}`).join('; ');
  return `⚠️ The syncs did not all make the same requests: ${listed}.`;
}

/** Whether every unchanged sync was one conditional GET of the index, answered 304. */
export function syncsWereConditional(
  perSync: readonly (readonly ProxiedRequest[])[],
  indexPath: string,
): boolean {
  return (
    perSync.length > 0 &&
    perSync.every(
      (requests) =>
        requests.length === 1 &&
        requests[0]?.path === indexPath &&
        requests[0].status === 304 &&
        requests[0].ifNoneMatch !== undefined,
    )
  );
}
