// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../lib/messaging/client';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription, SyncReport } from '../../lib/domain/subscription';
import { PackSections } from './PackSections';
import {
  button,
  click,
  fakeBackground,
  findButton,
  liveText,
  ok,
  render,
  section,
  sent,
  settle,
  subscription,
  unmountAll,
  type FakeHandlers,
  type RequestMock,
} from '../../tests/support/options-app';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

const INDEX = 'https://packs.example.org/index.json';
const SINGLE = 'https://other.example.net/pack.json';

let state: { packs: ListedPack[]; subscriptions: Subscription[] };

beforeEach(() => {
  requestMock.mockReset();
  state = { packs: [], subscriptions: [] };
});
afterEach(unmountAll);

async function renderSubscriptions(handlers: FakeHandlers = {}): Promise<HTMLElement> {
  fakeBackground(requestMock, state, handlers);
  const container = render(<PackSections />);
  await settle();
  return section(container, 'Subscriptions');
}

function item(within: HTMLElement, url: string): HTMLElement {
  const found = [...within.querySelectorAll('article')].find(
    (article) => article.querySelector('h3')?.textContent === url,
  );
  if (!found) throw new Error(`no subscription ${url}`);
  return found;
}

describe('the subscriptions section', () => {
  it('says when there are none, with nothing to sync', async () => {
    const subscriptions = await renderSubscriptions();
    expect(subscriptions.textContent).toContain('No subscriptions yet.');
    expect(findButton(subscriptions, 'Sync all now')).toBeUndefined();
  });

  it('shows each subscription’s key and status', async () => {
    state.subscriptions = [
      subscription({
        url: INDEX,
        publicKey: `ed25519:${'A'.repeat(43)}=`,
        packIds: ['acme-facts'],
        lastCheckedAt: Date.UTC(2026, 0, 2),
        lastSuccessAt: Date.UTC(2026, 0, 2),
      }),
      subscription({
        url: SINGLE,
        lastCheckedAt: Date.UTC(2026, 0, 2),
        failures: 3,
        lastError: { code: 'network', message: 'the server could not be reached', at: 1 },
      }),
    ];
    const subscriptions = await renderSubscriptions();
    const index = item(subscriptions, INDEX);
    expect(index.textContent).toContain('Publisher key pinned');
    expect(index.textContent).toContain('acme-facts');
    expect(index.textContent).toContain('StatusOK');
    const single = item(subscriptions, SINGLE);
    expect(single.textContent).toContain('No key pinned');
    expect(single.querySelector('.fl-error')?.textContent).toBe(
      'Error: The server could not be reached.',
    );
    expect(single.textContent).toContain('Failures in a row3');
  });

  it('shows the last successful check, and warns when it is more than 7 days old', async () => {
    const day = 24 * 60 * 60 * 1000;
    state.subscriptions = [
      subscription({
        url: INDEX,
        addedAt: Date.now() - 30 * day,
        lastSuccessAt: Date.now() - 6 * day,
      }),
      subscription({
        url: SINGLE,
        addedAt: Date.now() - 30 * day,
        lastSuccessAt: Date.now() - 8 * day,
      }),
    ];
    const subscriptions = await renderSubscriptions();
    const current = item(subscriptions, INDEX);
    expect(current.textContent).toContain('Last successful check');
    expect(current.querySelector('time')).not.toBeNull();
    expect(current.textContent).not.toContain('Warning');
    const overdue = item(subscriptions, SINGLE);
    expect(overdue.querySelector('.fl-error')?.textContent).toMatch(
      /^Not synced since .+, more than 7 days ago: its packs may be out of date\.$/,
    );
  });

  it('syncs one subscription and says what it found', async () => {
    state.subscriptions = [subscription({ url: INDEX })];
    const report: SyncReport = {
      url: INDEX,
      outcome: 'checked',
      packs: [
        { packId: 'acme-facts', outcome: 'installed', version: '1.2.0', title: 'Acme facts' },
      ],
    };
    const subscriptions = await renderSubscriptions({ syncNow: () => ok([report]) });
    await click(button(item(subscriptions, INDEX), 'Sync now'));
    expect(sent(requestMock, 'syncNow')).toEqual([{ url: INDEX }]);
    expect(liveText(subscriptions, 'status')).toBe('Installed Acme facts 1.2.0.');
  });

  it('syncs all, waiting with "Syncing…", and shows each outcome with errors as an alert', async () => {
    state.subscriptions = [subscription({ url: INDEX }), subscription({ url: SINGLE })];
    let finish: (reports: SyncReport[]) => void = () => {};
    const subscriptions = await renderSubscriptions({
      syncNow: () => new Promise((resolve) => (finish = (reports) => resolve(ok(reports)))),
    });

    await click(button(subscriptions, 'Sync all now'));
    expect(sent(requestMock, 'syncNow')).toEqual([{}]);
    expect(liveText(subscriptions, 'status')).toBe('Syncing…');
    for (const each of subscriptions.querySelectorAll('button')) {
      expect(each.getAttribute('aria-disabled')).toBe('true');
    }

    finish([
      { url: INDEX, outcome: 'not-modified', packs: [] },
      {
        url: SINGLE,
        outcome: 'failed',
        packs: [],
        error: { code: 'timeout', message: 'the server took too long' },
      },
    ]);
    await settle();
    const alert = liveText(subscriptions, 'alert');
    expect(alert).toContain('Checked 2 subscriptions.');
    expect(alert).toContain(`${INDEX}: Not modified.`);
    expect(alert).toContain(`${SINGLE}: The server took too long.`);
    expect(button(subscriptions, 'Sync all now').getAttribute('aria-disabled')).toBeNull();
  });

  it('unsubscribes, and says the packs stay installed', async () => {
    state.subscriptions = [subscription({ url: INDEX })];
    const subscriptions = await renderSubscriptions({
      removeSubscription: () => {
        state.subscriptions = [];
        return ok({ removed: true });
      },
    });
    await click(button(item(subscriptions, INDEX), 'Unsubscribe'));
    expect(sent(requestMock, 'removeSubscription')).toEqual([{ url: INDEX }]);
    expect(liveText(subscriptions, 'status')).toBe(
      `Unsubscribed from ${INDEX}. Its packs stay installed.`,
    );
    expect(subscriptions.textContent).toContain('No subscriptions yet.');
  });
});
