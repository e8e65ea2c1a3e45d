import { describe, expect, it, vi } from 'vitest';
import { readStoredSettings } from './migrate';
import { DEFAULT_SETTINGS, preferredTextLanguages, runsOn, type Settings } from './schema';
import { readFrameSettings } from './frame-settings';
import {
  loadSettings,
  migrateStoredSettings,
  readSettings,
  updateSettings,
  withSiteDisabled,
} from './store';
import { watchSettings } from './watch';
import { memoryArea } from '../../tests/support/memory-storage';

const stored = (settings: Partial<Settings>) => ({ ...DEFAULT_SETTINGS, ...settings });

describe('preferredTextLanguages', () => {
  it.each([
    ['auto', ['zh-CN', 'en-US'], ['zh-CN', 'en-US']],
    ['auto', ['en-US', 'en'], ['en-US', 'en']],
    ['en', ['zh-CN'], ['en']],
    ['zh-CN', ['en-US', 'en'], ['zh-CN']],
  ] as const)('%s with the browser in %j → %j', (setting, browser, expected) => {
    expect(preferredTextLanguages(setting, browser)).toEqual(expected);
  });
});

describe('readStoredSettings', () => {
  it.each<[string, unknown, string, Partial<Settings>]>([
    ['nothing stored', undefined, 'default', {}],
    ['current version', stored({ density: 'first' }), 'stored', { density: 'first' }],
    [
      'version 1 migrates',
      {
        version: 1,
        enabled: false,
        highlightAll: false,
        hoverDelaySeconds: 0.5,
        disabledHosts: ['a.com'],
      },
      'migrated',
      { paused: true, density: 'first', hoverDelayMs: 500, disabledSites: ['a.com'] },
    ],
    [
      'version 2 migrates, marking context entities near subjects',
      { ...DEFAULT_SETTINGS, version: 2, contextEntities: undefined, density: 'first' },
      'migrated',
      { density: 'first', contextEntities: 'near' },
    ],
    [
      'version 2 with a bad value does not migrate',
      { ...DEFAULT_SETTINGS, version: 2, contextEntities: undefined, hoverDelayMs: 1 },
      'corrupt',
      {},
    ],
    [
      'version 3 migrates, following the browser’s language',
      { ...DEFAULT_SETTINGS, version: 3, textLanguage: undefined, density: 'first' },
      'migrated',
      { density: 'first', textLanguage: 'auto' },
    ],
    [
      'version 3 with a bad value does not migrate',
      { ...DEFAULT_SETTINGS, version: 3, textLanguage: undefined, density: 'some' },
      'corrupt',
      {},
    ],
    [
      'a chosen text language',
      stored({ textLanguage: 'zh-CN' }),
      'stored',
      { textLanguage: 'zh-CN' },
    ],
    ['an unknown text language', stored({ textLanguage: 'fr' as 'en' }), 'corrupt', {}],
    [
      'an unknown context marking',
      stored({ contextEntities: 'sometimes' as 'near' }),
      'corrupt',
      {},
    ],
    ['a string', 'yes', 'corrupt', {}],
    ['an unknown version', { ...DEFAULT_SETTINGS, version: 9 }, 'corrupt', {}],
    ['a delay out of range', stored({ hoverDelayMs: 5 }), 'corrupt', {}],
    ['an unknown key', { ...DEFAULT_SETTINGS, theme: 'dark' }, 'corrupt', {}],
    ['a bad site', stored({ disabledSites: ['a b/c'] }), 'corrupt', {}],
    [
      'version 1 whose delay cannot migrate',
      { version: 1, enabled: true, highlightAll: true, hoverDelaySeconds: 60 },
      'corrupt',
      {},
    ],
  ])('%s', (_, input, status, expected) => {
    const read = readStoredSettings(input);
    expect(read.status).toBe(status);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });
});

describe('settings in storage', () => {
  it('falls back to defaults on a corrupt value and says so in the log', async () => {
    const log = vi.fn();
    const settings = await loadSettings(
      memoryArea({ settings: { version: 2, paused: 'no' } }),
      log,
    );
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('paused'));
  });

  it('stores a validated change, and refuses an invalid one without storing it', async () => {
    const area = memoryArea();
    await updateSettings(area, (s) => ({ ...s, hoverDelayMs: 600 }));
    expect(area.items.get('settings')).toEqual(stored({ hoverDelayMs: 600 }));
    await expect(updateSettings(area, (s) => ({ ...s, hoverDelayMs: 1 }))).rejects.toThrow();
    expect(area.items.get('settings')).toEqual(stored({ hoverDelayMs: 600 }));
  });

  it('tells listeners about changes of the local area only', () => {
    let registered: Parameters<Parameters<typeof watchSettings>[0]['addListener']>[0] | undefined;
    const events = {
      addListener: (listener: typeof registered) => (registered = listener),
      removeListener: () => (registered = undefined),
    };
    const listener = vi.fn();
    const stop = watchSettings(
      events as Parameters<typeof watchSettings>[0],
      readSettings,
      listener,
    );
    registered?.({ settings: { newValue: stored({ paused: true }) } }, 'sync');
    registered?.({ other: { newValue: 1 } }, 'local');
    registered?.({ settings: { newValue: stored({ paused: true }) } }, 'local');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(stored({ paused: true }));
    stop();
    expect(registered).toBeUndefined();
  });
});

describe('settings in a frame (the current version only)', () => {
  const V3 = { ...stored({ paused: true }), version: 3, textLanguage: undefined };
  it.each<[string, unknown, Settings, boolean]>([
    ['nothing stored: the defaults', undefined, DEFAULT_SETTINGS, false],
    [
      'the current version as stored',
      stored({ density: 'first' }),
      stored({ density: 'first' }),
      false,
    ],
    ['version 3, not migrated yet: paused', V3, stored({ paused: true }), false],
    [
      'version 1, not migrated yet: paused',
      { version: 1, enabled: true, highlightAll: true, hoverDelaySeconds: 1 },
      stored({ paused: true }),
      false,
    ],
    [
      'a later version: the defaults, logged',
      { ...stored({}), version: 99 },
      DEFAULT_SETTINGS,
      true,
    ],
    [
      'an unusable current one: the defaults, logged',
      stored({ hoverDelayMs: 5 }),
      DEFAULT_SETTINGS,
      true,
    ],
    ['not an object: the defaults, logged', 'paused', DEFAULT_SETTINGS, true],
  ])('%s', (_, value, expected, logged) => {
    const log = vi.fn();
    expect(readFrameSettings(value, log)).toEqual(expected);
    expect(log).toHaveBeenCalledTimes(logged ? 1 : 0);
  });

  it('reads what the background wrote back once it migrated an older version', async () => {
    const v2 = { version: 2, paused: false, density: 'all', hoverDelayMs: 300, disabledSites: [] };
    const area = memoryArea({ settings: v2 });
    expect(readFrameSettings(area.items.get('settings'))).toEqual(stored({ paused: true }));
    await migrateStoredSettings(area);
    expect(area.items.get('settings')).toEqual(stored({ contextEntities: 'near', paused: false }));
    expect(readFrameSettings(area.items.get('settings'))).toEqual(stored({ paused: false }));
  });

  it('is not written by the background when current, missing or unusable', async () => {
    for (const value of [stored({ density: 'first' }), undefined, { version: 4, paused: 'no' }]) {
      const area = memoryArea(value === undefined ? {} : { settings: value });
      const set = vi.spyOn(area, 'set');
      await migrateStoredSettings(area);
      expect(set).not.toHaveBeenCalled();
      expect(area.items.get('settings')).toEqual(value);
    }
  });
});

describe('sites', () => {
  it('disables a site once, most recent first, and re-enables it', () => {
    let settings = withSiteDisabled(DEFAULT_SETTINGS, 'a.com', true);
    settings = withSiteDisabled(settings, 'b.com', true);
    settings = withSiteDisabled(settings, 'a.com', true);
    expect(settings.disabledSites).toEqual(['a.com', 'b.com']);
    expect(runsOn(settings, 'a.com')).toBe(false);
    expect(runsOn(settings, 'c.com')).toBe(true);
    expect(runsOn({ ...settings, paused: true }, 'c.com')).toBe(false);
    expect(withSiteDisabled(settings, 'a.com', false).disabledSites).toEqual(['b.com']);
  });
});
