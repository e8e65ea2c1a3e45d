// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { EntityCard } from '../../lib/domain/card';
import { request } from '../../lib/messaging/client';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings/schema';
import { installPack } from '../../lib/store/install';
import { PackDatabase } from '../../lib/store/pack-database';
import {
  button,
  click,
  fakeBackground,
  liveText,
  ok,
  pack,
  render,
  section,
  seriousViolations,
  settle,
  typeInto,
  unmountAll,
  type RequestMock,
} from '../../tests/support/options-app';
import { fakePageTab, pageEntity, popupUrl } from '../../tests/support/popup-page';
import { parsedPack } from '../../tests/support/databases';
import seedJson from '../../seeds/bytedance-ai-2026.pack.json';
import { PopupApp } from './PopupApp';
import { textInPackLanguage } from '../../lib/pack/localized';
import type { LocalizedText } from '../../lib/pack/schema';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

// Imported, not read with node:fs: this file runs in jsdom, whose URL node:url does not take.
const SEED = parsedPack(seedJson);
/** The seed pack's texts in its own language, English: what this English UI shows. */
const own = (value: LocalizedText) => textInPackLanguage(value, SEED.language);
const TAB = 7;
const ON_PAGE = [
  pageEntity('bytedance-ai-2026/doubao', { firstText: 'Doubao', count: 2 }),
  pageEntity('bytedance-ai-2026/genie-3', { firstText: 'Genie 3', kind: 'model' }),
];

function entityCard(entityId: string): EntityCard | null {
  const entity = SEED.entities.find((candidate) => candidate.id === entityId);
  if (!entity) return null;
  return {
    lang: 'en',
    pack: { id: SEED.id, title: own(SEED.title), version: SEED.version },
    entity: {
      id: entity.id,
      name: own(entity.name),
      kind: entity.kind,
      summary: own(entity.summary),
      aliases: [],
      role: 'subject',
    },
    propositions: [],
    facts: [],
    sources: [],
    related: [],
  };
}

beforeAll(async () => {
  // The popup reads its search index from IndexedDB itself (fake-indexeddb here).
  const db = new PackDatabase();
  await installPack(db, SEED, { origin: 'bundled', now: () => 1 });
  db.close();
});

beforeEach(() => {
  requestMock.mockReset();
  fakeBackground(
    requestMock,
    { packs: [pack({ id: SEED.id, title: SEED.title, version: SEED.version })], subscriptions: [] },
    { getEntityCard: (ref) => ok(entityCard(ref.entityId)) },
  );
  popupUrl(`?tab=${TAB}`);
});

afterEach(() => {
  unmountAll();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** Renders the popup and waits for the settings, the page, the packs and the search index. */
async function renderPopup(): Promise<HTMLElement> {
  const container = render(<PopupApp />);
  await vi.waitFor(async () => {
    await settle();
    expect(container.textContent).not.toMatch(/Preparing search…|Looking at this page…|Loading…/);
  });
  return container;
}

const searchBox = (container: HTMLElement) => {
  const input = container.querySelector('input[type="search"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no search box');
  return input;
};
/** Each result's title, without the kind label that follows it. */
const optionTitles = (container: HTMLElement) =>
  [...container.querySelectorAll('[role="option"]')].map(
    (option) => option.querySelector('.fl-popup-result-title > span')?.textContent,
  );

function press(input: HTMLInputElement, key: string): void {
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('PopupApp', () => {
  it('opens with focus in the search box over what is on this page, the propositions and the packs', async () => {
    fakePageTab({ site: 'example.com', entities: ON_PAGE });
    const container = await renderPopup();
    expect(document.activeElement).toBe(searchBox(container));
    const onPage = section(container, 'On this page');
    expect([...onPage.querySelectorAll('button')].map((b) => b.firstChild?.textContent)).toEqual([
      'Doubao',
      'Genie 3',
    ]);
    const propositions = section(container, 'Propositions');
    expect(propositions.querySelectorAll('button')).toHaveLength(SEED.propositions.length);
    expect(section(container, 'Installed packs').textContent).toContain(own(SEED.title));
    expect(container.textContent).toContain('Off on example.com');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('searches as the reader types, Chinese names too, and opens a result with the keyboard', async () => {
    fakePageTab({ site: 'example.com', entities: [] });
    const container = await renderPopup();
    const input = searchBox(container);
    await typeInto(input, '豆包');
    expect(optionTitles(container)[0]).toBe('Doubao');
    expect(container.querySelector('mark')?.textContent).toBe('豆包');
    await typeInto(input, 'doubao');
    expect(optionTitles(container)[0]).toBe('Doubao');
    // The box keeps focus and points at the active option.
    const options = [...container.querySelectorAll('[role="option"]')];
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    press(input, 'Enter');
    await settle();
    expect(container.querySelector('h2, h3')?.textContent).toBe('Doubao');
    expect(requestMock).toHaveBeenCalledWith('getEntityCard', {
      packId: SEED.id,
      entityId: 'doubao',
    });

    await click(button(container, '← Back to results'));
    expect(searchBox(container).value).toBe('doubao');
    expect(optionTitles(container)[0]).toBe('Doubao');
  });

  it('says when nothing matches', async () => {
    fakePageTab({ site: 'example.com', entities: [] });
    const container = await renderPopup();
    await typeInto(searchBox(container), 'zzqxj');
    expect(liveText(container, 'status')).toBe(
      'Nothing matches “zzqxj”. Try part of a name, a Chinese name, or fewer words.',
    );
    expect(container.querySelector('[role="listbox"]')).toBeNull();
  });

  it('opens with the results for the query in its address', async () => {
    fakePageTab({ site: 'example.com', entities: [] });
    popupUrl(`?q=Genie&tab=${TAB}`);
    const container = await renderPopup();
    expect(searchBox(container).value).toBe('Genie');
    expect(optionTitles(container)).toContain('Genie 3');
  });

  it('opens a proposition from the overview and comes back', async () => {
    fakePageTab({ site: 'example.com', entities: [] });
    const container = await renderPopup();
    const first = SEED.propositions[0];
    if (!first) throw new Error('the seed pack has no proposition');
    await click(button(section(container, 'Propositions'), own(first.title)));
    expect(container.querySelector('h2')?.textContent).toBe(own(first.title));
    expect(container.textContent).toContain(own(first.summary));
    await click(button(container, '← Back to results'));
    expect(section(container, 'Propositions')).toBeTruthy();
  });

  it('reveals a mention on the page, the next one at the next click', async () => {
    const page = fakePageTab({ site: 'example.com', entities: ON_PAGE });
    const container = await renderPopup();
    const doubao = [...section(container, 'On this page').querySelectorAll('button')][0];
    if (!doubao) throw new Error('Doubao is not listed');
    await click(doubao);
    await click(doubao);
    expect(page.reveals).toEqual([
      { tabId: TAB, entityKey: 'bytedance-ai-2026/doubao', occurrence: 0 },
      { tabId: TAB, entityKey: 'bytedance-ai-2026/doubao', occurrence: 1 },
    ]);
  });

  it('switches Fact Lens off for the tab’s site', async () => {
    fakePageTab({ site: 'example.com', entities: ON_PAGE });
    const container = await renderPopup();
    const siteSwitch = [...container.querySelectorAll('label')]
      .find((label) => label.textContent === 'Off on example.com')
      ?.querySelector('input');
    if (!siteSwitch) throw new Error('no site switch');
    await click(siteSwitch);
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(stored[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    expect(container.textContent).toContain('Not marking this page');
  });

  it('says when Fact Lens is not running on the tab', async () => {
    fakePageTab(null);
    const container = await renderPopup();
    expect(section(container, 'On this page').textContent).toBe(
      'On this pageFact Lens is not running on this page.',
    );
    // No site to switch off.
    expect(container.textContent).not.toContain('Off on');
  });

  it('says why search and the pack list are unavailable when the background fails', async () => {
    fakePageTab({ site: 'example.com', entities: [] });
    fakeBackground(
      requestMock,
      { packs: [], subscriptions: [] },
      {
        listPacks: () => ({
          ok: false,
          error: { code: 'internal', message: 'the database is gone' },
        }),
      },
    );
    const container = await renderPopup();
    expect(liveText(container, 'alert')).toBe(
      'Search is unavailable: the database is gone Could not read the installed packs: the database is gone',
    );
  });
});
