import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from './find-chromium';

/** A fake file system holding exactly these files. */
const filesAt =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

describe('findChromium', () => {
  it.each([
    {
      name: 'CHROMIUM_PATH wins over everything',
      env: { CHROMIUM_PATH: '/opt/c/chrome', CHROME_PATH: '/opt/g/chrome' },
      files: ['/opt/c/chrome', '/opt/g/chrome', '/usr/bin/chromium'],
      platform: 'linux',
      expected: '/opt/c/chrome',
    },
    {
      name: 'CHROME_PATH wins over the known paths',
      env: { CHROME_PATH: '/opt/g/chrome' },
      files: ['/opt/g/chrome', '/usr/bin/chromium'],
      platform: 'linux',
      expected: '/opt/g/chrome',
    },
    {
      name: 'an empty variable counts as unset',
      env: { CHROMIUM_PATH: '' },
      files: ['/usr/bin/chromium'],
      platform: 'linux',
      expected: '/usr/bin/chromium',
    },
    {
      name: 'Debian chromium comes before Google Chrome',
      env: {},
      files: ['/usr/bin/google-chrome', '/usr/bin/chromium'],
      platform: 'linux',
      expected: '/usr/bin/chromium',
    },
    {
      name: 'Ubuntu chromium-browser before Google Chrome',
      env: {},
      files: ['/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser'],
      platform: 'linux',
      expected: '/usr/bin/chromium-browser',
    },
    {
      name: 'snap is the last resort on Linux',
      env: {},
      files: ['/snap/bin/chromium'],
      platform: 'linux',
      expected: '/snap/bin/chromium',
    },
    {
      name: 'macOS Chromium before Google Chrome',
      env: {},
      files: [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
      ],
      platform: 'darwin',
      expected: '/Applications/Chromium.app/Contents/MacOS/Chromium',
    },
  ])('$name', ({ env, files, platform, expected }) => {
    expect(findChromium({ env, exists: filesAt(...files), platform })).toBe(expected);
  });

  it.each([
    {
      // A browser exists, but an explicit wrong choice must not silently fall back to it.
      name: 'CHROMIUM_PATH pointing at nothing',
      env: { CHROMIUM_PATH: '/nope/chromium' },
      files: ['/usr/bin/chromium'],
      platform: 'linux',
      message: /CHROMIUM_PATH is set to "\/nope\/chromium"/,
    },
    {
      name: 'CHROME_PATH pointing at nothing',
      env: { CHROME_PATH: '/nope/chrome' },
      files: ['/usr/bin/chromium'],
      platform: 'linux',
      message: /CHROME_PATH is set to "\/nope\/chrome"/,
    },
    {
      name: 'no browser on Linux',
      env: {},
      files: [],
      platform: 'linux',
      message: /apt-get install -y chromium.*CHROMIUM_PATH/,
    },
    {
      name: 'no known paths on Windows',
      env: {},
      files: [],
      platform: 'win32',
      message: /apt-get install -y chromium.*CHROMIUM_PATH/,
    },
  ])('throws for $name', ({ env, files, platform, message }) => {
    expect(() => findChromium({ env, exists: filesAt(...files), platform })).toThrow(message);
  });
});

describe('chromiumArgs', () => {
  it.each([
    { headless: false, uid: 1000, sandboxOff: false, headlessFlag: false },
    { headless: true, uid: 1000, sandboxOff: false, headlessFlag: true },
    { headless: false, uid: 0, sandboxOff: true, headlessFlag: false },
    { headless: true, uid: undefined, sandboxOff: false, headlessFlag: true },
  ])(
    'headless=$headless uid=$uid → --no-sandbox: $sandboxOff, --headless=new: $headlessFlag',
    ({ headless, uid, sandboxOff, headlessFlag }) => {
      const args = chromiumArgs('/x/ext', { headless, uid });
      expect(args).toContain('--load-extension=/x/ext');
      expect(args).toContain('--disable-extensions-except=/x/ext');
      expect(args).toContain('--no-first-run');
      expect(args.includes('--no-sandbox')).toBe(sandboxOff);
      expect(args.includes('--headless=new')).toBe(headlessFlag);
    },
  );
});
