/**
 * Checks how `profile-clock.ts` relates a CPU profile's clock to the page's, without using that
 * relation: `npx tsx scripts/bench/clock-check.ts [--loads N] [--verbose]` (default 10 loads,
 * ~4 s each; `--verbose` also prints each loop).
 *
 * A page with no extension, loaded and profiled exactly as the page-load section does it
 * (`launchWithoutExtension`, `recordLoad`), runs busy loops from its own script (a file: the
 * profile names an inline script by its page's URL, whatever its `sourceURL`) at known
 * `performance.now()` times (one while the document parses, one at `DOMContentLoaded`, then
 * at uneven intervals up to 2.6 s later). Which samples fall in which loop, and so the offset
 * between the clocks, is derived from the samples alone (`loopOffsets`). Printed per load: the
 * offsets the samples of all loops allow, minus `NavigationStart` (0 inside the interval: the
 * relation holds; the interval can be empty, by the granularity of `performance.now()` and of
 * the sample stamps), and how far `NavigationStart` is outside it: placed with it, how far the
 * loops' samples land outside their loops at worst.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isExtensionUrl, samplesOnStack, sampleStamps } from './cpu-profile';
import { launchWithExtension, launchWithoutExtension } from './extension-browser';
import { SAMPLING_INTERVAL_US, recordLoad } from './page-load-run';
import type { Bounds, TimedLoop } from './profile-clock';
import { intersect, loopOffsets, scriptStartOf } from './profile-clock';
import { median } from './stats';

/** The page's script, served as its own file: the profile names an inline script by its page. */
const SCRIPT_FILE = 'fact-lens-bench-clock.js';
const LOOP_MS = 4;
/** After `DOMContentLoaded`; uneven, so no two loops are the same distance apart. */
const LOOPS_AFTER_DCL_MS = [0, 250, 610, 1_150, 1_900, 2_600];

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>clock check</title></head>
<body><p>A page that busy-loops at known times.</p>
<script src="${SCRIPT_FILE}"></script>
</body></html>`;

const PLAIN_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>clock check</title></head>
<body><p>A page with nothing on it.</p></body></html>`;

const SCRIPT = `window.__clockLoops = [];
function clockBurn() {
  const from = performance.now();
  let x = 0;
  while (performance.now() - from < ${LOOP_MS}) x += Math.sqrt(x + 1);
  window.__clockLoops.push({ fromMs: from, toMs: performance.now() });
  return x;
}
clockBurn();
document.addEventListener('DOMContentLoaded', () => {
  for (const after of ${JSON.stringify(LOOPS_AFTER_DCL_MS)}) {
    if (after === 0) clockBurn();
    else setTimeout(clockBurn, after);
  }
});
`;

function fmt(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}

function argLoads(argv: readonly string[]): number {
  const at = argv.indexOf('--loads');
  const value = at >= 0 ? Number(argv[at + 1]) : 10;
  if (!Number.isInteger(value) || value < 1) throw new Error('--loads takes a positive integer');
  return value;
}

/** Phase 1: the page's busy loops against `NavigationStart`. */
async function checkLoops(url: string, loads: number, verbose: boolean): Promise<void> {
  const context = await launchWithoutExtension();
  const widths: number[] = [];
  const misses: number[] = [];
  const floors: number[] = [];
  try {
    console.log(
      `Page loops: ${loads} loads, ${LOOPS_AFTER_DCL_MS.length + 1} loops of ${LOOP_MS} ms ` +
        `each, sampling interval ${SAMPLING_INTERVAL_US} µs. Offsets in ms, relative to ` +
        'NavigationStart.',
    );
    for (let load = 0; load < loads; load++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      try {
        const recorded = await recordLoad(page, cdp, url);
        const loops = await page.evaluate(
          () => (window as unknown as { __clockLoops: TimedLoop[] }).__clockLoops,
        );
        const nav = recorded.navigationStart;
        if (nav === null) {
          console.log(`load ${load + 1}: no NavigationStart`);
          continue;
        }
        const stamps = sampleStamps(recorded.profile);
        const ours = samplesOnStack(recorded.profile, (u) => u.endsWith(`/${SCRIPT_FILE}`)).map(
          (i) => (stamps[i] ?? Number.NaN) / 1000,
        );
        const result = loopOffsets(ours, loops);
        const bounds = result.perLoop.filter((b): b is Bounds => b !== null);
        if (bounds.length === 0) {
          console.log(`load ${load + 1}: no samples in any loop`);
          continue;
        }
        const all = intersect(bounds);
        const low = all.low - nav;
        const high = all.high - nav;
        // How far NavigationStart is from the offsets the samples allow (0: inside them).
        const miss = Math.max(0, low, -high);
        // The least any single offset could be outside them: 0 unless they are empty.
        const floor = Math.max(0, (low - high) / 2);
        widths.push(high - low);
        misses.push(miss);
        floors.push(floor);
        if (verbose) {
          result.perLoop.forEach((b, i) => {
            const loop = loops[i];
            if (b && loop) {
              console.log(
                `  loop at ${loop.fromMs.toFixed(1)}–${loop.toMs.toFixed(1)}: allows ` +
                  `[${fmt(b.low - nav)}, ${fmt(b.high - nav)}]`,
              );
            }
          });
        }
        const profileLate = recorded.profile.startTime / 1000 - nav;
        console.log(
          `load ${load + 1}: ${bounds.length}/${loops.length} loops sampled (${ours.length} ` +
            `samples, ${result.stray} stray); the samples allow [${fmt(low)}, ${fmt(high)}] ` +
            `(width ${(high - low).toFixed(3)}); NavigationStart outside that by ` +
            `${miss.toFixed(3)} (the best single offset: by ${floor.toFixed(3)}); profile started ${profileLate.toFixed(1)} ms after navigation`,
        );
      } finally {
        await cdp.detach().catch(() => undefined);
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
  if (widths.length > 0) {
    console.log(
      `${widths.length} loads: the offsets the samples allow span a median ` +
        `${median(widths).toFixed(3)} ms (max ${Math.max(...widths).toFixed(3)}; negative: ` +
        `empty, the loops' samples disagree by that much); NavigationStart is outside them by ` +
        `a median ${median(misses).toFixed(3)} ms, at most ${Math.max(...misses).toFixed(3)} ms ` +
        `(the best single offset of each load: median ${median(floors).toFixed(3)}, at most ` +
        `${Math.max(...floors).toFixed(3)}).\n`,
    );
  }
}

const MARK = 'fact-lens-clock-check:content-script';

/**
 * A content script that marks the document's timeline first thing, then keeps the main thread
 * busy for a few milliseconds so the profiler sees it.
 */
const CONTENT_SCRIPT = `performance.mark(${JSON.stringify(MARK)});
(function clockCheckContentScript() {
  const from = performance.now();
  let x = 0;
  while (performance.now() - from < ${LOOP_MS}) x += Math.sqrt(x + 1);
  return x;
})();
`;

/**
 * Phase 2: the bench's own `scriptStartOf` against a throwaway extension whose content script
 * (`document_idle`, like ours) marks the page's timeline as its first statement: the first
 * sample of the extension should come at or after the mark, by at most its gap.
 */
async function checkContentScript(url: string, loads: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-clock-check-'));
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'clock check',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['cs.js'] }],
    }),
  );
  await writeFile(path.join(dir, 'cs.js'), CONTENT_SCRIPT);
  const context = await launchWithExtension(dir);
  const errors: number[] = [];
  try {
    console.log(
      `Content script: ${loads} loads of a page with an extension whose content script marks ` +
        'the timeline first. Sample − mark, ms (expected: 0 to the sample gap).',
    );
    for (let load = 0; load < loads; load++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      try {
        const recorded = await recordLoad(page, cdp, url);
        const start = scriptStartOf(recorded, isExtensionUrl);
        const mark = await page.evaluate(
          (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
          MARK,
        );
        if (!start || mark === null) {
          console.log(`load ${load + 1}: no start (${start ? 'no mark' : 'no sample'})`);
          continue;
        }
        const error = start.at - mark;
        // Outside [0, gap]: by how much.
        errors.push(Math.max(0, -error, error - start.lateByAtMostMs));
        console.log(
          `load ${load + 1}: mark at ${mark.toFixed(1)}, first sample at ` +
            `${start.at.toFixed(2)} (${fmt(error)}), sample gap ${start.lateByAtMostMs.toFixed(3)}`,
        );
      } finally {
        await cdp.detach().catch(() => undefined);
        await page.close();
      }
    }
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
  if (errors.length > 0) {
    console.log(
      `${errors.length} loads: the first sample was outside [mark, mark + gap] by a median ` +
        `${median(errors).toFixed(3)} ms, at most ${Math.max(...errors).toFixed(3)} ms.`,
    );
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const loads = argLoads(argv);
  const verbose = argv.includes('--verbose');
  const server = http.createServer((request, response) => {
    const script = request.url === `/${SCRIPT_FILE}`;
    response.setHeader('content-type', `text/${script ? 'javascript' : 'html'}; charset=utf-8`);
    response.setHeader('cache-control', 'no-store');
    response.end(script ? SCRIPT : request.url === '/plain.html' ? PLAIN_PAGE : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await checkLoops(`${origin}/clock.html`, loads, verbose);
    await checkContentScript(`${origin}/plain.html`, loads);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
