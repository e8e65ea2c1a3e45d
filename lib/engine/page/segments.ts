import { hasSkippedAttribute, isInlineTag, isSkippedTag } from './regions';

/**
 * A run of text nodes in one block, joined into one string so a name split by inline
 * markup is still one mention. `starts[i]` is where `nodes[i]` begins in `text`.
 */
export interface Segment {
  text: string;
  nodes: Text[];
  starts: number[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NOT_BLANK = /\S/;

/** One subtree being walked: the document or a block root, or an open shadow root. */
interface Walk {
  root: Node;
  /** The next node to visit; null when the walk is over. */
  next: Node | null;
  /** For each element descended into: whether it is a block (leaving it ends a run). */
  blocks: boolean[];
}

/**
 * Walks `root` (an element, document or shadow root) once, descending into open shadow
 * roots, and yields text segments. The walk can stop at a deadline and resume, so a huge
 * page never blocks the main thread for long. Text in skipped regions (scripts, form
 * fields, editable or aria-hidden subtrees, our own UI) is never read.
 *
 * This is the hottest loop of a page scan, so it walks the tree by hand with
 * firstChild / nextSibling / parentNode: entering and leaving elements is then explicit,
 * which gives block boundaries for free, with one `localName` read per element and no
 * call into script per node (a TreeWalker with a NodeFilter callback measured ~6× slower).
 */
export class SegmentCollector {
  /** Open shadow roots met on the way; callers observe them for changes. */
  readonly shadowRoots: ShadowRoot[] = [];
  readonly #walks: Walk[] = [];
  #current: Segment | null = null;
  /**
   * Block elements this walk passes over because they are scanned on their own (the part of a
   * long page in the viewport goes first: page-marker.ts). Null, the usual case, costs nothing.
   */
  #skip: Set<Element> | null = null;

  constructor(root: Node) {
    this.#walks.push({ root, next: root.firstChild, blocks: [] });
    // The root itself is never visited, so a root hosting a shadow tree (an element
    // appended with its shadow root attached) is entered here.
    const shadow = root.nodeType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
    if (shadow) this.#enterShadow(shadow);
  }

  get done(): boolean {
    return this.#walks.length === 0;
  }

  /**
   * The next node the outermost walk visits, or null when it is over or inside a shadow tree
   * (where nothing can be skipped ahead).
   */
  get position(): Node | null {
    return this.#walks.length === 1 ? (this.#walks[0] as Walk).next : null;
  }

  /**
   * Passes over `block` (and everything in it) when the walk reaches it. Only a block element
   * may be skipped: a block ends runs of text, so scanning it alone gives the same segments.
   */
  skipBlock(block: Element): void {
    (this.#skip ??= new Set()).add(block);
  }

  /**
   * Collects until the walk ends or `shouldYield()` says stop (checked every few hundred
   * nodes). Completed segments are passed to `emit`.
   */
  run(emit: (segment: Segment) => void, shouldYield: () => boolean = () => false): void {
    let budget = 512;
    walks: while (this.#walks.length > 0) {
      const walk = this.#walks[this.#walks.length - 1] as Walk;
      // The page may have changed between slices; a detached position cannot continue.
      if (walk.next !== null && !walk.next.isConnected && walk.root.isConnected) walk.next = null;
      let node = walk.next;
      while (node !== null) {
        if (--budget === 0) {
          budget = 512;
          if (shouldYield()) {
            walk.next = node;
            return;
          }
        }
        let descend = false;
        let shadow: ShadowRoot | null = null;
        if (node.nodeType === TEXT_NODE) {
          this.#addText(node as Text);
        } else if (node.nodeType === ELEMENT_NODE) {
          const element = node as Element;
          const name = element.localName;
          if (this.#skip?.has(element)) {
            this.#flush(emit);
          } else if (!isSkippedTag(name) && !hasSkippedAttribute(element)) {
            // A line break or any block-level element ends the current run of text.
            const block = !isInlineTag(name);
            if (block) this.#flush(emit);
            shadow = element.shadowRoot;
            if (shadow) this.#flush(emit);
            if (element.firstChild) {
              walk.blocks.push(block);
              descend = true;
            }
          }
        }
        node = descend ? node.firstChild : this.#advance(walk, node, emit);
        if (shadow) {
          // The shadow tree is walked now, then this walk resumes where it stopped.
          walk.next = node;
          this.#enterShadow(shadow);
          continue walks;
        }
      }
      this.#walks.pop();
      this.#flush(emit);
    }
  }

  /** The node after `node`'s subtree, leaving (and closing) finished elements on the way up. */
  #advance(walk: Walk, from: Node, emit: (segment: Segment) => void): Node | null {
    for (let node: Node | null = from; node !== null;) {
      const sibling = node.nextSibling;
      if (sibling) return sibling;
      const parent: Node | null = node.parentNode;
      if (parent === null || parent === walk.root) return null;
      if (walk.blocks.pop()) this.#flush(emit);
      node = parent;
    }
    return null;
  }

  #enterShadow(shadow: ShadowRoot): void {
    this.shadowRoots.push(shadow);
    this.#walks.push({ root: shadow, next: shadow.firstChild, blocks: [] });
  }

  #addText(text: Text): void {
    const value = text.data;
    if (value.length === 0) return;
    const segment = (this.#current ??= { text: '', nodes: [], starts: [] });
    segment.starts.push(segment.text.length);
    segment.nodes.push(text);
    segment.text += value;
  }

  #flush(emit: (segment: Segment) => void): void {
    const segment = this.#current;
    this.#current = null;
    if (segment && NOT_BLANK.test(segment.text)) emit(segment);
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
