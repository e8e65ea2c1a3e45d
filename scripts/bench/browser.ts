/**
 * Launches the system Chromium for the page benchmark. The extension is not loaded: the engine
 * is injected as a bundle, so the figures contain no messaging or extension start-up.
 */
import { existsSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../find-chromium';

/**
 * Saved pages still point at their CDNs and trackers; offline, each request would wait for its
 * timeout and hold up `load`. With this flag every host but our server's fails at once.
 */
export const OFFLINE_HOST_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export interface LaunchedBrowser {
  browser: Browser;
  executablePath: string;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findChromium({
    env: process.env,
    exists: existsSync,
    platform: process.platform,
  });
  // The project's quiet flags (no background networking, sandbox off for root), minus the
  // extension-loading ones; Playwright's own headless mode adds --headless and the hover flags.
  const args = chromiumArgs('', { headless: false, uid: process.getuid?.() }).filter(
    (arg) =>
      !arg.startsWith('--load-extension=') && !arg.startsWith('--disable-extensions-except='),
  );
  args.push(OFFLINE_HOST_RULES);
  const browser = await chromium.launch({ executablePath, headless: true, args });
  return { browser, executablePath };
}
