/**
 * Finds the Firefox that the Firefox journeys (tests/firefox/) drive through puppeteer-core.
 * Puppeteer cannot download a browser here, so a system Firefox is used: Debian's ESR.
 */
import { findBrowser, type FindChromiumOptions } from './find-chromium';

export const FIREFOX_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
};

export const FIREFOX_INSTALL_HINT =
  'Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`), ' +
  'or set FIREFOX_PATH to the browser executable.';

/** `FIREFOX_PATH`, else the usual install locations; throws with the install command. */
export function findFirefox(options: FindChromiumOptions): string {
  return findBrowser(
    {
      name: 'Firefox',
      envNames: ['FIREFOX_PATH'],
      knownPaths: FIREFOX_PATHS,
      installHint: FIREFOX_INSTALL_HINT,
    },
    options,
  );
}
