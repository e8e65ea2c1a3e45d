import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** The manifest WXT would build for `browser`, from the project's own config. */
function manifestFor(browser: string): Record<string, unknown> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is not a function');
  return manifest({
    browser,
    manifestVersion: 3,
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
