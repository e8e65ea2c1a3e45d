/**
 * The CSS Custom Highlight API for jsdom, which has none (and no `CSS` at all): enough of it
 * for the page-side code to take its live path (`startMarking` → `PageMarker`) and for a test
 * to read what was painted. Layout is still absent: tests stub the few calls that need it.
 */

/** A `Highlight`: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

export type FakeRegistry = Map<string, FakeHighlight>;

/**
 * Gives `view` a `CSS.highlights` registry and a `Highlight` class; answers the registry and
 * a function that takes them away again (call it in `afterEach`).
 */
export function installHighlightApi(view: Window = window): {
  registry: FakeRegistry;
  uninstall: () => void;
} {
  const registry: FakeRegistry = new Map();
  const target = view as unknown as Record<string, unknown>;
  const before = { CSS: target.CSS, Highlight: target.Highlight };
  target.CSS = { ...(before.CSS as object | undefined), highlights: registry };
  target.Highlight = FakeHighlight;
  // The painter builds highlights with the global `Highlight`, as a content script does.
  const global = globalThis as Record<string, unknown>;
  const globalBefore = global.Highlight;
  global.Highlight = FakeHighlight;
  return {
    registry,
    uninstall: () => {
      target.CSS = before.CSS;
      target.Highlight = before.Highlight;
      global.Highlight = globalBefore;
    },
  };
}

/** The text of every range painted under `name` (all mention highlights when omitted). */
export function paintedTexts(registry: FakeRegistry, name?: string): string[] {
  const texts: string[] = [];
  for (const [highlightName, highlight] of registry) {
    if (name ? highlightName !== name : !isMentionHighlight(highlightName)) continue;
    for (const range of highlight) texts.push(textOf(range));
  }
  return texts;
}

function isMentionHighlight(name: string): boolean {
  return name.startsWith('fact-lens-') && name !== 'fact-lens-active' && name !== 'fact-lens-hover';
}

/** The text a (static) range covers. */
export function textOf(range: AbstractRange): string {
  const live = range.startContainer.ownerDocument?.createRange() ?? document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
