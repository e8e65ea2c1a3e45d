import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** The manifest WXT would build for `browser`, from the project's own config. */
function manifestFor(browser: string, manifestVersion = 3): Record<string, unknown> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is not a function');
  return manifest({
    browser,
    manifestVersion,
    mode: 'production',
    command: 'build',
  } as never) as Record<string, unknown>;
}

describe('manifest permissions', () => {
  it.each(['chrome', 'firefox'])('%s: exactly storage, alarms and unlimitedStorage', (browser) => {
    // unlimitedStorage keeps the browser from evicting the reader's databases under pressure.
    expect(manifestFor(browser).permissions).toEqual(['storage', 'alarms', 'unlimitedStorage']);
  });
});

describe('the Firefox (MV2) manifest', () => {
  const firefox = manifestFor('firefox', 2);

  it('declares subscription hosts where MV2 looks for them, so permissions.request may ask', () => {
    expect(firefox.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(firefox).not.toHaveProperty('optional_host_permissions');
  });

  it("names the popup's shortcut after MV2's browser_action", () => {
    expect(Object.keys(firefox.commands as object)).toEqual(['_execute_browser_action']);
  });

  it('carries the Gecko id and declares that nothing is collected', () => {
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: 'fact-lens@fact-lens', data_collection_permissions: { required: ['none'] } },
    });
    expect(manifestFor('chrome')).not.toHaveProperty('browser_specific_settings');
  });
});
