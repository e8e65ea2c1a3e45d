// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { browser } from 'wxt/browser';
import { request } from '../../lib/messaging/client';
import type { Reply, ReplyValue } from '../../lib/messaging/protocol';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription, SyncReport } from '../../lib/domain/subscription';
import { PackSections } from './PackSections';
import {
  button,
  click,
  description,
  fakeBackground,
  field,
  liveText,
  ok,
  render,
  section,
  sent,
  settle,
  subscription,
  typeInto,
  unmountAll,
  type FakeHandlers,
  type RequestMock,
} from '../../tests/support/options-app';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

const URL_TEXT = 'https://packs.example.org/index.json';
const KEY = `ed25519:${'A'.repeat(43)}=`;

let state: { packs: ListedPack[]; subscriptions: Subscription[] };
type PermissionRequest = (permissions: { origins: string[] }) => Promise<boolean>;
let askPermission: Mock<PermissionRequest>;

beforeEach(() => {
  requestMock.mockReset();
  state = { packs: [], subscriptions: [] };
  // The fake browser has no permissions; the real one prompts the reader.
  askPermission = (
    vi.spyOn(browser.permissions, 'request') as unknown as Mock<PermissionRequest>
  ).mockResolvedValue(true);
});
afterEach(() => {
  unmountAll();
  askPermission.mockRestore();
});

function addingSubscription(report: Omit<SyncReport, 'url'>): FakeHandlers {
  return {
    addSubscription: (payload: { url: string; publicKey?: string }) => {
      const row = subscription({ url: payload.url, publicKey: payload.publicKey });
      state.subscriptions = [row];
      return ok({ subscription: row, report: { url: payload.url, ...report } });
    },
  };
}

async function renderForm(handlers: FakeHandlers = {}) {
  fakeBackground(requestMock, state, handlers);
  const container = render(<PackSections />);
  await settle();
  const form = section(container, 'Subscribe to a pack');
  return {
    container,
    form,
    url: field(form, 'Pack or index URL'),
    key: field(form, 'Publisher key (optional)'),
    submit: () => click(button(form, 'Subscribe')),
  };
}

describe('the subscribe form', () => {
  it('refuses an address that is not http(s), without asking or sending anything', async () => {
    const { url, submit } = await renderForm();
    await typeInto(url, 'ftp://packs.example.org/pack.json');
    await submit();

    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(description(url)).toBe('Only http and https addresses can be subscribed to.');
    expect(document.activeElement).toBe(url);
    expect(askPermission).not.toHaveBeenCalled();
    expect(sent(requestMock, 'addSubscription')).toEqual([]);
  });

  it('refuses a plain http address with the reason, without asking or sending anything', async () => {
    const { url, submit } = await renderForm();
    await typeInto(url, 'http://packs.example.org/index.json');
    await submit();

    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(description(url)).toMatch(/^Plain http addresses are refused: .*use the https address/);
    expect(askPermission).not.toHaveBeenCalled();
    expect(sent(requestMock, 'addSubscription')).toEqual([]);
  });

  it('refuses a publisher key that is not one', async () => {
    const { url, key, submit } = await renderForm();
    await typeInto(url, URL_TEXT);
    await typeInto(key, 'not a key');
    await submit();

    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(description(key)).toContain('ed25519:… — when set, every pack must carry');
    expect(description(key)).toContain('This is not a publisher key');
    expect(document.activeElement).toBe(key);
    expect(askPermission).not.toHaveBeenCalled();
  });

  it('says why nothing happened when the permission is refused', async () => {
    askPermission.mockResolvedValue(false);
    const { form, url, submit } = await renderForm(
      addingSubscription({ outcome: 'checked', packs: [] }),
    );
    await typeInto(url, URL_TEXT);
    await submit();

    expect(askPermission).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
    expect(liveText(form, 'alert')).toBe(
      'Fact Lens needs permission to read https://packs.example.org to sync this subscription.',
    );
    expect(sent(requestMock, 'addSubscription')).toEqual([]);
    expect(url.value).toBe(URL_TEXT);
  });

  it('asks for the origin first, then subscribes and says what was installed', async () => {
    const { container, form, url, key, submit } = await renderForm(
      addingSubscription({
        outcome: 'checked',
        packs: [
          { packId: 'acme-facts', outcome: 'installed', version: '1.2.0', title: 'Acme facts' },
        ],
      }),
    );
    await typeInto(url, ` ${URL_TEXT}#top `);
    await typeInto(key, KEY);
    await submit();

    expect(sent(requestMock, 'addSubscription')).toEqual([{ url: URL_TEXT, publicKey: KEY }]);
    const addCall = requestMock.mock.calls.findIndex(([type]) => type === 'addSubscription');
    expect(askPermission.mock.invocationCallOrder[0]).toBeLessThan(
      requestMock.mock.invocationCallOrder[addCall] ?? 0,
    );
    expect(liveText(form, 'status')).toBe('Subscribed. Installed Acme facts 1.2.0.');
    expect(url.value).toBe('');
    expect(key.value).toBe('');
    // The new subscription is listed at once.
    expect(section(container, 'Subscriptions').textContent).toContain(URL_TEXT);
  });

  it('keeps the subscription when its first check fails, and says why', async () => {
    const { form, url, submit } = await renderForm(
      addingSubscription({
        outcome: 'failed',
        packs: [],
        error: { code: 'http', message: 'the server answered 404' },
      }),
    );
    await typeInto(url, URL_TEXT);
    await submit();
    expect(liveText(form, 'alert')).toBe(
      'Subscribed, but the first check failed. The server answered 404.',
    );
  });

  it('shows the background’s refusal, such as a second subscription to one URL', async () => {
    const { form, url, submit } = await renderForm({
      addSubscription: () => ({
        ok: false,
        error: { code: 'invalid-request', message: `already subscribed to ${URL_TEXT}` },
      }),
    });
    await typeInto(url, URL_TEXT);
    await submit();
    expect(liveText(form, 'alert')).toBe(`Already subscribed to ${URL_TEXT}.`);
    expect(url.value).toBe(URL_TEXT);
  });

  it('says "Subscribing…" and waits while the subscription is added', async () => {
    let finish: (reply: Reply<ReplyValue<'addSubscription'>>) => void = () => {};
    const { form, url, submit } = await renderForm({
      addSubscription: () => new Promise((resolve) => (finish = resolve)),
    });
    await typeInto(url, URL_TEXT);
    await submit();
    const busy = button(form, 'Subscribing…');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await click(busy);
    expect(sent(requestMock, 'addSubscription')).toHaveLength(1);
    finish(
      ok({
        subscription: subscription(),
        report: { url: URL_TEXT, outcome: 'not-modified', packs: [] },
      }),
    );
    await settle();
    expect(button(form, 'Subscribe').getAttribute('aria-disabled')).toBeNull();
  });
});
