// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../lib/messaging/client';
import type { ReplyError } from '../../lib/messaging/protocol';
import { PackSections } from './PackSections';
import {
  button,
  click,
  fakeBackground,
  field,
  liveText,
  ok,
  pack,
  render,
  section,
  sent,
  settle,
  unmountAll,
  type FakeHandlers,
  type RequestMock,
} from '../../tests/support/options-app';

vi.mock('../../lib/messaging/client', () => ({ request: vi.fn() }));
const requestMock = request as unknown as RequestMock;

const TEXT = '{"format":1,"id":"acme-facts"}';

beforeEach(() => requestMock.mockReset());
afterEach(unmountAll);

async function renderImport(handlers: FakeHandlers): Promise<HTMLElement> {
  fakeBackground(requestMock, { packs: [], subscriptions: [] }, handlers);
  const container = render(<PackSections />);
  await settle();
  return section(container, 'Import and export');
}

/** Chooses a file in the file input (jsdom's File cannot be read, so this one stands in). */
async function chooseFile(input: HTMLInputElement, text: string): Promise<void> {
  const file = { name: 'acme.pack.json', text: async () => text };
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

function refusal(error: ReplyError) {
  return { ok: false as const, error };
}

describe('importing a pack file', () => {
  it('accepts JSON files and installs the chosen one', async () => {
    const imports = await renderImport({ installPack: () => ok(pack({ version: '1.2.0' })) });
    const input = field(imports, 'Import a pack file');
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,application/json');

    await chooseFile(input, TEXT);
    expect(sent(requestMock, 'installPack')).toEqual([{ text: TEXT }]);
    expect(liveText(imports, 'status')).toBe('Installed Acme facts 1.2.0.');
  });

  it('offers "Install anyway" for a version that is not newer', async () => {
    const imports = await renderImport({
      installPack: (payload: { allowNotNewer?: boolean }) =>
        payload.allowNotNewer
          ? ok(pack({ version: '1.0.0' }))
          : refusal({
              code: 'not-newer',
              message: 'pack "acme-facts" 1.0.0 is not newer than the installed 1.1.0',
            }),
    });
    await chooseFile(field(imports, 'Import a pack file'), TEXT);
    expect(liveText(imports, 'alert')).toContain(
      'Pack "acme-facts" 1.0.0 is not newer than the installed 1.1.0.',
    );

    await click(button(imports, 'Install anyway'));
    expect(sent(requestMock, 'installPack')).toEqual([
      { text: TEXT },
      { text: TEXT, allowNotNewer: true },
    ]);
    expect(liveText(imports, 'status')).toBe('Installed Acme facts 1.0.0.');
    expect(liveText(imports, 'alert')).toBe('');
  });

  it('shows why a pack was rejected, with the first problems by JSON path', async () => {
    const details = Array.from({ length: 20 }, (_, index) => `/entities/${index}/name: required`);
    const imports = await renderImport({
      installPack: () =>
        refusal({ code: 'invalid-pack', message: 'The pack was rejected: 20 problems', details }),
    });
    await chooseFile(field(imports, 'Import a pack file'), '{}');
    const alert = imports.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The pack was rejected: 20 problems.');
    const lines = [...(alert?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(lines[0]).toBe('/entities/0/name: required');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThan(details.length);
  });
});

describe('settings file', () => {
  it('"Export my settings" saves the file the background answers', async () => {
    const imports = await renderImport({
      exportSettings: () => ok({ fileName: 'fact-lens-settings.json', text: '{}' }),
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:settings');
    const clicked: HTMLAnchorElement[] = [];
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    try {
      await click(button(imports, 'Export my settings'));
      expect(clicked.map((link) => [link.download, link.href])).toEqual([
        ['fact-lens-settings.json', 'blob:settings'],
      ]);
    } finally {
      clickSpy.mockRestore();
      createObjectURL.mockRestore();
    }
  });

  it('"Import settings" sends the file and says what it added', async () => {
    const imports = await renderImport({
      importSettings: () =>
        ok({ subscriptionsAdded: ['https://packs.example/index.json'], siteRules: 2 }),
    });
    const input = field(imports, 'Import settings');
    expect(input.accept).toBe('.json,application/json');
    await chooseFile(input, '{"format":"fact-lens-settings"}');
    expect(sent(requestMock, 'importSettings')).toEqual([
      { text: '{"format":"fact-lens-settings"}' },
    ]);
    expect(liveText(imports, 'status')).toBe(
      'Imported settings: subscriptions added: 1; sites with mutes: 2.',
    );
  });

  it('shows why a malformed file was refused', async () => {
    const imports = await renderImport({
      importSettings: () =>
        refusal({
          code: 'invalid-request',
          message: 'Not a Fact Lens settings file; nothing was imported (version: invalid)',
        }),
    });
    await chooseFile(field(imports, 'Import settings'), '{}');
    expect(liveText(imports, 'alert')).toBe(
      'Not a Fact Lens settings file; nothing was imported (version: invalid).',
    );
  });
});
