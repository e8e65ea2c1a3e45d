import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainTimers } from '../async/timers';
import type { EntityCard } from '../domain/card';
import type { EntityRef } from '../domain/entity';
import { HoverCardController, type CardTarget } from './hover-controller';

function cardOf(ref: EntityRef): EntityCard {
  return {
    lang: 'en',
    pack: { id: ref.packId, title: 'Pack', version: '1.0.0' },
    entity: {
      id: ref.entityId,
      name: ref.entityId.toUpperCase(),
      kind: 'product',
      summary: '',
      aliases: [],
      role: 'subject',
    },
    propositions: [],
    facts: [],
    sources: [],
    related: [],
  };
}

const rect = () => new DOMRect(0, 0, 10, 10);
const target = (entityId: string, anchorKey: unknown = entityId): CardTarget => ({
  ref: { packId: 'p', entityId },
  matchedText: entityId,
  rect,
  anchorKey,
});

/** A controller whose loads answer when the test says so. */
function setup() {
  const pending = new Map<string, (card: EntityCard | null) => void>();
  const load = vi.fn(
    (ref: EntityRef) =>
      new Promise<EntityCard | null>((resolve) => {
        pending.set(ref.entityId, resolve);
      }),
  );
  const controller = new HoverCardController({
    load,
    timers: plainTimers,
    timing: { showDelayMs: 300, hideGraceMs: 200, loadingGraceMs: 100 },
  });
  const answer = async (
    entityId: string,
    card: EntityCard | null = cardOf({ packId: 'p', entityId }),
  ) => {
    pending.get(entityId)?.(card);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { controller, load, answer };
}

const shown = (controller: HoverCardController) => {
  const { state } = controller;
  if (!state.open) return null;
  return state.content.status === 'ready' ? state.content.card.entity.id : state.content.status;
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HoverCardController', () => {
  it('shows after the delay, once the data is there', async () => {
    const { controller, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    await vi.advanceTimersByTimeAsync(299);
    expect(shown(controller)).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(shown(controller)).toBeNull(); // asked, not answered yet
    await answer('doubao');
    expect(shown(controller)).toBe('doubao');
    expect(controller.state.via).toBe('pointer');
  });

  it('never shows when the pointer leaves before the delay', async () => {
    const { controller, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    await vi.advanceTimersByTimeAsync(200);
    controller.pointerLeftMention();
    await answer('doubao');
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown(controller)).toBeNull();
  });

  it('tells the view a card may be wanted before the delay, from pointer and keyboard', () => {
    const onIntent = vi.fn();
    const controller = new HoverCardController({
      load: () => new Promise(() => {}),
      timers: plainTimers,
      onIntent,
    });
    controller.pointerEnteredMention(target('doubao'));
    expect(onIntent).toHaveBeenCalledTimes(1);
    controller.openNow(target('seed'));
    expect(onIntent).toHaveBeenCalledTimes(2);
  });

  it('asks for the data as soon as the pointer arrives, and shows it when the delay ends', async () => {
    const { controller, load, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    expect(load).toHaveBeenCalledTimes(1);
    await answer('doubao');
    expect(shown(controller)).toBeNull();
    await vi.advanceTimersByTimeAsync(300);
    expect(shown(controller)).toBe('doubao');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows "loading" only when the answer is slow', async () => {
    const { controller, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    await vi.advanceTimersByTimeAsync(300 + 100);
    expect(shown(controller)).toBe('loading');
    await answer('doubao');
    expect(shown(controller)).toBe('doubao');
  });

  it('stays while the pointer moves into the card, hides after the grace once it leaves', async () => {
    const { controller, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    await vi.advanceTimersByTimeAsync(300);
    await answer('doubao');
    controller.pointerLeftMention();
    await vi.advanceTimersByTimeAsync(150);
    controller.pointerEnteredCard();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown(controller)).toBe('doubao');
    controller.pointerLeftCard();
    await vi.advanceTimersByTimeAsync(199);
    expect(shown(controller)).toBe('doubao');
    await vi.advanceTimersByTimeAsync(1);
    expect(shown(controller)).toBeNull();
  });

  it('drops a late answer for a card that is no longer wanted', async () => {
    const { controller, answer } = setup();
    controller.pointerEnteredMention(target('doubao'));
    await vi.advanceTimersByTimeAsync(300);
    controller.pointerLeftMention();
    controller.pointerEnteredMention(target('seedance'));
    await vi.advanceTimersByTimeAsync(300);
    await answer('seedance');
    expect(shown(controller)).toBe('seedance');
    await answer('doubao'); // the older request answers last
    expect(shown(controller)).toBe('seedance');
  });

  it('drops an answer that arrives after the card was closed', async () => {
    const { controller, answer } = setup();
    controller.openNow(target('doubao'));
    controller.close();
    await answer('doubao');
    expect(shown(controller)).toBeNull();
  });

  it('asks the background once per entity and page', async () => {
    const { controller, load, answer } = setup();
    controller.openNow(target('doubao', 1));
    await answer('doubao');
    controller.close();
    controller.openNow(target('doubao', 2));
    expect(shown(controller)).toBe('doubao'); // from the cache, at once
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('opens at once from the keyboard, and Escape (close) hides it', async () => {
    const { controller, answer } = setup();
    controller.openNow(target('doubao'));
    await answer('doubao');
    expect(shown(controller)).toBe('doubao');
    expect(controller.state.via).toBe('keyboard');
    controller.close();
    expect(shown(controller)).toBeNull();
  });

  it('follows related entities and comes back', async () => {
    const { controller, answer } = setup();
    controller.openNow(target('doubao'));
    await answer('doubao');
    controller.showRelated({ packId: 'p', entityId: 'seed' });
    await answer('seed');
    expect(shown(controller)).toBe('seed');
    expect(controller.state.history).toEqual([{ packId: 'p', entityId: 'doubao' }]);
    controller.back();
    expect(shown(controller)).toBe('doubao');
    expect(controller.state.history).toEqual([]);
  });

  it('keeps a pinned card when the pointer leaves and other mentions are hovered', async () => {
    const { controller, answer } = setup();
    controller.openNow(target('doubao'));
    await answer('doubao');
    controller.togglePin();
    controller.pointerLeftCard();
    controller.pointerEnteredMention(target('seedance'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown(controller)).toBe('doubao');
    controller.togglePin();
    controller.pointerLeftMention();
    await vi.advanceTimersByTimeAsync(200);
    expect(shown(controller)).toBeNull();
  });

  it('says so when the entity is unknown or the background fails', async () => {
    const { controller, answer } = setup();
    controller.openNow(target('gone'));
    await answer('gone', null);
    expect(shown(controller)).toBe('missing');

    const failing = new HoverCardController({
      load: () => Promise.reject(new Error('no background')),
      timers: plainTimers,
    });
    failing.openNow(target('doubao'));
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.state.content).toEqual({ status: 'error', message: 'no background' });
  });

  it('notifies subscribers with a new state object on every change', async () => {
    const { controller, answer } = setup();
    const seen: unknown[] = [];
    const unsubscribe = controller.subscribe(() => seen.push(controller.getSnapshot()));
    controller.openNow(target('doubao'));
    await answer('doubao');
    unsubscribe();
    controller.close();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
