/**
 * Sums a V8 CPU profile (CDP `Profiler.stop`) by who was running: the page-load section's
 * figures for the extension's content scripts and for mark.js come from here.
 *
 * Attribution rule, per sample:
 * - Each sample stands for the time until the next one (the last one: until the profile's end),
 *   as DevTools computes self time. Negative deltas (samples reported out of order) count 0.
 * - A sample counts as "ours" when the script URL of its top frame is ours, or, when the top
 *   frame has no URL (a native function such as `JSON.parse`, a DOM call like `splitText`, a
 *   regular expression, a builtin), when the nearest caller that has a URL is ours. Work a
 *   script asks of the browser through an API call is that script's cost.
 * - Samples V8 cannot put on a JavaScript stack are never ours: `(program)` (the renderer's
 *   own work: parsing HTML, style, layout, compiling a script before it runs, decoding an
 *   extension message before its callback), `(garbage collector)` and `(idle)`. So the figure
 *   is a lower bound of what a script costs; `busyMs` (everything but idle) catches the rest
 *   when compared with a page loaded without the script.
 */

/** The parts of `Profiler.Profile` read here (CDP's type is assignable to it). */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds. */
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds between a sample and the one before it (the first: since `startTime`). */
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** From the profile's start to its end. */
  windowMs: number;
  /** Every sample except `(idle)`: what the renderer's main thread did in the window. */
  busyMs: number;
  /** Samples attributed to the scripts `isOurs` accepts (see the rule above). */
  oursMs: number;
  /**
   * The part of `oursMs` under a script's top-level code (a frame of ours at line 0, column
   * 0 with no function name): evaluating the bundle and what it runs synchronously.
   */
  evaluationMs: number;
  programMs: number;
  gcMs: number;
  /** `oursMs` split by the outermost frame of ours in each sample's stack. */
  entries: Map<string, number>;
  /** `oursMs` split by each sample's top frame (self time). */
  selfFrames: Map<string, number>;
}

/**
 * Per sample, when it was taken: microseconds on the profile's clock (`startTime` plus the
 * deltas so far). In Chromium that clock is the browser's monotonic `TimeTicks`, the base of
 * `performance.now()` too (see `profile-clock.ts`).
 */
export function sampleStamps(profile: CpuProfile): number[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stamps: number[] = [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    stamps.push(at);
  }
  return stamps;
}

/** Per sample, the microseconds it stands for. */
export function sampleDurations(profile: CpuProfile): number[] {
  const stamps = sampleStamps(profile);
  return stamps.map((stamp, i) => {
    const next = stamps[i + 1] ?? Math.max(profile.endTime, stamp);
    return Math.max(0, next - stamp);
  });
}

const IDLE = '(idle)';
const PROGRAM = '(program)';
const GC = '(garbage collector)';

type CallFrame = ProfileNode['callFrame'];

function fileOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1) || url;
}

/** A script's top-level code: V8 reports it as an unnamed function at the script's start. */
export function isTopLevel(frame: CallFrame): boolean {
  return frame.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0;
}

/** How a frame is named in the breakdowns: `name file:line:column` (1-based), or `(native)`. */
export function frameLabel(frame: CallFrame): string {
  if (frame.url !== '' && isTopLevel(frame)) return `script evaluation (${fileOf(frame.url)})`;
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return `${name} (native)`;
  return `${name} ${fileOf(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function summarizeProfile(
  profile: CpuProfile,
  isOurs: (url: string) => boolean,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  // Per node: the URL that answers for it (its own, else its nearest caller's) and the
  // outermost frame of ours on its stack. Parents come first in CDP's node list, but the
  // walk below does not rely on that.
  const answering = new Map<number, string>();
  const outermost = new Map<number, ProfileNode | null>();
  const resolve = (id: number): { url: string; outer: ProfileNode | null } => {
    const known = answering.get(id);
    if (known !== undefined) return { url: known, outer: outermost.get(id) ?? null };
    const node = byId.get(id);
    const parentId = parentOf.get(id);
    const parent = parentId === undefined ? { url: '', outer: null } : resolve(parentId);
    const url = node?.callFrame.url || parent.url;
    const outer = parent.outer ?? (node && isOurs(node.callFrame.url) ? node : null);
    answering.set(id, url);
    outermost.set(id, outer);
    return { url, outer };
  };

  const summary: ProfileSummary = {
    windowMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: 0,
    oursMs: 0,
    evaluationMs: 0,
    programMs: 0,
    gcMs: 0,
    entries: new Map(),
    selfFrames: new Map(),
  };
  const durations = sampleDurations(profile);
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (durations[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    if (node.callFrame.url === '' && name === IDLE) return;
    summary.busyMs += ms;
    if (node.callFrame.url === '' && name === PROGRAM) summary.programMs += ms;
    if (node.callFrame.url === '' && name === GC) summary.gcMs += ms;
    const { url, outer } = resolve(id);
    if (!isOurs(url)) return;
    summary.oursMs += ms;
    if (outer && isTopLevel(outer.callFrame)) summary.evaluationMs += ms;
    add(summary.entries, outer ? frameLabel(outer.callFrame) : '(unknown)', ms);
    add(summary.selfFrames, frameLabel(node.callFrame), ms);
  });
  return summary;
}

/** The first sample with a given frame somewhere on its stack (see `firstSampleOnStack`). */
export interface FirstSample {
  /** Index in `samples`. */
  index: number;
  /** When it was taken, microseconds on the profile's clock. */
  atUs: number;
  /**
   * When the sample before it was taken (the profile's start for the first sample): the
   * stack appeared in between, so `atUs - previousUs` is how late `atUs` may be.
   */
  previousUs: number;
}

/**
 * The indices of the samples whose stack (top frame or any caller) has a frame whose script URL
 * `isOurs` accepts, in order.
 */
export function samplesOnStack(profile: CpuProfile, isOurs: (url: string) => boolean): number[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const known = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const parentId = parentOf.get(id);
    // Marked before recursing, so a malformed (cyclic) tree ends.
    known.set(id, false);
    const found =
      node !== undefined &&
      (isOurs(node.callFrame.url) || (parentId !== undefined && onStack(parentId)));
    known.set(id, found);
    return found;
  };
  return (profile.samples ?? []).flatMap((id, index) => (onStack(id) ? [index] : []));
}

/**
 * The first sample of `samplesOnStack`: when a script first ran, to within the gap since the
 * sample before. Compiling the script before it runs is `(program)`, with no frame of it, so
 * this is when its code starts.
 */
export function firstSampleOnStack(
  profile: CpuProfile,
  isOurs: (url: string) => boolean,
): FirstSample | null {
  const index = samplesOnStack(profile, isOurs)[0];
  if (index === undefined) return null;
  const stamps = sampleStamps(profile);
  return {
    index,
    atUs: stamps[index] ?? Number.NaN,
    previousUs: index === 0 ? profile.startTime : (stamps[index - 1] ?? Number.NaN),
  };
}

/** URLs of extension scripts: content scripts and the chunks they import. */
export const isExtensionUrl = (url: string): boolean => url.startsWith('chrome-extension://');

/** The largest `n` of a breakdown, biggest first. */
export function topOf(map: ReadonlyMap<string, number>, n: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}
