/**
 * `npm start`: build the extension, then open it in a real Chromium window on the demo page.
 *
 * WXT's own runner (web-ext) is disabled in wxt.config.ts; this launches the system Chromium
 * through Playwright instead, with a throwaway profile, so the same browser and flags serve
 * the e2e tests and a person trying the extension. Without a screen or a browser it explains
 * how to load the build by hand and exits 0, so it never hangs in CI.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium';
import { describeLaunchFailure, hasDisplay, manualLoadInstructions } from './manual-load';
import { defaultMounts, serveStatic } from './serve-static';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = path.join(projectRoot, '.output/chrome-mv3');
const firefoxDir = path.join(projectRoot, '.output/firefox-mv2');

/** Runs `wxt build` with the terminal attached; resolves to its exit code. */
function build(): Promise<number> {
  console.log('> wxt build');
  return new Promise((resolve) => {
    // npx is npx.cmd on Windows, which only a shell can run.
    const child = spawn('npx', ['wxt', 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`Could not run wxt build: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Resolves once SIGINT or SIGTERM arrives. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** The browser to launch, or why there is none. */
function pickBrowser(): { executablePath: string } | { reason: string } {
  if (!hasDisplay(process.env, process.platform)) {
    return {
      reason:
        'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.',
    };
  }
  try {
    return {
      executablePath: findChromium({
        env: process.env,
        exists: existsSync,
        platform: process.platform,
      }),
    };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

/**
 * Prints how to load the build by hand. In a terminal it keeps serving the demo page until
 * Ctrl-C, since the page needs http (content scripts skip file:// by default); anywhere else
 * (CI, pipes) it returns at once.
 */
async function explain(reason: string): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY) && !process.env.CI;
  const server = interactive ? await serveStatic(defaultMounts(projectRoot)) : undefined;
  const demoUrl = server && `${server.url}/index.html`;
  console.log(`\n${manualLoadInstructions({ reason, extensionDir, firefoxDir, demoUrl })}`);
  if (!server) return 0;
  console.log('Serving the demo page. Press Ctrl-C to stop.');
  await interrupted();
  await server.close();
  return 0;
}

/**
 * Starts Chromium with the extension. The empty user data dir makes Playwright create a
 * throwaway profile and delete it once the browser process has exited; deleting it ourselves
 * races with Chromium still writing its preferences while it shuts down.
 */
function launch(executablePath: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    headless: false,
    executablePath,
    args: chromiumArgs(extensionDir, { headless: false, uid: process.getuid?.() }),
    // Let the page follow the window size instead of Playwright's fixed 1280x720.
    viewport: null,
    // We close the browser ourselves on Ctrl-C; Playwright's handler would exit with 130.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}

/** Shows the demo page; resolves when the user closes the browser or presses Ctrl-C. */
async function showDemo(context: BrowserContext, demoUrl: string): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoUrl);
  console.log(`\nChromium is open with Fact Lens on ${demoUrl}`);
  console.log('Close the browser window or press Ctrl-C to stop.');
  await Promise.race([closed, interrupted()]);
}

async function main(): Promise<number> {
  const buildCode = await build();
  if (buildCode !== 0) return buildCode;

  const browser = pickBrowser();
  if ('reason' in browser) return explain(browser.reason);

  const server = await serveStatic(defaultMounts(projectRoot));
  let context: BrowserContext;
  try {
    context = await launch(browser.executablePath);
  } catch (error) {
    await server.close();
    // E.g. DISPLAY points at a screen that is gone: same advice as having none.
    const cause = describeLaunchFailure((error as Error).message, process.env);
    return explain(`Could not start ${browser.executablePath}: ${cause}`);
  }
  try {
    await showDemo(context, `${server.url}/index.html`);
  } finally {
    // Also waits for Playwright to delete the temporary profile.
    await context.close().catch(() => undefined);
    await server.close();
  }
  console.log('Stopped.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
