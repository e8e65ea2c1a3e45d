import type { EntityKind } from '../../pack/schema';
import type { Mention } from './mentions';

/** Paints mentions on the page. `paint` replaces everything painted before. */
export interface Painter {
  paint(mentions: readonly Mention[]): void;
  clear(): void;
}

export const HIGHLIGHT_PREFIX = 'fact-lens-';

/** One named highlight per entity kind, styled by `::highlight(fact-lens-<kind>)`. */
export function highlightName(kind: EntityKind): string {
  return `${HIGHLIGHT_PREFIX}${kind}`;
}

/**
 * The CSS Custom Highlight API: ranges registered in `CSS.highlights` are painted by
 * the browser and the page's DOM is left exactly as it was.
 */
export function createHighlightPainter(registry: HighlightRegistry): Painter {
  const owned = new Map<string, Highlight>();
  return {
    paint(mentions) {
      const byName = new Map<string, AbstractRange[]>();
      for (const mention of mentions) {
        const name = highlightName(mention.alias.entityKind);
        let ranges = byName.get(name);
        if (!ranges) byName.set(name, (ranges = []));
        ranges.push(mention.range);
      }
      for (const [name, highlight] of owned) {
        if (!byName.has(name)) {
          registry.delete(name);
          owned.delete(name);
          highlight.clear();
        }
      }
      for (const [name, ranges] of byName) {
        const highlight = new Highlight(...ranges);
        owned.set(name, highlight);
        registry.set(name, highlight);
      }
    },
    clear() {
      for (const name of owned.keys()) registry.delete(name);
      owned.clear();
    },
  };
}
