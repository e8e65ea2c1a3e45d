import { blockOf, isInlineElement, isInsideSkippedRegion } from './regions';

/** The smallest subtree to rescan for a change at `node`: its block, or the node itself if it is one. */
export function rootFor(node: Node): Node | null {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return node; // a shadow root
  return blockOf(node) ?? node.getRootNode();
}

/**
 * The subtrees a batch of mutation records asks us to rescan. Added blocks are rescanned
 * on their own (an appended feed item does not rescan the whole feed); text edits and
 * inline changes rescan their block, because the block's joined text changed. Removed
 * blocks need no rescan: their mentions are dropped as disconnected.
 */
export function rootsForRecords(records: readonly MutationRecord[]): Set<Node> {
  const roots = new Set<Node>();
  const add = (node: Node | null) => {
    if (node && !isInsideSkippedRegion(node)) roots.add(node);
  };
  for (const record of records) {
    if (record.type === 'characterData') {
      add(rootFor(record.target));
      continue;
    }
    for (const node of record.addedNodes) add(rootFor(node));
    const inlineRemoved = [...record.removedNodes].some(
      (node) => node.nodeType !== Node.ELEMENT_NODE || isInlineElement(node as Element),
    );
    if (inlineRemoved) add(rootFor(record.target));
  }
  return roots;
}

/** Drops every root that lies inside another root of the set (walking up through shadow hosts). */
export function outermostRoots(roots: ReadonlySet<Node>): Node[] {
  return [...roots].filter((root) => {
    for (let up = parentAcrossShadow(root); up; up = parentAcrossShadow(up)) {
      if (roots.has(up)) return false;
    }
    return root.isConnected;
  });
}

function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}
