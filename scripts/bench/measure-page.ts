/**
 * One measurement = one fresh browser context and page: nothing (JIT state, highlights,
 * mark.js's <mark> elements, caches) carries over from the previous method or run.
 */
import type { Browser, Page } from '@playwright/test';
import type { AlternationRegex } from './alias-regex';
import type { BenchGlobal, MethodResult } from './page-api';

export type Call =
  | { kind: 'floor' }
  | { kind: 'ours'; compiledJson: string }
  | { kind: 'oursSliced'; compiledJson: string }
  | { kind: 'markRegExp'; regex: AlternationRegex };

/** Scripts injected into every page, whatever it measures, so all methods see the same page. */
export interface PageScripts {
  /** Source of the page-entry bundle (bundle.ts). */
  engine: string;
  /** Source of mark.js's browser build. */
  markJs: string;
}

export type Measurement = MethodResult | { timedOut: true };

export function isTimeout(m: Measurement): m is { timedOut: true } {
  return 'timedOut' in m;
}

function run(page: Page, call: Call): Promise<MethodResult> {
  // These callbacks are serialised into the page: they may use only their argument.
  switch (call.kind) {
    case 'floor':
      return page.evaluate(() => (globalThis as unknown as BenchGlobal).FactLensBench.floor());
    case 'ours':
      return page.evaluate(
        (json) => (globalThis as unknown as BenchGlobal).FactLensBench.ours(json),
        call.compiledJson,
      );
    case 'oursSliced':
      return page.evaluate(
        (json) => (globalThis as unknown as BenchGlobal).FactLensBench.oursSliced(json),
        call.compiledJson,
      );
    case 'markRegExp':
      return page.evaluate(
        ({ source, flags }) =>
          (globalThis as unknown as BenchGlobal).FactLensBench.markRegExp(source, flags),
        call.regex,
      );
  }
}

function timeout(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export async function measureInFreshPage(
  browser: Browser,
  url: string,
  scripts: PageScripts,
  call: Call,
  timeoutMs: number,
): Promise<Measurement> {
  // bypassCSP: saved pages may carry a CSP that would refuse our injected script.
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  try {
    // As an init script the bundle runs before the page's own scripts, so its long-task
    // observer is in place early, and nothing is parsed or compiled between `load` and the work.
    await context.addInitScript({ content: `${scripts.markJs}\n${scripts.engine}` });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The first render of a big page comes after `load`; it must not land in a measurement.
    await page.evaluate(() => (globalThis as unknown as BenchGlobal).FactLensBench.settle());
    const work = run(page, call);
    // Closing the context below rejects the evaluation; nobody waits for it then.
    work.catch(() => undefined);
    const timer = timeout(timeoutMs);
    const result = await Promise.race([work, timer.promise]);
    timer.cancel();
    return result === 'timeout' ? { timedOut: true } : result;
  } finally {
    // Also ends a renderer still stuck in a timed-out mark.js call.
    await context.close();
  }
}
