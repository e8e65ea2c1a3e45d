// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { click, render, unmountAll } from '../../tests/support/options-app';
import type { SettingsHandle } from '../useSettings';
import { Controls } from './Controls';
import type { PageTabState } from './usePageTab';

afterEach(unmountAll);

const ON_EXAMPLE: PageTabState = { status: 'ready', tabId: 7, site: 'example.com', entities: [] };

function renderControls(settings: Partial<Settings> | null, tab: PageTabState = ON_EXAMPLE) {
  const current = settings && { ...DEFAULT_SETTINGS, ...settings };
  const update = vi.fn<SettingsHandle['update']>(async () => {});
  const container = render(
    <Controls handle={{ settings: current, update, error: null }} tab={tab} />,
  );
  const checkbox = (label: string) => {
    const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
    const input = found?.querySelector('input[type="checkbox"]');
    if (!(input instanceof HTMLInputElement)) throw new Error(`no checkbox "${label}"`);
    return input;
  };
  /** What the last `update` would store, applied to the settings shown. */
  const stored = () => {
    const change = update.mock.lastCall?.[0];
    if (!change || !current) throw new Error('nothing was updated');
    return change(current);
  };
  return { container, update, checkbox, stored };
}

describe('Controls', () => {
  it('pauses everywhere and resumes', async () => {
    const { checkbox, stored } = renderControls({});
    expect(checkbox('Pause everywhere').checked).toBe(false);
    await click(checkbox('Pause everywhere'));
    expect(stored().paused).toBe(true);

    unmountAll();
    const paused = renderControls({ paused: true });
    expect(paused.checkbox('Pause everywhere').checked).toBe(true);
    await click(paused.checkbox('Pause everywhere'));
    expect(paused.stored().paused).toBe(false);
  });

  it('switches the tab’s site off, most recent first, and on again', async () => {
    const { checkbox, stored } = renderControls({ disabledSites: ['other.org'] });
    expect(checkbox('Off on example.com').checked).toBe(false);
    await click(checkbox('Off on example.com'));
    expect(stored().disabledSites).toEqual(['example.com', 'other.org']);

    unmountAll();
    const off = renderControls({ disabledSites: ['other.org', 'example.com'] });
    expect(off.checkbox('Off on example.com').checked).toBe(true);
    await click(off.checkbox('Off on example.com'));
    expect(off.stored().disabledSites).toEqual(['other.org']);
  });

  it('says when this page is not being marked', () => {
    expect(renderControls({}).container.textContent).not.toContain('Not marking this page');
    unmountAll();
    expect(renderControls({ paused: true }).container.textContent).toContain(
      'Not marking this page',
    );
    unmountAll();
    expect(renderControls({ disabledSites: ['example.com'] }).container.textContent).toContain(
      'Not marking this page',
    );
  });

  it('offers no site switch for a tab without a site, and nothing before the settings are read', () => {
    const { container } = renderControls({}, { status: 'unavailable', tabId: 7 });
    expect(container.textContent).toBe('Pause everywhere');
    unmountAll();
    const noSite = renderControls({}, { ...ON_EXAMPLE, site: null });
    expect(noSite.container.querySelectorAll('input')).toHaveLength(1);
    unmountAll();
    expect(renderControls(null).container.innerHTML).toBe('');
  });
});
