// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { request } from '../../lib/messaging/client';
import { SETTINGS_KEY } from '../../lib/settings/schema';
import { OptionsApp } from './OptionsApp';
import {
  button,
  click,
  fakeBackground,
  field,
  findButton,
  ok,
  packItem,
  section,
  typeInto,
  pack,
  render,
  seriousViolations,
  settle,
  subscription,
  unmountAll,
  type RequestMock,
} from '../../tests/support/options-app';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

afterEach(() => {
  unmountAll();
  fakeBrowser.reset();
});

async function renderOptions(): Promise<HTMLElement> {
  const container = render(<OptionsApp />);
  // Settings first (the fake browser's storage), then the pack lists.
  await settle();
  await settle();
  return container;
}

describe('OptionsApp', () => {
  it('has no serious or critical accessibility violations, packs and subscriptions included', async () => {
    const url = 'https://packs.example.org/acme.json';
    fakeBackground(requestMock, {
      packs: [
        pack({
          origin: 'url',
          sourceUrl: url,
          previousVersion: '1.0.0',
          heldBelow: '1.2.0',
          lastChange: { from: '1.0.0', to: '1.1.0', at: 1, total: 1, lines: ['Facts added: X'] },
        }),
        pack({ id: 'seed', title: 'Seed pack', origin: 'bundled', enabled: false }),
      ],
      subscriptions: [
        subscription({
          url,
          packIds: ['acme-facts'],
          failures: 1,
          lastError: { code: 'http', message: 'the server answered 500', at: 1 },
        }),
      ],
    });
    const container = await renderOptions();
    expect(container.querySelector('h2#packs-heading')).not.toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('stays accessible with messages, an undo and a field error showing', async () => {
    fakeBackground(
      requestMock,
      { packs: [pack()], subscriptions: [] },
      {
        removePack: () =>
          ok({ removed: true, undo: { text: '{}', origin: 'file', enabled: true } }),
      },
    );
    const container = await renderOptions();
    await click(button(packItem(container, 'Acme facts'), 'Remove'));
    const form = section(container, 'Subscribe to a pack');
    await typeInto(field(form, 'Pack or index URL'), 'not a url');
    await click(button(form, 'Subscribe'));
    expect(findButton(container, 'Undo')).toBeDefined();
    expect(form.querySelector('[aria-invalid="true"]')).not.toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('stores where context entities are marked, from a group of labelled radio buttons', async () => {
    fakeBackground(requestMock, { packs: [], subscriptions: [] });
    const container = await renderOptions();
    const group = [...container.querySelectorAll('fieldset')].find((fieldset) =>
      fieldset.querySelector('legend')?.textContent?.includes('mentions in passing'),
    );
    const radios = [
      ...(group?.querySelectorAll('input[type="radio"]') ?? []),
    ] as HTMLInputElement[];
    expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
      ['near', true],
      ['everywhere', false],
      ['never', false],
    ]);
    await click(radios[2] as HTMLInputElement);
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toMatchObject({ contextEntities: 'never' });
  });
});
