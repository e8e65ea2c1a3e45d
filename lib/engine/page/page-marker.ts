import { outermostRoots, rootsForRecords } from './dirty-roots';
import {
  blockOf,
  hasSkippedAttribute,
  isInlineElement,
  isInsideSkippedRegion,
  OWN_UI_ATTRIBUTE,
} from './regions';
import {
  MentionIndex,
  type ContextMarking,
  type Density,
  type RelevanceSource,
} from './mention-index';
import type { Mention } from './mentions';
import type { Painter } from './painter';
import type { TextScanner } from './scanner';
import type { SliceScheduler } from './scheduler';
import { viewportRegions } from './viewport';
import { SegmentCollector, type Segment } from './segments';
import { readerCanSee, type VisibilityRound } from './visibility';
import type { ScanResult } from '../types';

export interface PageMarkerOptions {
  doc: Document;
  /** Matches here or in the background (`scanner.ts`); results are applied in order either way. */
  scanner: TextScanner;
  painter: Painter;
  scheduler: SliceScheduler;
  density?: Density;
  contextMarking?: ContextMarking;
  /** The nearness rules, or how to load them (mention-index.ts); none marks no conditional name. */
  relevance?: RelevanceSource;
  /** More dirty subtrees than this in one batch and the whole page is rescanned instead. */
  burstThreshold?: number;
  /** Called for every open shadow root found, e.g. to give it our highlight styles. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called after each repaint with the mentions now painted. */
  onChange?: (mentions: readonly Mention[]) => void;
  /** Called once, when the first scan of the whole document is applied and painted. */
  onFirstScan?: () => void;
  /** Which text the reader can see (`visibility.ts`); tests decide, jsdom has no layout. */
  visibility?: VisibilityRound;
  now: () => number;
  /** Runs `callback` after `ms` (a timer); the default is the document's `setTimeout`. */
  delay?: (callback: () => void, ms: number) => void;
}

/**
 * Text changes, and the attributes that show or hide text: a disclosure opening (`open`,
 * `hidden`, a class or style switching `display`) gets its text marked then; `aria-hidden`
 * subtrees are never read, so switching it rescans.
 */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden'],
};
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without reaching for a global
/**
 * Repainting rebuilds every highlight, so it runs when a rescan is complete, and during a
 * long one at most this often: painting after every slice made slices overrun their budget.
 */
const PROGRESS_PAINT_MS = 250;

/**
 * The share of the main thread that work caused by the page changing may take: after a round
 * of rescans that kept us busy for t ms, the next round waits 3t ms. A page mutating in a tight
 * loop gets at most a quarter of its time taken by us; a page that changes now and then is
 * rescanned at once (a round of 1 ms waits 3 ms).
 */
const MUTATION_SHARE = 0.25;

/**
 * How long the slices wait at most for the nearness rules a batch asked for: a load that
 * neither arrives nor fails in this time does not hold the rest of the page up any longer.
 */
export const RELEVANCE_HOLD_MS = 100;

/**
 * Texts longer than this are matched in chunks, one or more per slice, so a single huge block
 * (a 32 MB log in a `<pre>`, a large text/plain file) never holds the main thread in one call.
 */
export const CHUNK_CHARS = 65_536;
/**
 * Each chunk is matched with this much text either side, more than the longest alias (100
 * characters, lib/pack/limits.ts) with any folding, so a mention across a chunk border and the
 * word boundaries around one are found as in the whole text; only candidates starting inside
 * the chunk's own part are kept.
 */
const CHUNK_OVERLAP = 256;
/** Candidates taken from one long text before its matching stops: the index keeps MAX_MENTIONS anyway. */
const MAX_CANDIDATES_PER_TEXT = 20_000;

/**
 * Marks a live document: scans it in time slices, then keeps up with changes. The
 * MutationObserver callback only records which subtrees are dirty; the rescans run
 * later in slices, so a busy page never waits for us.
 */
export class PageMarker {
  readonly index: MentionIndex;
  readonly #observer: MutationObserver;
  readonly #observed = new WeakSet<Node>();
  readonly #dirty = new Set<Node>();
  /** Elements whose `class`, `style`, `hidden` or `open` changed: their text may have appeared or gone. */
  readonly #restyled = new Set<Node>();
  /** Blocks that became `aria-hidden`: their mentions go, nothing to rescan. */
  readonly #hiddenBlocks = new Set<Element>();
  #flushQueued = false;
  /** Jobs of the current round of rescans (caused by changes) still running, and their time. */
  #roundJobs = 0;
  #roundWork = 0;
  /** No round of rescans starts before this (`MUTATION_SHARE`). */
  #quietUntil = 0;
  /** Set when nodes were removed: their mentions must go even if nothing needs a rescan. */
  #sweepNeeded = false;
  #lastPaint = 0;
  #stopped = false;
  /**
   * Batches whose scan results are still on their way (matched in the background), chained so
   * that every batch, and the removal of what a rescan replaces, applies in the order the
   * batches were collected. Null while nothing is waiting: local results then apply at once.
   */
  #waiting: Promise<void> | null = null;
  #waitingCount = 0;

  readonly #options: PageMarkerOptions;

  constructor(options: PageMarkerOptions) {
    this.#options = options;
    this.index = new MentionIndex(options.scanner, options.painter, {
      density: options.density,
      contextMarking: options.contextMarking,
      visibility: options.visibility ?? readerCanSee,
      relevance: options.relevance,
      // Loaded later than the mentions they let in: those are painted then.
      onRelevance: () => this.#repaint(),
    });
    const MutationObserverImpl = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.#observer = new MutationObserverImpl((records) => this.#onMutations(records));
  }

  /**
   * Observes the document and schedules the first full scan. A page too long for one slice
   * gets the part in the viewport scanned and painted first, and whatever the reader scrolls
   * to while the rest is scanned jumps the queue (`followViewport`).
   */
  start(): void {
    const root = this.#options.doc.body ?? this.#options.doc.documentElement;
    if (!root) return;
    this.#observe(this.#options.doc);
    const collector = new SegmentCollector(root);
    let unfollow: (() => void) | null = null;
    let firstSlice = true;
    const scan = this.#scanJob(root, collector, false, () => {
      unfollow?.();
      this.#options.onFirstScan?.();
    });
    // A top document taller than two viewports follows the viewport from the start (one
    // layout read per tab); frames, and pages that turn out long, after their first slice.
    const view = this.#options.doc.defaultView;
    const tall =
      view !== null &&
      view.top === view &&
      this.#options.doc.documentElement.scrollHeight > 2 * view.innerHeight;
    if (tall) unfollow = this.#followViewport(root, collector);
    this.#options.scheduler.run((shouldYield) => {
      const done = scan(shouldYield);
      if (firstSlice && !done && !this.#stopped) {
        // More text than one slice walks: such a page nearly always names a bystander, so the
        // nearness rules start loading now (a tall page of frames or images has little text).
        this.index.preloadRelevance();
        unfollow ??= this.#followViewport(root, collector);
      }
      firstSlice = false;
      return done;
    });
  }

  /**
   * While the first scan of a long page runs: scans the block in the viewport now, and again
   * whenever the reader scrolls, unless the walk has passed it or is inside it. The walk then
   * passes over those blocks. Answers a function that stops following.
   */
  #followViewport(root: Node, collector: SegmentCollector): () => void {
    const { doc } = this.#options;
    const view = doc.defaultView;
    const prioritize = () => {
      if (this.#stopped || collector.done) return;
      for (const region of viewportRegions(doc, root)) {
        const position = collector.position;
        if (!position || region.contains(position)) continue;
        // Only a block still ahead of the walk: one already walked has its mentions.
        if (!(position.compareDocumentPosition(region) & FOLLOWING)) continue;
        collector.skipBlock(region);
        this.#options.scheduler.run(
          this.#scanJob(region, new SegmentCollector(region), false),
          true,
        );
      }
    };
    prioritize();
    let queued = false;
    const onScroll = () => {
      if (queued) return;
      queued = true;
      view?.requestAnimationFrame(() => {
        queued = false;
        prioritize();
      });
    };
    view?.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => view?.removeEventListener('scroll', onScroll, { capture: true });
  }

  stop(): void {
    this.#stopped = true;
    this.#observer.disconnect();
    this.#options.painter.clear();
  }

  setDensity(density: Density): void {
    this.index.setDensity(density);
    this.#repaint();
  }

  setMuted(entityKeys: ReadonlySet<string>): void {
    this.index.setMuted(entityKeys);
    this.#repaint();
  }

  setContextMarking(marking: ContextMarking): void {
    this.index.setContextMarking(marking);
    this.#repaint();
  }

  #observe(root: Node): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, OBSERVE);
  }

  /**
   * Only queues: which subtrees are dirty, which elements changed how they show. The work runs
   * in rounds on the scheduler, each round waiting in proportion to the one before it.
   */
  #onMutations(records: MutationRecord[]): void {
    for (const root of rootsForRecords(records)) this.#dirty.add(root);
    for (const record of records) {
      if (record.type === 'childList' && record.removedNodes.length > 0) this.#sweepNeeded = true;
      if (record.type !== 'attributes') continue;
      const target = record.target as Element;
      if (target.hasAttribute(OWN_UI_ATTRIBUTE)) continue; // our card's host moving about
      if (record.attributeName === 'aria-hidden') this.#ariaHiddenChanged(target);
      // Only text already found can change visibility: nothing to do while none was.
      else if (this.index.hasSegments) this.#restyled.add(target);
    }
    this.#queueFlush();
  }

  /** `aria-hidden` switched: a block that became hidden drops its mentions, anything else is rescanned. */
  #ariaHiddenChanged(target: Element): void {
    if (isInsideSkippedRegion(target.parentNode ?? target)) return;
    const inline = isInlineElement(target);
    if (!inline && hasSkippedAttribute(target)) this.#hiddenBlocks.add(target);
    else {
      const root = inline ? blockOf(target) : target;
      if (root) this.#dirty.add(root);
    }
  }

  get #hasPendingChanges(): boolean {
    return (
      this.#dirty.size > 0 ||
      this.#sweepNeeded ||
      this.#restyled.size > 0 ||
      this.#hiddenBlocks.size > 0
    );
  }

  /** Queues a round for the changes seen, unless one runs or the last one's quiet time lasts. */
  #queueFlush(): void {
    if (this.#flushQueued || this.#roundJobs > 0 || this.#stopped || !this.#hasPendingChanges)
      return;
    this.#flushQueued = true;
    const run = () => this.#options.scheduler.run(this.#roundJob(() => this.#flush()));
    const wait = this.#quietUntil - this.#options.now();
    if (wait <= 0) run();
    else {
      const delay =
        this.#options.delay ??
        ((callback, ms) => (this.#options.doc.defaultView ?? globalThis).setTimeout(callback, ms));
      delay(run, wait);
    }
  }

  /** One round: drop what left, re-check what changed how it shows, queue the rescans. */
  #flush(): boolean {
    this.#flushQueued = false;
    if (this.#stopped) return true;
    let repaint = false;
    if (this.#sweepNeeded) {
      this.#sweepNeeded = false;
      this.index.remove(null);
      repaint = true;
    }
    for (const block of this.#hiddenBlocks) this.index.remove(block);
    if (this.#hiddenBlocks.size > 0) repaint = true;
    this.#hiddenBlocks.clear();
    if (this.#restyled.size > 0) {
      // A class on <html> or <body> (a theme, a modal) re-checks everything: so does a flood.
      const body = this.#options.doc.body;
      const all =
        this.#restyled.size > 500 ||
        [...this.#restyled].some(
          (node) => node === body || node === this.#options.doc.documentElement,
        );
      if (this.index.recheckVisibility(all ? null : this.#restyled)) repaint = true;
      this.#restyled.clear();
    }
    if (repaint && this.#dirty.size === 0) this.#repaint();
    const threshold = this.#options.burstThreshold ?? 500;
    const body = this.#options.doc.body;
    const roots = this.#dirty.size > threshold && body ? [body] : outermostRoots(this.#dirty);
    this.#dirty.clear();
    this.#rescan(roots);
    return true;
  }

  /**
   * Wraps a job of a round of rescans: counts the time it runs, and when the round's last job
   * is done, sets how long the next round waits (`MUTATION_SHARE`) and queues it if changes came.
   */
  #roundJob(
    work: (shouldYield: () => boolean) => boolean,
  ): (shouldYield: () => boolean) => boolean {
    this.#roundJobs++;
    return (shouldYield) => {
      const { now } = this.#options;
      const started = now();
      const done = work(shouldYield);
      this.#roundWork += now() - started;
      if (done && --this.#roundJobs === 0) {
        this.#quietUntil = now() + this.#roundWork * (1 / MUTATION_SHARE - 1);
        this.#roundWork = 0;
        this.#queueFlush();
      }
      return done;
    };
  }

  /** Forgets what was found under each root and scans it again, in slices. */
  #rescan(roots: readonly Node[]): void {
    for (const root of roots) {
      this.#options.scheduler.run(
        this.#roundJob(this.#scanJob(root, new SegmentCollector(root), true)),
      );
    }
  }

  /**
   * The scheduler job that walks `root` in slices and applies each batch. With `replaces`,
   * what was found under the root before is dropped when the first batch applies (not when
   * the job was queued, so mentions stay painted while earlier work runs). `onDone` is called
   * once the last batch is painted. A text longer than `CHUNK_CHARS` is matched chunk by chunk
   * over as many slices as it takes, and applied alone, in its place in the order.
   */
  #scanJob(
    root: Node,
    collector: SegmentCollector,
    replaces: boolean,
    onDone?: () => void,
  ): (shouldYield: () => boolean) => boolean {
    let first = true;
    /** Segments walked but not applied yet, in order; a long one waits for `long`. */
    const pending: Segment[] = [];
    let long: ChunkedScan | null = null;
    const apply = (
      batch: Segment[],
      results: readonly ScanResult[] | Promise<readonly ScanResult[]>,
      last: boolean,
    ) => {
      const replaced = first && replaces ? root : null;
      first = false;
      this.#applyBatch(replaced, batch, results, last ? (onDone ?? null) : undefined);
    };
    return (shouldYield) => {
      if (this.#stopped) return true;
      for (;;) {
        if (long === null && pending.length === 0 && !collector.done) {
          // Walk no more than the scanner can match within the slice (`batchChars`).
          const most = this.#options.scanner.batchChars?.() ?? Infinity;
          let chars = 0;
          let sawLong = false;
          collector.run(
            (segment) => {
              pending.push(segment);
              chars += segment.text.length;
              if (segment.text.length > CHUNK_CHARS) sawLong = true;
            },
            () => sawLong || chars >= most || shouldYield(),
          );
          for (const shadow of collector.shadowRoots.splice(0)) {
            this.#observe(shadow);
            this.#options.onShadowRoot?.(shadow);
          }
        }
        // Apply what was walked; a text past CHUNK_CHARS is matched chunk by chunk in its place.
        for (;;) {
          if (long !== null) {
            if (!long.run(shouldYield)) return false;
            const finished: ChunkedScan = long;
            long = null;
            const last = collector.done && pending.length === 0;
            const results = finished.results();
            const noteCapped = () => finished.capped && this.index.noteCapped();
            if (Array.isArray(results)) noteCapped();
            else void (results as Promise<unknown>).then(noteCapped, () => {});
            apply([finished.segment], results, last);
            if (last) return true;
            if (shouldYield()) return false;
            continue;
          }
          const cut = pending.findIndex((segment) => segment.text.length > CHUNK_CHARS);
          const batch = cut === -1 ? pending.splice(0) : pending.splice(0, cut);
          const last = collector.done && pending.length === 0;
          if (batch.length > 0 || last) {
            apply(
              batch,
              this.#options.scanner.scanTexts(batch.map((segment) => segment.text)),
              last,
            );
          }
          if (last) return true;
          if (pending.length === 0) break;
          long = new ChunkedScan(
            pending.shift() as Segment,
            this.#options.scanner,
            this.#options.scheduler,
          );
        }
        // Walked text is all applied: walk on while the slice lasts.
        if (shouldYield()) return false;
      }
    };
  }

  /** The load of the nearness rules the scheduler was last held for. */
  #heldFor: Promise<void> | null = null;

  /**
   * Once a batch makes the index load the nearness rules, no slice of ours runs until they
   * are here and the frame that shows what they let in has begun (at most
   * `RELEVANCE_HOLD_MS`): the load's own tasks do not queue behind our slices, nor does that
   * frame. On wikipedia-2 with an article of seed names the rules came 55–75 ms after they
   * were asked for, and held 22–36 ms; the conditional mentions they let in were then seen
   * 13–48 ms after they were painted, and 2–26 ms when the hold lasted until the next frame.
   */
  #holdForRelevance(): void {
    const loading = this.index.loadingRelevance;
    if (loading === null || loading === this.#heldFor) return;
    this.#heldFor = loading;
    const view = this.#options.doc.defaultView;
    const nextFrame = () =>
      new Promise<void>((resolve) =>
        view ? view.requestAnimationFrame(() => resolve()) : resolve(),
      );
    const shown = loading.then(nextFrame);
    this.#options.scheduler.holdUntil(shown, RELEVANCE_HOLD_MS);
  }

  /**
   * Applies a batch's scan results (here, or later from the background) behind any batch
   * still waiting. `done` is undefined while the root's walk goes on; at its end it is the
   * callback to call once this last batch is painted (or null).
   */
  #applyBatch(
    replaced: Node | null,
    batch: Segment[],
    results: readonly ScanResult[] | Promise<readonly ScanResult[]>,
    done: (() => void) | null | undefined,
  ): void {
    // `null`: the batch could not be matched. The rest of the bookkeeping still happens, so
    // the first scan still ends; the next rescan of its block finds the lost text again.
    const apply = (scanned: readonly ScanResult[] | null) => {
      if (this.#stopped) return;
      if (replaced) this.index.remove(replaced);
      if (scanned) this.index.add(batch, scanned);
      this.#holdForRelevance();
      if (done !== undefined) {
        this.index.remove(null);
        this.#repaint();
        // The first scan is done once the nearness rules it asked for are applied too.
        const loading = this.index.loadingRelevance;
        if (loading && done) void loading.then(() => this.#stopped || done());
        else done?.();
      } else if (this.#options.now() - this.#lastPaint >= PROGRESS_PAINT_MS) {
        // A huge page shows its first mentions early instead of all at the end.
        this.#repaint();
      }
    };
    if (this.#waiting === null && Array.isArray(results)) {
      apply(results as readonly ScanResult[]);
      return;
    }
    this.#waitingCount++;
    const previous = this.#waiting ?? Promise.resolve();
    this.#waiting = previous
      .then(() => results)
      .then(
        (scanned) => scanned,
        (error: unknown) => {
          console.warn('Fact Lens: matching failed', error);
          return null;
        },
      )
      .then(
        // Applied as a job of the scheduler, not in the promise callback: batches that waited
        // together (for the matcher to load, say) would otherwise all apply in one long task.
        // Urgent: ahead of a long walk still queued, or the viewport's block, matched in the
        // background, would be painted only once the whole page was walked. Each apply is
        // queued after the one before it has run, so the order holds.
        (scanned) =>
          new Promise<void>((resolve) =>
            this.#options.scheduler.run(() => {
              apply(scanned);
              resolve();
              return true;
            }, true),
          ),
      )
      .finally(() => {
        if (--this.#waitingCount === 0) this.#waiting = null;
      });
  }

  /** Resolves once every batch sent away to be matched has been applied. */
  settled(): Promise<void> {
    return this.#waiting ?? Promise.resolve();
  }

  #repaint(): void {
    if (this.#stopped) return;
    this.#lastPaint = this.#options.now();
    const painted = this.index.paint();
    this.#options.onChange?.(painted);
  }
}

/**
 * Matches one long text in chunks of `CHUNK_CHARS`, as many per slice as fit, and gives the
 * same scan result as one call over the whole text (candidates in order, context hits once).
 * Stops early once `MAX_CANDIDATES_PER_TEXT` were found (`capped`).
 *
 * While answers come later (from the background, or a matcher still loading), each further
 * chunk is matched in a job of its own once the one before was answered, never all at once
 * when the answers come: the whole text is then one promise, applied in its place in the order.
 */
class ChunkedScan {
  #offset = 0;
  #found = 0;
  capped = false;
  readonly #parts: ScanResult[] = [];
  #later: Promise<void> | null = null;
  readonly #scanner: TextScanner;
  readonly #scheduler: SliceScheduler;

  constructor(
    readonly segment: Segment,
    scanner: TextScanner,
    scheduler: SliceScheduler,
  ) {
    this.#scanner = scanner;
    this.#scheduler = scheduler;
    scanner.expect?.(segment.text.length);
  }

  /** Matches chunks until every one is matched or asked for (true), or `shouldYield` says stop. */
  run(shouldYield: () => boolean): boolean {
    while (this.#later === null && this.#offset < this.segment.text.length) {
      const result = this.#next();
      if (!Array.isArray(result)) {
        this.#later = this.#wait(result as Promise<readonly ScanResult[]>);
        return true;
      }
      this.#take(result as readonly ScanResult[]);
      if (this.#offset < this.segment.text.length && shouldYield()) return false;
    }
    return true;
  }

  /** Asks for the next chunk, with `CHUNK_OVERLAP` either side. */
  #next(): readonly ScanResult[] | Promise<readonly ScanResult[]> {
    const { text } = this.segment;
    const start = this.#offset;
    const end = Math.min(text.length, start + CHUNK_CHARS);
    const from = Math.max(0, start - CHUNK_OVERLAP);
    this.#offset = end;
    const result = this.#scanner.scanTexts([text.slice(from, end + CHUNK_OVERLAP)]);
    const shift = (scans: readonly ScanResult[]): ScanResult[] => {
      const scan = scans[0] ?? { candidates: [], contextHits: [] };
      const candidates = [];
      for (const candidate of scan.candidates) {
        const at = candidate.start + from;
        if (at >= start && at < end) {
          candidates.push({ ...candidate, start: at, end: candidate.end + from });
        }
      }
      return [{ candidates, contextHits: scan.contextHits }];
    };
    return Array.isArray(result)
      ? shift(result as readonly ScanResult[])
      : (result as Promise<readonly ScanResult[]>).then(shift);
  }

  #take(scans: readonly ScanResult[]): void {
    const scan = scans[0] as ScanResult;
    this.#parts.push(scan);
    this.#found += scan.candidates.length;
    if (this.#found >= MAX_CANDIDATES_PER_TEXT && this.#offset < this.segment.text.length) {
      this.#offset = this.segment.text.length;
      this.capped = true;
    }
  }

  async #wait(first: Promise<readonly ScanResult[]>): Promise<void> {
    this.#take(await first);
    while (this.#offset < this.segment.text.length) {
      const result = await new Promise<readonly ScanResult[] | Promise<readonly ScanResult[]>>(
        (resolve) =>
          this.#scheduler.run(() => {
            resolve(this.#next());
            return true;
          }, true),
      );
      this.#take(await result);
    }
  }

  /** The whole text's scan result, as a batch of one. */
  results(): readonly ScanResult[] | Promise<readonly ScanResult[]> {
    const merge = (): ScanResult[] => {
      const contextHits = new Set<number>();
      for (const part of this.#parts) for (const term of part.contextHits) contextHits.add(term);
      return [
        {
          candidates: this.#parts.flatMap((part) => part.candidates),
          contextHits: [...contextHits].sort((a, b) => a - b),
        },
      ];
    };
    return this.#later ? this.#later.then(merge) : merge();
  }
}
