/**
 * The journeys' driver for Firefox: a system Firefox (ESR) launched headless by puppeteer-core
 * over WebDriver BiDi, in a fresh profile, with the built extension installed as a temporary
 * add-on. One `FirefoxSession` per journey, as Playwright gives each test a fresh context.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type KeyInput, type Page } from 'puppeteer-core';
import type { JourneyDriver, JourneyPage } from '../journeys/driver';

/**
 * The extension's UUID in the test profile, so its pages have a fixed address
 * (`moz-extension://<uuid>/popup.html`); Firefox otherwise draws a random one per profile.
 */
export const EXTENSION_UUID = 'f4c7e1e5-5a3b-4c4e-9d6a-7e5f1a2b3c4d';

export interface FirefoxSession {
  driver: JourneyDriver;
  /** Uncaught errors of the pages opened during the session, in order. */
  pageErrors: Error[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath: string;
  /** The unpacked Firefox build, e.g. `.output/test-hooks/firefox-mv2`. */
  extensionDir: string;
  /** Base URL of the demo server. */
  server: string;
}

export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const manifest = JSON.parse(
    await readFile(path.join(options.extensionDir, 'manifest.json'), 'utf8'),
  ) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${options.extensionDir}/manifest.json has no Gecko id`);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless the session may
    // reach privileged contexts; the popup and options journeys open those pages directly.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      // Grant optional permissions without the doorhanger no driver can click: the
      // counterpart of `grantedHosts` in the Chromium fixtures. The page still asks.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const pageErrors: Error[] = [];
  const wrap = (page: Page): JourneyPage => {
    page.on('pageerror', (error) => pageErrors.push(error as Error));
    return firefoxPage(page);
  };
  try {
    const installed = await browser.installExtension(options.extensionDir);
    if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
    const [first] = await browser.pages();
    const driver: JourneyDriver = {
      browserName: 'firefox',
      page: wrap(first ?? (await browser.newPage())),
      server: options.server,
      newPage: async () => wrap(await browser.newPage()),
      extensionUrl: (file) => `moz-extension://${EXTENSION_UUID}/${file}`,
    };
    return { driver, pageErrors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function firefoxPage(page: Page): JourneyPage {
  return {
    goto: async (url) => {
      if (url.startsWith('moz-extension:')) await gotoExtensionPage(page, url);
      else await page.goto(url);
    },
    // Journeys pass plain JSON, never element handles, so puppeteer's unwrapping is the identity.
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    fill: (selector, text) => page.locator(selector).fill(text),
    press: (key) => pressChord(page, key),
    bringToFront: () => page.bringToFront(),
  };
}

/**
 * Firefox navigates to the extension's page, but puppeteer-core hears of no navigation event
 * for it and `goto` would time out; so start it without waiting and wait for the document.
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  // Never settles while the page lives; closing the page ends it.
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await page
      .evaluate(() => `${document.readyState} ${location.href}`)
      .catch(() => 'navigating');
    if (state === `complete ${url}`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load (last seen: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Playwright's `Alt+Shift+N`: modifiers held down around the last key. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop();
  if (!key) throw new Error(`no key in "${chord}"`);
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}
