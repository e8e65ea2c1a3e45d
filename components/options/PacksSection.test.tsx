// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../lib/messaging/client';
import type { RestorePackRequest } from '../../lib/messaging/protocol';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription, SyncReport } from '../../lib/domain/subscription';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings/schema';
import { PackSections } from './PackSections';
import {
  button,
  click,
  fakeBackground,
  findButton,
  liveText,
  ok,
  pack,
  packItem,
  render,
  section,
  sent,
  settle,
  subscription,
  unmountAll,
  type RequestMock,
} from '../../tests/support/options-app';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

let state: { packs: ListedPack[]; subscriptions: Subscription[] };

beforeEach(() => {
  requestMock.mockReset();
  state = { packs: [], subscriptions: [] };
});
afterEach(unmountAll);

async function renderPacks(): Promise<HTMLElement> {
  const container = render(<PackSections />);
  await settle();
  return section(container, 'Fact packs');
}

describe('the packs section', () => {
  it('shows a pack’s title in the language chosen for pack texts, tagged with it', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, textLanguage: 'zh-CN' },
    });
    state.packs = [
      pack({
        format: 2,
        title: { en: 'Acme facts', 'zh-CN': 'Acme事实' },
        languages: ['en', 'zh-CN'],
      }),
      pack({ id: 'plain', title: 'Plain pack' }),
    ];
    fakeBackground(requestMock, state);
    const titles = [...(await renderPacks()).querySelectorAll('.fl-pack-title')];
    expect(titles.map((title) => [title.textContent, title.getAttribute('lang')])).toEqual([
      ['Acme事实', 'zh-CN'],
      // Only English: shown so, in the English UI, with nothing to tag.
      ['Plain pack', null],
    ]);
    fakeBrowser.reset();
  });

  it('says it is loading until the lists arrive', () => {
    requestMock.mockReturnValue(new Promise(() => {}));
    const container = render(<PackSections />);
    expect(section(container, 'Fact packs').textContent).toContain('Loading…');
  });

  it('shows why the list could not be read', async () => {
    fakeBackground(requestMock, state, {
      listPacks: () => ({
        ok: false,
        error: { code: 'internal', message: 'the database is gone' },
      }),
    });
    expect((await renderPacks()).querySelector('[role="alert"].fl-error')?.textContent).toContain(
      'the database is gone',
    );
  });

  it('lists each pack with its counts, source, publisher and install time', async () => {
    state.packs = [
      pack({ origin: 'bundled', id: 'seed', title: 'Seed pack' }),
      pack({ origin: 'url', sourceUrl: 'https://packs.example.org/acme.json' }),
    ];
    state.subscriptions = [subscription({ url: 'https://packs.example.org/acme.json' })];
    fakeBackground(requestMock, state);
    const packs = await renderPacks();

    const seed = packItem(packs, 'Seed pack');
    expect(seed.textContent).toContain('Bundled with Fact Lens');
    const acme = packItem(packs, 'Acme facts');
    expect(acme.textContent).toContain('acme-facts');
    expect(acme.textContent).toContain('v1.1.0');
    expect(acme.textContent).toContain('Acme Research');
    expect(acme.textContent).toContain('Subscribed: https://packs.example.org/acme.json');
    expect(acme.querySelector('[data-count="entities"] dd')?.textContent).toBe('7');
    expect(acme.querySelector('[data-count="facts"] dd')?.textContent).toBe('11');
    expect(acme.querySelector('[data-count="sources"] dd')?.textContent).toBe('3');
    const installed = acme.querySelector('[data-testid="pack-installed-at"]');
    expect(installed?.getAttribute('datetime')).toBe('2026-01-02T10:30:00.000Z');
    expect(installed?.textContent).not.toBe('');
    // The bundled pack is installed: nothing to restore.
    expect(findButton(packs, 'Restore the bundled pack')).toBeUndefined();
  });

  it('shows a subscribed pack’s sync status, with the error and failure count', async () => {
    const url = 'https://packs.example.org/acme.json';
    state.packs = [pack({ origin: 'url', sourceUrl: url })];
    state.subscriptions = [
      subscription({
        url,
        lastCheckedAt: Date.UTC(2026, 0, 2),
        failures: 2,
        lastError: { code: 'http', message: 'the server answered 404', at: Date.UTC(2026, 0, 2) },
      }),
    ];
    fakeBackground(requestMock, state);
    const acme = packItem(await renderPacks(), 'Acme facts');
    expect(acme.querySelector('.fl-error')?.textContent).toBe('Error: The server answered 404.');
    expect(acme.textContent).toContain('Failures in a row2');
  });

  it('switches a pack off and lists again', async () => {
    state.packs = [pack()];
    fakeBackground(requestMock, state, {
      setPackEnabled: (payload) => {
        const switched = pack({ enabled: payload.enabled });
        state.packs = [switched];
        return ok(switched);
      },
    });
    const packs = await renderPacks();
    const toggle = packItem(packs, 'Acme facts').querySelector('input[type="checkbox"]');
    if (!(toggle instanceof HTMLInputElement)) throw new Error('no toggle');
    expect(toggle.labels?.[0]?.textContent).toBe('Highlight Acme facts on pages');
    expect(toggle.checked).toBe(true);

    await click(toggle);
    expect(sent(requestMock, 'setPackEnabled')).toEqual([{ packId: 'acme-facts', enabled: false }]);
    expect(toggle.checked).toBe(false);
    expect(packItem(packs, 'Acme facts').textContent).toContain('off');
  });

  it('removes a pack and puts it back with Undo', async () => {
    const undo: RestorePackRequest = { text: '{"id":"acme-facts"}', origin: 'file', enabled: true };
    state.packs = [pack(), pack({ id: 'other', title: 'Other pack' })];
    fakeBackground(requestMock, state, {
      removePack: (payload) => {
        state.packs = state.packs.filter((row) => row.id !== payload.packId);
        return ok({ removed: true, undo });
      },
      restorePack: () => {
        state.packs = [pack(), ...state.packs];
        return ok(pack());
      },
    });
    const packs = await renderPacks();

    await click(button(packItem(packs, 'Acme facts'), 'Remove'));
    expect(sent(requestMock, 'removePack')).toEqual([{ packId: 'acme-facts' }]);
    expect(() => packItem(packs, 'Acme facts')).toThrow();
    const status = [...packs.querySelectorAll('[role="status"]')].find((region) =>
      region.textContent?.includes('Removed Acme facts.'),
    );
    if (!status) throw new Error('no removal status');
    const undoButton = button(status as HTMLElement, 'Undo');
    // The removed pack's buttons are gone; focus goes to what undoes the removal.
    expect(document.activeElement).toBe(undoButton);

    // Another action leaves the undo in place.
    await click(button(packItem(packs, 'Other pack'), 'Export'));
    expect(findButton(packs, 'Undo')).toBeDefined();

    await click(button(packs, 'Undo'));
    expect(sent(requestMock, 'restorePack')).toEqual([undo]);
    // Listed again, once, with its actions back.
    const titles = [...packs.querySelectorAll('article h3')].map((title) => title.textContent);
    expect(titles).toEqual(['Acme facts', 'Other pack']);
    expect(findButton(packItem(packs, 'Acme facts'), 'Remove')).not.toBeUndefined();
    expect(packs.textContent).toContain('Restored Acme facts.');
  });

  it('offers a rollback only when an earlier version is kept, and shows what it changed', async () => {
    state.packs = [
      pack({ previousVersion: '1.0.0' }),
      pack({ id: 'other', title: 'Other pack', previousVersion: null }),
    ];
    fakeBackground(requestMock, state, {
      rollbackPack: () => {
        const rolledBack = pack({
          version: '1.0.0',
          heldBelow: '1.1.0',
          lastChange: {
            from: '1.1.0',
            to: '1.0.0',
            at: Date.UTC(2026, 0, 3),
            total: 1,
            lines: ['Facts: 0 added, 1 removed (Founded), 0 changed'],
          },
        });
        state.packs = [rolledBack, state.packs[1] as ListedPack];
        return ok(rolledBack);
      },
    });
    const packs = await renderPacks();
    expect(findButton(packItem(packs, 'Other pack'), 'Roll back to 1.0.0')).toBeUndefined();

    await click(button(packItem(packs, 'Acme facts'), 'Roll back to 1.0.0'));
    expect(sent(requestMock, 'rollbackPack')).toEqual([{ packId: 'acme-facts' }]);
    expect(packs.textContent).toContain('Rolled back Acme facts to 1.0.0.');
    const acme = packItem(packs, 'Acme facts');
    const changes = acme.querySelector('[aria-label="Changes in Acme facts 1.0.0"]');
    expect(changes?.textContent).toContain('Last update: 1.1.0 → 1.0.0');
    expect([...(changes?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toContain(
      'Facts: 0 added, 1 removed (Founded), 0 changed',
    );
    expect(acme.textContent).toContain(
      'Updates held: you rolled back from 1.1.0; newer versions will still install.',
    );
  });

  it('syncs a subscribed pack and shows a failed check as an alert', async () => {
    const url = 'https://packs.example.org/acme.json';
    state.packs = [pack({ origin: 'url', sourceUrl: url })];
    state.subscriptions = [subscription({ url, packIds: ['acme-facts'] })];
    const failed: SyncReport = {
      url,
      outcome: 'failed',
      packs: [],
      error: { code: 'signature', message: 'the signature does not match the pinned key' },
    };
    fakeBackground(requestMock, state, { syncNow: () => ok([failed]) });
    const packs = await renderPacks();

    await click(button(packItem(packs, 'Acme facts'), 'Sync now'));
    expect(sent(requestMock, 'syncNow')).toEqual([{ url }]);
    expect(liveText(packs, 'alert')).toContain('The signature does not match the pinned key.');
  });

  it('exports a pack as a file download', async () => {
    state.packs = [pack()];
    fakeBackground(requestMock, state, {
      exportPack: () => ok({ fileName: 'acme-facts-1.1.0.pack.json', text: '{}' }),
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    const clicked: HTMLAnchorElement[] = [];
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    try {
      const packs = await renderPacks();
      await click(button(packItem(packs, 'Acme facts'), 'Export'));
      expect(createObjectURL).toHaveBeenCalledOnce();
      expect(clicked.map((link) => [link.download, link.href])).toEqual([
        ['acme-facts-1.1.0.pack.json', 'blob:export'],
      ]);
    } finally {
      clickSpy.mockRestore();
      createObjectURL.mockRestore();
    }
  });

  it('offers the bundled pack back when it is not installed', async () => {
    state.packs = [pack()];
    fakeBackground(requestMock, state, {
      restoreSeedPack: () => {
        const seed = pack({ origin: 'bundled', id: 'seed', title: 'Seed pack', version: '2.0.0' });
        state.packs = [seed, ...state.packs];
        return ok(seed);
      },
    });
    const packs = await renderPacks();
    await click(button(packs, 'Restore the bundled pack'));
    expect(sent(requestMock, 'restoreSeedPack')).toEqual([undefined]);
    expect(packs.textContent).toContain('Restored Seed pack 2.0.0.');
    expect(findButton(packs, 'Restore the bundled pack')).toBeUndefined();
  });
});
