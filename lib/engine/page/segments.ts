import { blockOf, isInlineElement, isSkippedElement } from './regions';

/**
 * A run of text nodes in one block, joined into one string so a name split by inline
 * markup is still one mention. `starts[i]` is where `nodes[i]` begins in `text`.
 */
export interface Segment {
  text: string;
  nodes: Text[];
  starts: number[];
  block: Element | null;
}

const acceptNode = (node: Node): number =>
  node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element)
    ? NodeFilter.FILTER_REJECT
    : NodeFilter.FILTER_ACCEPT;

/**
 * Walks `root` (an element, document or shadow root) once with a TreeWalker, descending
 * into open shadow roots, and yields text segments. The walk can stop at a deadline and
 * resume, so a huge page never blocks the main thread for long. Text in skipped regions
 * (scripts, form fields, editable or aria-hidden subtrees, our own UI) is never read.
 */
export class SegmentCollector {
  /** Open shadow roots met on the way; callers observe them for changes. */
  readonly shadowRoots: ShadowRoot[] = [];
  private readonly walkers: TreeWalker[] = [];
  private current: Segment | null = null;

  constructor(root: Node) {
    // A walker never visits its own root, so a root that hosts a shadow tree (an element
    // appended with its shadow root already attached) is entered here.
    const shadow = root instanceof Element ? root.shadowRoot : null;
    if (shadow) {
      this.shadowRoots.push(shadow);
      this.walkers.push(this.walkerFor(shadow));
    }
    this.walkers.push(this.walkerFor(root));
  }

  get done(): boolean {
    return this.walkers.length === 0;
  }

  /**
   * Collects until the walk ends or `shouldYield()` says stop (checked every few hundred
   * nodes). Completed segments are passed to `emit`.
   */
  run(emit: (segment: Segment) => void, shouldYield: () => boolean = () => false): void {
    let sinceCheck = 0;
    while (this.walkers.length > 0) {
      const walker = this.walkers[this.walkers.length - 1] as TreeWalker;
      const node = walker.nextNode();
      if (node === null) {
        this.walkers.pop();
        this.flush(emit);
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        this.addText(node as Text, emit);
      } else {
        const element = node as Element;
        // A line break or any block-level element ends the current run of text.
        if (!isInlineElement(element)) this.flush(emit);
        const shadow = element.shadowRoot;
        if (shadow) {
          this.flush(emit);
          this.shadowRoots.push(shadow);
          this.walkers.push(this.walkerFor(shadow));
        }
      }
      if (++sinceCheck >= 256) {
        sinceCheck = 0;
        if (shouldYield()) return;
      }
    }
    this.flush(emit);
  }

  private walkerFor(root: Node): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document);
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode,
    });
  }

  private addText(text: Text, emit: (segment: Segment) => void): void {
    const value = text.data;
    if (value.length === 0) return;
    const block = blockOf(text);
    // Text after a nested block, back in the parent block, starts a new run.
    if (this.current !== null && this.current.block !== block) this.flush(emit);
    const segment = (this.current ??= { text: '', nodes: [], starts: [], block });
    segment.starts.push(segment.text.length);
    segment.nodes.push(text);
    segment.text += value;
  }

  private flush(emit: (segment: Segment) => void): void {
    const segment = this.current;
    this.current = null;
    if (segment && /\S/.test(segment.text)) emit(segment);
  }
}

/** All segments under `root`, in one synchronous pass. */
export function collectSegments(root: Node): { segments: Segment[]; shadowRoots: ShadowRoot[] } {
  const collector = new SegmentCollector(root);
  const segments: Segment[] = [];
  collector.run((segment) => segments.push(segment));
  return { segments, shadowRoots: collector.shadowRoots };
}

/** Index of the node holding `offset` of the segment's text (binary search over starts). */
export function nodeIndexAt(segment: Segment, offset: number): number {
  let low = 0;
  let high = segment.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segment.starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
