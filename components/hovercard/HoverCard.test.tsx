// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainTimers } from '../../lib/async/timers';
import { HoverCardController } from '../../lib/cards/hover-controller';
import type { EntityCard } from '../../lib/domain/card';
import { dispatchTrusted } from '../../tests/support/trusted-event';
import { HoverCard, type HoverCardActions } from './HoverCard';

// React warns unless it is told this is a test environment that wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CARD: EntityCard = {
  lang: 'en',
  pack: { id: 'p', title: 'Pack', version: '1.0.0' },
  entity: {
    id: 'doubao',
    name: 'Doubao',
    kind: 'product',
    summary: 'A chatbot.',
    aliases: [],
    role: 'subject',
  },
  propositions: [],
  facts: [],
  sources: [
    {
      id: 's',
      title: 'The report',
      publisher: '36Kr',
      authors: [],
      url: 'https://example.com/report',
      kind: 'news-report',
    },
  ],
  related: [],
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The card, opened on Doubao with its content, and the actions it was given. */
async function openCard() {
  const controller = new HoverCardController({
    load: async () => CARD,
    timers: plainTimers,
  });
  const actions = {
    copyCitation: vi.fn(async () => {}),
    openSearch: vi.fn(),
    mute: vi.fn(async () => async () => {}),
  } satisfies HoverCardActions;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<HoverCard controller={controller} actions={actions} />));
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  await act(async () =>
    controller.openNow({
      ref: { packId: 'p', entityId: 'doubao' },
      matchedText: 'Doubao',
      rect: () => new DOMRect(10, 10, 40, 16),
      anchorKey: {},
    }),
  );
  const element = (text: string) => {
    const found = [...container.querySelectorAll<HTMLElement>('button, a')].find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`no "${text}" in the card`);
    return found;
  };
  return { controller, actions, element };
}

const click = () => new MouseEvent('click', { bubbles: true, cancelable: true });

describe('HoverCard', () => {
  it("ignores a page's scripted clicks: no search tab, no mute, no pin, no close", async () => {
    const { controller, actions, element } = await openCard();
    expect(controller.state.content.status).toBe('ready');
    for (const name of ['Search', 'Don’t highlight here', 'Copy citation', 'Pin', '×']) {
      await act(async () => element(name).click());
    }
    expect(actions.openSearch).not.toHaveBeenCalled();
    expect(actions.mute).not.toHaveBeenCalled();
    expect(actions.copyCitation).not.toHaveBeenCalled();
    expect(controller.state.pinned).toBe(false);
    expect(controller.state.open).toBe(true);
    // A scripted click on a source link opens nothing either.
    const link = element('The report');
    const scripted = click();
    link.dispatchEvent(scripted);
    expect(scripted.defaultPrevented).toBe(true);
  });

  it("runs the reader's own clicks", async () => {
    const { controller, actions, element } = await openCard();
    await act(async () => void dispatchTrusted(element('Search'), click()));
    expect(actions.openSearch).toHaveBeenCalledWith('Doubao');
    await act(async () => void dispatchTrusted(element('Don’t highlight here'), click()));
    expect(actions.mute).toHaveBeenCalledWith({ packId: 'p', entityId: 'doubao' }, 'Doubao');
    const reader = click();
    dispatchTrusted(element('The report'), reader);
    expect(reader.defaultPrevented).toBe(false);
    await act(async () => void dispatchTrusted(element('×'), click()));
    expect(controller.state.open).toBe(false);
  });
});
