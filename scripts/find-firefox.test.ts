import { describe, expect, it } from 'vitest';
import { findFirefox } from './find-firefox';

const filesAt =
  (...files: string[]) =>
  (path: string) =>
    files.includes(path);

describe('findFirefox', () => {
  it("prefers FIREFOX_PATH, then Debian's ESR", () => {
    const exists = filesAt('/opt/ff/firefox', '/usr/bin/firefox-esr', '/usr/bin/firefox');
    expect(
      findFirefox({ env: { FIREFOX_PATH: '/opt/ff/firefox' }, exists, platform: 'linux' }),
    ).toBe('/opt/ff/firefox');
    expect(findFirefox({ env: {}, exists, platform: 'linux' })).toBe('/usr/bin/firefox-esr');
  });

  it('fails with the install command when there is none, or FIREFOX_PATH points at nothing', () => {
    expect(() => findFirefox({ env: {}, exists: filesAt(), platform: 'linux' })).toThrow(
      /No Firefox found .*apt-get install -y firefox-esr/,
    );
    expect(() =>
      findFirefox({ env: { FIREFOX_PATH: '/nope' }, exists: filesAt(), platform: 'linux' }),
    ).toThrow(/FIREFOX_PATH is set to "\/nope"/);
  });
});
