/**
 * The browser side of the page-load section: one profiled page load in a fresh tab, the init
 * scripts it needs (a highlight watcher, mark.js with its runner), and a Chromium profile of the
 * built extension with a given pack installed.
 *
 * Init scripts are strings, not functions: they run in the page, and tsx would wrap named inner
 * functions in a `__name()` helper the page does not have.
 */
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';
import type { AlternationRegex } from './alias-regex';
import type { CpuProfile, ProfileSummary } from './cpu-profile';
import { summarizeProfile } from './cpu-profile';
import { launchWithExtension } from './extension-browser';
import type { RecordedLoad, ScriptStart } from './profile-clock';
import { navigationStartMs, scriptStartOf } from './profile-clock';

/** V8's sampling interval, microseconds (CDP `Profiler.setSamplingInterval`). */
export const SAMPLING_INTERVAL_US = 500;
/** The profile runs from just before navigation until this long after it started (or `load`). */
export const WINDOW_MS = 3_000;
/** A page that does not load in this time is an error, not a figure. */
const LOAD_TIMEOUT_MS = 60_000;

/** The `sourceURL` of the injected mark.js: how its samples are told apart in the profile. */
export const MARK_SCRIPT_URL = 'fact-lens-bench-mark.js';

/** What the highlight watcher records, in the top document's `performance.now()` time. */
export interface HighlightRecord {
  domContentLoaded: number;
  /** Frame after `fact-lens-active` was registered: the first scan is done. */
  marker: number | null;
  /** Frame after a range of a mention highlight was first seen inside the viewport. */
  firstInView: number | null;
  /** Frame after the number of mention ranges last changed. */
  last: number | null;
  /** Mention ranges registered at the end of the window. */
  ranges: number;
}

/**
 * Main world, top document only. The highlight registry has no change event (and is shared with
 * the content script's isolated world), so a timer checks `CSS.highlights` every 5 ms: whether
 * `fact-lens-active` is registered, how many ranges the mention highlights (`fact-lens-<kind>`;
 * `fact-lens-active` and `fact-lens-hover` are states) hold, and, while none has been seen in
 * the viewport, whether one is (`getBoundingClientRect` of the range through a live Range, the
 * painter may register StaticRanges; checked again only when the ranges or the scroll position
 * changed). Each change is stamped at the next animation frame: the frame that paints it. A
 * timer rather than an animation-frame loop, which would make the page render every frame of
 * the window and add that to the renderer's figures. Stops 1 s after the last change once the
 * marker is there, or after 20 s.
 */
export const HIGHLIGHT_WATCHER = `(() => {
  if (window !== window.top || !window.CSS || !CSS.highlights) return;
  const record = { marker: null, firstInView: null, last: null, ranges: 0 };
  Object.defineProperty(window, '__factLensBenchHighlights', { value: record });
  const STATES = new Set(['fact-lens-active', 'fact-lens-hover']);
  const isMention = (name) => name.startsWith('fact-lens-') && !STATES.has(name);
  const inView = (range) => {
    const live = document.createRange();
    try {
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
    } catch {
      return false;
    }
    const r = live.getBoundingClientRect();
    return (r.width > 0 || r.height > 0) && r.bottom > 0 && r.right > 0 &&
      r.top < innerHeight && r.left < innerWidth;
  };
  const stamp = (key) => requestAnimationFrame(() => { record[key] = performance.now(); });
  const seen = { marker: false, inView: false, ranges: 0 };
  let checked = '';
  let changed = performance.now();
  const started = changed;
  const timer = setInterval(() => {
    const now = performance.now();
    const registry = CSS.highlights;
    if (!seen.marker && registry.has('fact-lens-active')) {
      seen.marker = true;
      changed = now;
      stamp('marker');
    }
    let ranges = 0;
    registry.forEach((highlight, name) => {
      if (isMention(name)) ranges += highlight.size;
    });
    if (ranges !== seen.ranges) {
      seen.ranges = ranges;
      record.ranges = ranges;
      changed = now;
      stamp('last');
    }
    const state = ranges + ' ' + scrollX + ' ' + scrollY;
    if (!seen.inView && ranges > 0 && state !== checked) {
      checked = state;
      search: for (const [name, highlight] of registry) {
        if (!isMention(name)) continue;
        for (const range of highlight) {
          if (inView(range)) {
            seen.inView = true;
            stamp('firstInView');
            break search;
          }
        }
      }
    }
    if ((seen.marker && now - changed > 1000) || now - started > 20000) clearInterval(timer);
  }, 5);
})();`;

/**
 * mark.js and a runner that, in every document (init scripts run in every frame), a task after
 * `DOMContentLoaded` (near where `document_idle` content scripts run), evaluates mark.js and
 * marks `regex`, as the content script does in each frame. mark.js is evaluated then, not when
 * the init script runs at the document's start: the profiler of a new document can start a
 * moment after that (CDP restores the session per document), and the content script is
 * evaluated at `document_idle` too. Named by `sourceURL`, so the profile tells its samples from
 * the page's; mark.js's evaluation and the run both count.
 */
export function markJsScript(markJs: string, regex: AlternationRegex): string {
  return `;(() => {
  const loadMarkJs = function () {
    // Page scripts may have defined these; mark.js's UMD header must take the global path.
    var exports, module, define;
${markJs}
  };
  const source = ${JSON.stringify(regex.source)};
  const flags = ${JSON.stringify(regex.flags)};
  const run = () => {
    window.__factLensBenchMarks = -1;
    loadMarkJs.call(window);
    new window.Mark(document.body).markRegExp(new RegExp(source, flags), {
      acrossElements: false,
      done: (marks) => { window.__factLensBenchMarks = marks; },
    });
  };
  const later = () => setTimeout(run, 0);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', later, { once: true });
  } else {
    later();
  }
})();
//# sourceURL=${MARK_SCRIPT_URL}
`;
}

export interface LoadResult {
  summary: ProfileSummary;
  /** When the measured script first ran, in any document of the tab (`scriptStartOf`). */
  scriptStart: ScriptStart | null;
  /** Documents in the tab at the end: the top one and its frames. */
  documents: number;
  /** Documents in which the measured script finished within the window (see `finished`). */
  finished: number;
  highlights: HighlightRecord | null;
}

export interface LoadOptions {
  /** Which script URLs are the measured script's. */
  isOurs: (url: string) => boolean;
  /** Whether the measured script has finished its work in a document; none: always true. */
  finished?: (frame: Frame) => Promise<boolean>;
  initScripts: readonly string[];
}

/** `finished` for the extension: its first scan registered `fact-lens-active` there. */
export const extensionFinished = (frame: Frame): Promise<boolean> =>
  frame.evaluate(() => CSS.highlights.has('fact-lens-active'));

/** `finished` for mark.js: its `done` callback ran there. */
export const markJsFinished = (frame: Frame): Promise<boolean> =>
  frame.evaluate(() => {
    const marks = (window as unknown as { __factLensBenchMarks?: number }).__factLensBenchMarks;
    return typeof marks === 'number' && marks >= 0;
  });

async function readHighlights(page: Page): Promise<HighlightRecord | null> {
  return page.evaluate(() => {
    const record = (
      window as unknown as { __factLensBenchHighlights?: Omit<HighlightRecord, 'domContentLoaded'> }
    ).__factLensBenchHighlights;
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return record && navigation
      ? { ...record, domContentLoaded: navigation.domContentLoadedEventStart }
      : null;
  });
}

/**
 * Loads `url` in `page` (a fresh tab) with the renderer's V8 profiled: `Profiler.start` on the
 * blank tab, navigation, then `Profiler.stop` once `WINDOW_MS` have passed since navigation
 * began (or at `load`, if that is later). Same-origin frames and the content scripts' isolated
 * worlds run in the tab's renderer and isolate, so they are in the profile too. Then the top
 * document's navigation start from `Performance.getMetrics`: after the profile, since enabling
 * that domain turns on Blink's performance counters, which would otherwise cost the page.
 */
export async function recordLoad(page: Page, cdp: CDPSession, url: string): Promise<RecordedLoad> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const left = WINDOW_MS - (Date.now() - started);
  if (left > 0) await page.waitForTimeout(left);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.send('Performance.disable');
  return { profile, navigationStart: navigationStartMs(metrics) };
}

/** `recordLoad` with the init scripts added first, and the load summed up for `isOurs`. */
export async function profiledLoad(
  page: Page,
  url: string,
  { isOurs, finished, initScripts }: LoadOptions,
): Promise<LoadResult> {
  for (const content of initScripts) await page.addInitScript({ content });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const recorded = await recordLoad(page, cdp, url);
    const frames = page.frames();
    const done = await Promise.all(
      frames.map((frame) => (finished ? finished(frame).catch(() => false) : true)),
    );
    return {
      summary: summarizeProfile(recorded.profile, isOurs),
      scriptStart: scriptStartOf(recorded, isOurs),
      documents: frames.length,
      finished: done.filter(Boolean).length,
      highlights: await readHighlights(page),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A Chromium with the extension loaded and its packs in place, ready for page loads. */
export interface ExtensionProfile {
  context: BrowserContext;
  /** Aliases of every installed pack (`listPacks` counts). */
  aliases: number;
  packs: string[];
  /** `getMatcher`'s reply as JSON: what each document receives before it can scan. */
  matcherJsonChars: number;
  close: () => Promise<void>;
}

interface Reply {
  res?: { ok: boolean; value?: unknown; error?: { code?: string; message?: string } };
  err?: { message?: string };
}

/** One protocol request from an extension page, framed as @webext-core/messaging frames it. */
async function request(page: Page, type: string, data?: unknown): Promise<unknown> {
  const reply = await page.evaluate(
    async ({ type, data }) =>
      (await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as Reply,
    { type, data },
  );
  if (!reply.res?.ok) {
    const error = reply.res?.error ?? reply.err;
    throw new Error(`${type} answered ${JSON.stringify(error ?? 'nothing')}`);
  }
  return reply.res.value;
}

/**
 * A fresh profile with the extension at `dir`: the bundled seed pack installed (the first
 * request installs it), `packText` installed too when given, through `installPack` from the
 * options page as the options page does it. The matcher is asked for once, so the background
 * has compiled and cached it before any measured load.
 */
export async function startExtensionProfile(
  dir: string,
  packText?: string,
): Promise<ExtensionProfile> {
  const context = await launchWithExtension(dir);
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    const options = context.pages()[0] ?? (await context.newPage());
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await request(options, 'listPacks');
    if (packText !== undefined) {
      await request(options, 'installPack', { text: packText });
    }
    const packs = (await request(options, 'listPacks')) as {
      id: string;
      counts: { aliases: number };
    }[];
    const matcherJsonChars = await options.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({
        id: 1,
        type: 'getMatcher',
        data: undefined,
        timestamp: Date.now(),
      })) as Reply;
      return reply.res?.ok ? JSON.stringify(reply.res.value).length : Number.NaN;
    });
    // Nothing of the extension's own pages keeps running during the measured loads.
    await options.goto('about:blank');
    return {
      context,
      aliases: packs.reduce((sum, pack) => sum + pack.counts.aliases, 0),
      packs: packs.map((pack) => pack.id),
      matcherJsonChars,
      close: () => context.close(),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
