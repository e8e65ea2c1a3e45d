import { describe, expect, it } from 'vitest';
import { describeLaunchFailure, hasDisplay, manualLoadInstructions } from './manual-load';

describe('hasDisplay', () => {
  it.each([
    { env: {}, platform: 'linux', expected: false },
    { env: { DISPLAY: '' }, platform: 'linux', expected: false },
    { env: { DISPLAY: ':99' }, platform: 'linux', expected: true },
    { env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', expected: true },
    { env: {}, platform: 'freebsd', expected: false },
    { env: {}, platform: 'darwin', expected: true },
    { env: {}, platform: 'win32', expected: true },
  ])('$platform with $env → $expected', ({ env, platform, expected }) => {
    expect(hasDisplay(env, platform)).toBe(expected);
  });
});

describe('manualLoadInstructions', () => {
  const base = {
    reason: 'No display found.',
    extensionDir: '/p/.output/chrome-mv3',
    firefoxDir: '/p/.output/firefox-mv2',
  };

  it('starts with the reason and names both browsers’ steps', () => {
    const text = manualLoadInstructions(base);
    expect(text.startsWith('No display found.')).toBe(true);
    expect(text).toContain('chrome://extensions');
    expect(text).toContain('Load unpacked');
    expect(text).toContain('/p/.output/chrome-mv3');
    expect(text).toContain('npm run build -- -b firefox');
    expect(text).toContain('/p/.output/firefox-mv2/manifest.json');
  });

  it.each([
    { demoUrl: 'http://127.0.0.1:5000/index.html', shown: true },
    { demoUrl: undefined, shown: false },
  ])('shows the demo URL only when served ($demoUrl)', ({ demoUrl, shown }) => {
    expect(manualLoadInstructions({ ...base, demoUrl }).includes('Demo page:')).toBe(shown);
  });
});

describe('describeLaunchFailure', () => {
  it.each([
    {
      message:
        'browserType.launchPersistentContext: Target page, context or browser has been closed\n' +
        'Browser logs:\n[err] ERROR:ozone_platform_x11.cc Missing X server or $DISPLAY',
      expected: 'no X server answers on DISPLAY=:77',
    },
    {
      message: 'spawn /usr/bin/chromium EACCES\nCall log: ...',
      expected: 'spawn /usr/bin/chromium EACCES',
    },
  ])('$expected', ({ message, expected }) => {
    expect(describeLaunchFailure(message, { DISPLAY: ':77' })).toContain(expected);
  });
});
