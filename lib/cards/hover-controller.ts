import type { EntityCard } from '../domain/card';
import type { MatchReason } from '../domain/match-reason';
import { entityKeyOf, type EntityRef } from '../domain/entity';
import type { Timers } from '../async/timers';

/** What the card is about and where it is anchored on the page. */
export interface CardTarget {
  ref: EntityRef;
  /** The text on the page that matched, shown when it differs from the entity's name. */
  matchedText: string;
  /** The anchor's current box in viewport coordinates (it moves when the page scrolls). */
  rect: () => DOMRect;
  /** Identifies the anchor: the same mention hovered again is not a new card. */
  anchorKey: unknown;
  /** An element around the anchor, whose scrolling ancestors move it (for repositioning). */
  contextElement?: Element;
  /** Why the mention is marked: the card's "Why is this marked?" (absent outside a page). */
  why?: MatchReason;
}

export type CardContent =
  | { status: 'loading' }
  | { status: 'ready'; card: EntityCard }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface CardState {
  /** Whether the card is on screen. */
  open: boolean;
  target: CardTarget | null;
  /** The entity shown; differs from `target.ref` after following a related entity. */
  current: EntityRef | null;
  /** Entities shown before `current` (related-entity navigation), for "back". */
  history: EntityRef[];
  content: CardContent;
  pinned: boolean;
  /** Keyboard-opened cards take focus; pointer-opened ones never steal it. */
  via: 'pointer' | 'keyboard';
}

export interface HoverTiming {
  /** Pointer rests on a mention this long before its card shows (Wikipedia uses ~500 ms). */
  showDelayMs: number;
  /** The card stays this long after the pointer leaves, so it can travel into the card. */
  hideGraceMs: number;
  /** A card whose data is slower than this shows "loading" instead of nothing. */
  loadingGraceMs: number;
}

export const DEFAULT_TIMING: HoverTiming = {
  showDelayMs: 300,
  hideGraceMs: 300,
  loadingGraceMs: 150,
};

const CLOSED: CardState = {
  open: false,
  target: null,
  current: null,
  history: [],
  content: { status: 'loading' },
  pinned: false,
  via: 'pointer',
};

export interface HoverCardControllerOptions {
  load: (ref: EntityRef) => Promise<EntityCard | null>;
  timers: Timers;
  timing?: Partial<HoverTiming>;
  /** Told when a card is asked for: the hover delay ended, or the keyboard opened it. */
  onOpen?: (target: CardTarget) => void;
  /**
   * Told as soon as a card may be wanted (the pointer reached a mention, or the keyboard
   * asked), before any delay: the view can get ready while the delay runs.
   */
  onIntent?: () => void;
}

/**
 * The hover card's behaviour, without any DOM: when to show and hide, what to show, and
 * which answer is still wanted. The view renders `state` and reports pointer and keyboard
 * events back. Every change produces a new state object (for `useSyncExternalStore`).
 */
export class HoverCardController {
  #state: CardState = CLOSED;
  readonly #listeners = new Set<() => void>();
  readonly #cache = new Map<string, Promise<EntityCard | null>>();
  readonly #settled = new Map<string, EntityCard | null>();
  readonly #timing: HoverTiming;
  #showTimer: unknown = null;
  #hideTimer: unknown = null;
  #loadingTimer: unknown = null;
  /** Bumped by every navigation; an answer for an older one is dropped. */
  #generation = 0;
  #overMention = false;
  #overCard = false;

  constructor(private readonly options: HoverCardControllerOptions) {
    this.#timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  get state(): CardState {
    return this.#state;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): CardState => this.#state;

  setShowDelay(ms: number): void {
    this.#timing.showDelayMs = ms;
  }

  pointerEnteredMention(target: CardTarget): void {
    this.#overMention = true;
    this.options.onIntent?.();
    this.#cancel('hide');
    if (this.#state.pinned) return;
    if (this.#state.target?.anchorKey === target.anchorKey && this.#state.target) return;
    this.#cancel('show');
    this.#showTimer = this.options.timers.set(() => {
      this.#showTimer = null;
      this.#open(target, 'pointer');
    }, this.#timing.showDelayMs);
    // Asked for now, while the delay runs: the answer is usually in before the card is due,
    // which took the background round trip (~25 ms) out of the time to a painted card.
    this.#load(entityKeyOf(target.ref), target.ref).catch(() => undefined);
  }

  pointerLeftMention(): void {
    this.#overMention = false;
    this.#cancel('show');
    this.#hideSoon();
  }

  pointerEnteredCard(): void {
    this.#overCard = true;
    this.#cancel('hide');
  }

  pointerLeftCard(): void {
    this.#overCard = false;
    this.#hideSoon();
  }

  /** Opens at once (keyboard navigation): no delay, and the card takes focus. */
  openNow(target: CardTarget): void {
    this.options.onIntent?.();
    this.#cancel('show');
    this.#cancel('hide');
    this.#open(target, 'keyboard');
  }

  /** Shows a related entity in place; `back` returns. */
  showRelated(ref: EntityRef): void {
    const { current } = this.#state;
    if (!this.#state.target || !current) return;
    this.#show(ref, [...this.#state.history, current]);
  }

  back(): void {
    const history = this.#state.history;
    const previous = history.at(-1);
    if (previous) this.#show(previous, history.slice(0, -1));
  }

  /** Keeps the card open until closed (e.g. while an undo is on offer). */
  pin(): void {
    if (this.#state.target && !this.#state.pinned) this.#set({ ...this.#state, pinned: true });
  }

  togglePin(): void {
    if (!this.#state.target) return;
    this.#set({ ...this.#state, pinned: !this.#state.pinned });
    this.#hideSoon();
  }

  close(): void {
    this.#cancel('show');
    this.#cancel('hide');
    this.#cancel('loading');
    this.#generation++;
    this.#overCard = false;
    if (this.#state !== CLOSED) this.#set(CLOSED);
  }

  /** Forgets cached answers, e.g. after packs changed. */
  clearCache(): void {
    this.#cache.clear();
    this.#settled.clear();
  }

  #open(target: CardTarget, via: CardState['via']): void {
    // A new anchor hides the old card at once: its content is about another entity.
    this.#set({ ...CLOSED, target, via });
    this.options.onOpen?.(target);
    this.#show(target.ref, []);
  }

  #show(ref: EntityRef, history: EntityRef[]): void {
    const generation = ++this.#generation;
    this.#cancel('loading');
    const key = entityKeyOf(ref);
    const base = { ...this.#state, current: ref, history };
    if (this.#settled.has(key)) {
      this.#set({ ...base, open: true, content: contentOf(this.#settled.get(key) ?? null) });
      return;
    }
    // Until the answer comes the previous content stays (or nothing shows); past a short
    // grace a loading state appears, so a slow background never looks like a dead hover.
    this.#set({ ...base, content: { status: 'loading' } });
    this.#loadingTimer = this.options.timers.set(() => {
      this.#loadingTimer = null;
      if (generation === this.#generation) this.#set({ ...this.#state, open: true });
    }, this.#timing.loadingGraceMs);
    this.#load(key, ref).then(
      (card) => {
        if (generation !== this.#generation) return;
        this.#cancel('loading');
        this.#set({ ...this.#state, open: true, content: contentOf(card) });
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#cancel('loading');
        const message = error instanceof Error ? error.message : String(error);
        this.#set({ ...this.#state, open: true, content: { status: 'error', message } });
      },
    );
  }

  #load(key: string, ref: EntityRef): Promise<EntityCard | null> {
    let pending = this.#cache.get(key);
    if (!pending) {
      pending = this.options.load(ref);
      this.#cache.set(key, pending);
      pending.then(
        (card) => this.#settled.set(key, card),
        // A failed load is not remembered: the next hover asks again.
        () => this.#cache.delete(key),
      );
    }
    return pending;
  }

  #hideSoon(): void {
    if (!this.#state.target || this.#state.pinned || this.#overMention || this.#overCard) return;
    this.#cancel('hide');
    this.#hideTimer = this.options.timers.set(() => {
      this.#hideTimer = null;
      this.close();
    }, this.#timing.hideGraceMs);
  }

  #cancel(which: 'show' | 'hide' | 'loading'): void {
    const timer =
      which === 'show' ? this.#showTimer : which === 'hide' ? this.#hideTimer : this.#loadingTimer;
    if (timer !== null) this.options.timers.clear(timer);
    if (which === 'show') this.#showTimer = null;
    else if (which === 'hide') this.#hideTimer = null;
    else this.#loadingTimer = null;
  }

  #set(state: CardState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}

function contentOf(card: EntityCard | null): CardContent {
  return card ? { status: 'ready', card } : { status: 'missing' };
}
