import { outermostRoots, rootsForRecords } from './dirty-roots';
import { MentionIndex, type Density } from './mention-index';
import type { Mention } from './mentions';
import type { Painter } from './painter';
import type { TextScanner } from './scanner';
import type { SliceScheduler } from './scheduler';
import { viewportRegions } from './viewport';
import { SegmentCollector, type Segment } from './segments';
import type { ScanResult } from '../types';

export interface PageMarkerOptions {
  doc: Document;
  /** Matches here or in the background (`scanner.ts`); results are applied in order either way. */
  scanner: TextScanner;
  painter: Painter;
  scheduler: SliceScheduler;
  density?: Density;
  /** More dirty subtrees than this in one batch and the whole page is rescanned instead. */
  burstThreshold?: number;
  /** Called for every open shadow root found, e.g. to give it our highlight styles. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called after each repaint with the mentions now painted. */
  onChange?: (mentions: readonly Mention[]) => void;
  /** Called once, when the first scan of the whole document is applied and painted. */
  onFirstScan?: () => void;
  now: () => number;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without reaching for a global
/**
 * Repainting rebuilds every highlight, so it runs when a rescan is complete, and during a
 * long one at most this often: painting after every slice made slices overrun their budget.
 */
const PROGRESS_PAINT_MS = 250;

/**
 * Marks a live document: scans it in time slices, then keeps up with changes. The
 * MutationObserver callback only records which subtrees are dirty; the rescans run
 * later in slices, so a busy page never waits for us.
 */
export class PageMarker {
  readonly index: MentionIndex;
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly dirty = new Set<Node>();
  private flushQueued = false;
  /** Set when nodes were removed: their mentions must go even if nothing needs a rescan. */
  private sweepNeeded = false;
  private lastPaint = 0;
  private stopped = false;
  /**
   * Batches whose scan results are still on their way (matched in the background), chained so
   * that every batch, and the removal of what a rescan replaces, applies in the order the
   * batches were collected. Null while nothing is waiting: local results then apply at once.
   */
  private waiting: Promise<void> | null = null;
  private waitingCount = 0;

  constructor(private readonly options: PageMarkerOptions) {
    this.index = new MentionIndex(options.scanner, options.painter, { density: options.density });
    const MutationObserverImpl = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new MutationObserverImpl((records) => this.onMutations(records));
  }

  /**
   * Observes the document and schedules the first full scan. A page too long for one slice
   * gets the part in the viewport scanned and painted first, and whatever the reader scrolls
   * to while the rest is scanned jumps the queue (`followViewport`).
   */
  start(): void {
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    if (!root) return;
    this.observe(this.options.doc);
    const collector = new SegmentCollector(root);
    let unfollow: (() => void) | null = null;
    let firstSlice = true;
    const scan = this.scanJob(root, collector, false, () => {
      unfollow?.();
      this.options.onFirstScan?.();
    });
    // A top document taller than two viewports follows the viewport from the start (one
    // layout read per tab); frames, and pages that turn out long, after their first slice.
    const view = this.options.doc.defaultView;
    const tall =
      view !== null &&
      view.top === view &&
      this.options.doc.documentElement.scrollHeight > 2 * view.innerHeight;
    if (tall) unfollow = this.followViewport(root, collector);
    this.options.scheduler.run((shouldYield) => {
      const done = scan(shouldYield);
      if (firstSlice && !done && !this.stopped && !unfollow) {
        unfollow = this.followViewport(root, collector);
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
  private followViewport(root: Node, collector: SegmentCollector): () => void {
    const { doc } = this.options;
    const view = doc.defaultView;
    const prioritize = () => {
      if (this.stopped || collector.done) return;
      for (const region of viewportRegions(doc, root)) {
        const position = collector.position;
        if (!position || region.contains(position)) continue;
        // Only a block still ahead of the walk: one already walked has its mentions.
        if (!(position.compareDocumentPosition(region) & FOLLOWING)) continue;
        collector.skipBlock(region);
        this.options.scheduler.run(this.scanJob(region, new SegmentCollector(region), false), true);
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
    this.stopped = true;
    this.observer.disconnect();
    this.options.painter.clear();
  }

  setDensity(density: Density): void {
    this.index.setDensity(density);
    this.repaint();
  }

  setMuted(entityKeys: ReadonlySet<string>): void {
    this.index.setMuted(entityKeys);
    this.repaint();
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const root of rootsForRecords(records)) this.dirty.add(root);
    if (records.some((record) => record.removedNodes.length > 0)) this.sweepNeeded = true;
    if ((this.dirty.size > 0 || this.sweepNeeded) && !this.flushQueued) {
      this.flushQueued = true;
      this.options.scheduler.run(() => {
        this.flushQueued = false;
        if (this.sweepNeeded) {
          this.sweepNeeded = false;
          this.index.remove(null);
          if (this.dirty.size === 0) this.repaint();
        }
        const threshold = this.options.burstThreshold ?? 500;
        const body = this.options.doc.body;
        const roots = this.dirty.size > threshold && body ? [body] : outermostRoots(this.dirty);
        this.dirty.clear();
        this.rescan(roots);
        return true;
      });
    }
  }

  /** Forgets what was found under each root and scans it again, in slices. */
  private rescan(roots: readonly Node[]): void {
    for (const root of roots) {
      this.options.scheduler.run(this.scanJob(root, new SegmentCollector(root), true));
    }
  }

  /**
   * The scheduler job that walks `root` in slices and applies each batch. With `replaces`,
   * what was found under the root before is dropped when the first batch applies (not when
   * the job was queued, so mentions stay painted while earlier work runs). `onDone` is called
   * once the last batch is painted.
   */
  private scanJob(
    root: Node,
    collector: SegmentCollector,
    replaces: boolean,
    onDone?: () => void,
  ): (shouldYield: () => boolean) => boolean {
    let first = true;
    return (shouldYield) => {
      if (this.stopped) return true;
      const batch: Segment[] = [];
      collector.run((segment) => batch.push(segment), shouldYield);
      for (const shadow of collector.shadowRoots.splice(0)) {
        this.observe(shadow);
        this.options.onShadowRoot?.(shadow);
      }
      const replaced = first && replaces ? root : null;
      first = false;
      this.applyBatch(replaced, batch, collector.done ? (onDone ?? null) : undefined);
      return collector.done;
    };
  }

  /**
   * Scans a batch (here or in the background) and applies it behind any batch still waiting.
   * `done` is undefined while the root's walk goes on; at its end it is the callback to call
   * once this last batch is painted (or null).
   */
  private applyBatch(
    replaced: Node | null,
    batch: Segment[],
    done: (() => void) | null | undefined,
  ): void {
    const results = this.options.scanner.scanTexts(batch.map((segment) => segment.text));
    // `null`: the batch could not be matched. The rest of the bookkeeping still happens, so
    // the first scan still ends; the next rescan of its block finds the lost text again.
    const apply = (scanned: readonly ScanResult[] | null) => {
      if (this.stopped) return;
      if (replaced) this.index.remove(replaced);
      if (scanned) this.index.add(batch, scanned);
      if (done !== undefined) {
        this.index.remove(null);
        this.repaint();
        done?.();
      } else if (this.options.now() - this.lastPaint >= PROGRESS_PAINT_MS) {
        // A huge page shows its first mentions early instead of all at the end.
        this.repaint();
      }
    };
    if (this.waiting === null && Array.isArray(results)) {
      apply(results as readonly ScanResult[]);
      return;
    }
    this.waitingCount++;
    const previous = this.waiting ?? Promise.resolve();
    this.waiting = previous
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
            this.options.scheduler.run(() => {
              apply(scanned);
              resolve();
              return true;
            }, true),
          ),
      )
      .finally(() => {
        if (--this.waitingCount === 0) this.waiting = null;
      });
  }

  /** Resolves once every batch sent away to be matched has been applied. */
  settled(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  private repaint(): void {
    if (this.stopped) return;
    this.lastPaint = this.options.now();
    const painted = this.index.paint();
    this.options.onChange?.(painted);
  }
}
