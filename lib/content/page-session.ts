import type { Timers } from '../async/timers';
import type { HoverCardController } from '../cards/hover-controller';
import { cardHoverEvents, connectCardKeyboard } from '../cards/page-cards';
import { nthMentionOf, summarizeMentions, type PageEntity } from '../engine/page/page-summary';
import { ACTIVE_HIGHLIGHT, startMarking, type RunningMarker } from '../engine/page/start';
import type { RelevanceSource } from '../engine/page/mention-index';
import type { TextScanner } from '../engine/page/scanner';
import { runsOn, type Settings } from '../settings/schema';
import { TEST_HOOKS } from './test-hooks';

export interface PageSessionOptions {
  doc: Document;
  /**
   * Where this document's text is matched; a new one each time marking starts, so a marking
   * started after the packs changed never mixes answers from the old and the new packs.
   */
  createScanner: () => TextScanner;
  /** Where the nearness rules come from (lib/engine/page/mention-index.ts). */
  relevance?: RelevanceSource;
  controller: HoverCardController;
  /** The page's site (hostname), or null when it has none. */
  site: string | null;
  highlightCss?: string;
  /** Hands each new marker its muted entities (lib/cards/site-mute.ts). */
  onMarker?: (marker: RunningMarker) => void;
  /** How long a revealed mention stays flashed. */
  flashMs?: number;
  timers: Timers;
}

/**
 * Fact Lens on one document, following the settings: marking starts when it may run here
 * and stops (highlights gone, card closed) when paused or disabled for the site; density,
 * where context entities are marked and hover delay apply at once. Also answers the popup's "On this page".
 */
export class PageSession {
  #marker: RunningMarker | null = null;
  #stopKeyboard: (() => void) | null = null;
  #density: Settings['density'] | null = null;
  #contextEntities: Settings['contextEntities'] | null = null;
  #flash: unknown = null;
  #settings: Settings | null = null;

  constructor(private readonly options: PageSessionOptions) {}

  get running(): boolean {
    return this.#marker !== null;
  }

  apply(settings: Settings): void {
    this.#settings = settings;
    const { doc, controller } = this.options;
    controller.setShowDelay(settings.hoverDelayMs);
    if (!runsOn(settings, this.options.site)) {
      this.stop();
      return;
    }
    if (!this.#marker) {
      this.#marker = startMarking(doc, this.options.createScanner(), {
        density: settings.density,
        contextMarking: settings.contextEntities,
        relevance: this.options.relevance,
        highlightCss: this.options.highlightCss,
        hover: cardHoverEvents(doc, controller),
        // Only the test-hooks build tells tests the first scan is done: pages read
        // CSS.highlights too (and the name is not even in `npm run build`).
        firstScanHighlight: TEST_HOOKS ? ACTIVE_HIGHLIGHT : undefined,
      });
      this.#density = settings.density;
      this.#contextEntities = settings.contextEntities;
      this.#stopKeyboard = connectCardKeyboard(doc, this.#marker, controller);
      this.options.onMarker?.(this.#marker);
      return;
    }
    if (this.#density !== settings.density) {
      this.#density = settings.density;
      this.#marker.setDensity(settings.density);
    }
    if (this.#contextEntities !== settings.contextEntities) {
      this.#contextEntities = settings.contextEntities;
      this.#marker.setContextMarking(settings.contextEntities);
    }
  }

  /**
   * Matches the page again (packs were installed, updated, switched off or removed): old
   * highlights go, cached cards are forgotten, the page is marked afresh with a new scanner.
   */
  rematch(): void {
    this.options.controller.clearCache();
    if (!this.#marker || !this.#settings) return;
    this.stop();
    this.apply(this.#settings);
  }

  stop(): void {
    this.options.controller.close();
    this.#stopKeyboard?.();
    this.#stopKeyboard = null;
    this.#marker?.stop();
    this.#marker = null;
  }

  /** Whether the page holds more mentions than are marked (lib/engine/page `MAX_MENTIONS`). */
  get capped(): boolean {
    return this.#marker?.index.capped ?? false;
  }

  entities(): PageEntity[] {
    return this.#marker ? summarizeMentions(this.#marker.index.visibleInReadingOrder()) : [];
  }

  /** Scrolls to a mention of the entity and flashes it (as the current mention) for a moment. */
  reveal(entityKey: string, occurrence: number): boolean {
    const marker = this.#marker;
    if (!marker) return false;
    const mention = nthMentionOf(marker.index.visibleInReadingOrder(), entityKey, occurrence);
    if (!mention) return false;
    const element = mention.range.startContainer.parentElement;
    const reduceMotion = this.options.doc.defaultView?.matchMedia(
      '(prefers-reduced-motion: reduce)',
    ).matches;
    element?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    marker.highlightCurrent(mention);
    const { timers } = this.options;
    if (this.#flash !== null) timers.clear(this.#flash);
    this.#flash = timers.set(() => {
      this.#flash = null;
      if (!this.options.controller.state.target) this.#marker?.highlightCurrent(null);
    }, this.options.flashMs ?? 1500);
    return true;
  }
}
