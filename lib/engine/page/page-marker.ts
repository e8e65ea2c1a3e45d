import { outermostRoots, rootsForRecords } from './dirty-roots';
import { MentionIndex, type Density, type MatcherLike } from './engine';
import type { Mention } from './mentions';
import type { Painter } from './painter';
import type { SliceScheduler } from './scheduler';
import { SegmentCollector, type Segment } from './segments';

export interface PageMarkerOptions {
  doc: Document;
  matcher: MatcherLike;
  painter: Painter;
  scheduler: SliceScheduler;
  density?: Density;
  /** More dirty subtrees than this in one batch and the whole page is rescanned instead. */
  burstThreshold?: number;
  /** Called for every open shadow root found, e.g. to give it our highlight styles. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called after each repaint with the mentions now painted. */
  onChange?: (mentions: readonly Mention[]) => void;
  now: () => number;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
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

  constructor(private readonly options: PageMarkerOptions) {
    this.index = new MentionIndex(options.matcher, options.painter, { density: options.density });
    const MutationObserverImpl = options.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new MutationObserverImpl((records) => this.onMutations(records));
  }

  /** Observes the document and schedules the first full scan. */
  start(): void {
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    if (!root) return;
    this.observe(this.options.doc);
    this.rescan([root]);
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
      const collector = new SegmentCollector(root);
      let removed = false;
      this.options.scheduler.run((shouldYield) => {
        if (this.stopped) return true;
        if (!removed) {
          // Dropped when the rescan of this root begins, not when it was queued, so
          // mentions stay painted while earlier work runs.
          this.index.remove(root);
          removed = true;
        }
        const batch: Segment[] = [];
        collector.run((segment) => batch.push(segment), shouldYield);
        this.index.add(batch);
        for (const shadow of collector.shadowRoots.splice(0)) {
          this.observe(shadow);
          this.options.onShadowRoot?.(shadow);
        }
        if (collector.done) {
          this.index.remove(null);
          this.repaint();
        } else if (this.options.now() - this.lastPaint >= PROGRESS_PAINT_MS) {
          // A huge page shows its first mentions early instead of all at the end.
          this.repaint();
        }
        return collector.done;
      });
    }
  }

  private repaint(): void {
    if (this.stopped) return;
    this.lastPaint = this.options.now();
    const painted = this.index.paint();
    this.options.onChange?.(painted);
  }
}
