// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../lib/domain/card';
import { request } from '../../lib/messaging/client';
import {
  button,
  click,
  fakeBackground,
  liveText,
  ok,
  render,
  sent,
  settle,
  unmountAll,
  type RequestMock,
} from '../../tests/support/options-app';
import { EntityPanel } from './EntityPanel';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

function card(entityId: string, name: string, related: EntityCard['related'] = []): EntityCard {
  return {
    lang: 'en',
    pack: { id: 'p', title: 'Test pack', version: '1.0.0' },
    entity: {
      id: entityId,
      name,
      kind: 'company',
      summary: `About ${name}.`,
      aliases: [],
      role: 'subject',
    },
    propositions: [],
    facts: [],
    sources: [],
    related,
  };
}

const CARDS: Record<string, EntityCard> = {
  acme: card('acme', 'Acme', [
    { entityId: 'widget', name: 'Widget', kind: 'model', relation: 'makes' },
  ]),
  widget: card('widget', 'Widget'),
};

beforeEach(() => {
  requestMock.mockReset();
  fakeBackground(
    requestMock,
    { packs: [], subscriptions: [] },
    { getEntityCard: ({ entityId }) => ok(CARDS[entityId] ?? null) },
  );
});
afterEach(unmountAll);

const heading = (container: HTMLElement) => container.querySelector('h2, h3')?.textContent;

/** A related entity's chip, by the entity's name (the chip also says how it relates). */
function relatedChip(container: HTMLElement, name: string): HTMLButtonElement {
  const chips = container.querySelectorAll<HTMLButtonElement>('[aria-label="Related"] button');
  const found = [...chips].find((chip) => chip.firstChild?.textContent === name);
  if (!found) throw new Error(`no related chip "${name}"`);
  return found;
}

describe('EntityPanel', () => {
  it('shows "Loading…" until the card arrives, then the card, labelled by its heading', async () => {
    const container = render(
      <EntityPanel entity={{ packId: 'p', entityId: 'acme' }} onBack={() => {}} />,
    );
    expect(container.textContent).toContain('Loading…');
    await settle();
    expect(container.textContent).not.toContain('Loading…');
    expect(heading(container)).toBe('Acme');
    const section = container.querySelector('section');
    const labelledBy = section?.getAttribute('aria-labelledby');
    expect(labelledBy && document.getElementById(labelledBy)?.textContent).toBe('Acme');
    expect(sent(requestMock, 'getEntityCard')).toEqual([{ packId: 'p', entityId: 'acme' }]);
  });

  it('opens related entities in place; Back returns, then leaves for the results', async () => {
    const onBack = vi.fn();
    const container = render(
      <EntityPanel entity={{ packId: 'p', entityId: 'acme' }} onBack={onBack} />,
    );
    await settle();
    expect(document.activeElement).toBe(button(container, '← Back to results'));
    await click(relatedChip(container, 'Widget'));
    expect(heading(container)).toBe('Widget');
    expect(sent(requestMock, 'getEntityCard').at(-1)).toEqual({ packId: 'p', entityId: 'widget' });
    await click(button(container, '← Back'));
    expect(heading(container)).toBe('Acme');
    expect(onBack).not.toHaveBeenCalled();
    await click(button(container, '← Back to results'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('says when the entry is no longer installed', async () => {
    const container = render(
      <EntityPanel entity={{ packId: 'p', entityId: 'gone' }} onBack={() => {}} />,
    );
    await settle();
    expect(container.textContent).toContain('This entry is no longer installed.');
  });

  it('shows why the entry could not be loaded', async () => {
    requestMock.mockResolvedValue({
      ok: false,
      error: { code: 'internal', message: 'the background is gone' },
    });
    const container = render(
      <EntityPanel entity={{ packId: 'p', entityId: 'acme' }} onBack={() => {}} />,
    );
    await settle();
    expect(liveText(container, 'alert')).toBe('Could not load this entry: the background is gone');
  });
});
