import {
  MentionIndex,
  type ContextMarking,
  type Density,
  type RelevanceSource,
} from './mention-index';
import { trackHover, type HoverEvents } from './hover';
import type { Mention } from './mentions';
import { createHighlightPainter, type Painter } from './painter';
import { PageMarker } from './page-marker';
import type { TextScanner } from './scanner';
import { createSliceScheduler, type SliceScheduler } from './scheduler';
import { collectSegments } from './segments';
import { createWrapPainter } from './wrap-painter';

/**
 * The empty highlight the test-hooks build registers once the first scan is done (tests and
 * tools wait for it; `firstScanHighlight`). Pages read `CSS.highlights` too, so what users
 * run never registers it, and the name is not in their build.
 */
export const ACTIVE_HIGHLIGHT = 'fact-lens-active';
/** The mention under the pointer, painted a little stronger. */
export const HOVER_HIGHLIGHT = 'fact-lens-hover';

function highlightRegistry(doc: Document): HighlightRegistry | null {
  const view = doc.defaultView;
  // `CSS` itself may be missing where there is no CSS object model (jsdom).
  return view?.CSS && 'highlights' in view.CSS && typeof view.Highlight === 'function'
    ? view.CSS.highlights
    : null;
}

/** Adds our `::highlight()` rules to a shadow root: document styles do not reach inside it. */
function styleShadowRoot(doc: Document, css: string): (root: ShadowRoot) => void {
  let sheet: CSSStyleSheet | null = null;
  return (root) => {
    const view = doc.defaultView;
    if (!view) return;
    sheet ??= new view.CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  };
}

/** How much of what is found gets marked: the reader's settings, changed live. */
export interface MarkingChoice {
  density?: Density;
  /** Where a pack's context entities are marked (issue 18). */
  contextMarking?: ContextMarking;
}

export interface StartOptions extends MarkingChoice {
  /** The `::highlight()` rules, also adopted into shadow roots. */
  highlightCss?: string;
  /** Told when the pointer enters or leaves a mention (the hover card listens here). */
  hover?: Partial<HoverEvents>;
  /** Where the work runs; the benchmark passes its own to read slice durations. */
  scheduler?: SliceScheduler;
  /**
   * The name of an empty highlight registered once the first scan is done and deleted on
   * stop (`ACTIVE_HIGHLIGHT` in tests and tools); none by default.
   */
  firstScanHighlight?: string;
  /** The nearness rules, or how to load them (mention-index.ts); none marks no conditional name. */
  relevance?: RelevanceSource;
}

/** What the content script holds on to. */
export interface RunningMarker {
  stop(): void;
  setDensity(density: Density): void;
  setContextMarking(marking: ContextMarking): void;
  /** Stops highlighting these entities (`packId/entityId`); an empty set unmutes all. */
  setMuted(entityKeys: ReadonlySet<string>): void;
  /** Paints one mention as the current one (keyboard navigation), or none. */
  highlightCurrent(mention: Mention | null): void;
  readonly index: MentionIndex;
  /** Resolves once the first scan's results, matched here or in the background, are applied. */
  settled(): Promise<void>;
}

/**
 * Starts marking a document: live, sliced and observing changes when the CSS Custom
 * Highlight API is there; otherwise one static pass that wraps mentions in elements.
 */
export function startMarking(
  doc: Document,
  scanner: TextScanner,
  options: StartOptions = {},
): RunningMarker {
  const registry = highlightRegistry(doc);
  if (!registry) return markStatically(doc, scanner, createWrapPainter(doc), options);

  const painter = createHighlightPainter(registry);
  const { firstScanHighlight } = options;
  const marker = new PageMarker({
    doc,
    scanner,
    painter,
    scheduler: options.scheduler ?? createSliceScheduler(),
    now: () => performance.now(),
    density: options.density,
    contextMarking: options.contextMarking,
    relevance: options.relevance,
    onShadowRoot: options.highlightCss ? styleShadowRoot(doc, options.highlightCss) : undefined,
    // Registered once the whole document was scanned: tests and tools wait for it.
    onFirstScan: firstScanHighlight
      ? () => registry.set(firstScanHighlight, new Highlight())
      : undefined,
  });
  marker.start();
  const highlightCurrent = (mention: Mention | null) => {
    if (!mention) {
      registry.delete(HOVER_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(mention.range);
    highlight.priority = 1; // above the per-kind highlight it overlaps
    registry.set(HOVER_HIGHLIGHT, highlight);
  };
  const stopHover = trackHover(doc, marker.index, {
    enter(mention, rect) {
      highlightCurrent(mention);
      options.hover?.enter?.(mention, rect);
    },
    leave(mention) {
      highlightCurrent(null);
      options.hover?.leave?.(mention);
    },
  });
  return {
    index: marker.index,
    setDensity: (density) => marker.setDensity(density),
    setContextMarking: (marking) => marker.setContextMarking(marking),
    setMuted: (entityKeys) => marker.setMuted(entityKeys),
    highlightCurrent,
    settled: () => marker.settled(),
    stop: () => {
      stopHover();
      marker.stop();
      if (firstScanHighlight) registry.delete(firstScanHighlight);
      registry.delete(HOVER_HIGHLIGHT);
    },
  };
}

/**
 * Without the Highlight API: one pass that wraps mentions in elements. Not live: wrapping
 * changes the DOM, which an observer would take for the page changing.
 */
function markStatically(
  doc: Document,
  scanner: TextScanner,
  painter: Painter,
  options: StartOptions,
): RunningMarker {
  let stopped = false;
  const index = new MentionIndex(scanner, painter, {
    density: options.density,
    contextMarking: options.contextMarking,
    relevance: options.relevance,
    onRelevance: () => stopped || index.paint(),
  });
  const root = doc.body ?? doc.documentElement;
  const { segments } = root ? collectSegments(root) : { segments: [] };
  const done = Promise.resolve(scanner.scanTexts(segments.map((segment) => segment.text))).then(
    (results) => {
      if (stopped) return;
      index.add(segments, results);
      index.paint();
      // Settled once the nearness rules the pass asked for are applied (and painted) too.
      return index.loadingRelevance ?? undefined;
    },
  );
  return {
    index,
    settled: () => done,
    setDensity: (next) => {
      index.setDensity(next);
      index.paint();
    },
    setContextMarking: (next) => {
      index.setContextMarking(next);
      index.paint();
    },
    setMuted: (entityKeys) => {
      index.setMuted(entityKeys);
      index.paint();
    },
    highlightCurrent: () => {},
    stop: () => {
      stopped = true;
      painter.clear();
    },
  };
}
