/**
 * What `npm start` needs when it cannot open a browser itself: whether a screen exists, and
 * how to load the built extension by hand.
 */

/**
 * Whether a headed browser can open a window. Only X11/Wayland systems can lack one (SSH, CI,
 * containers); macOS and Windows always have a desktop session when a user runs `npm start`.
 */
export function hasDisplay(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface ManualLoadOptions {
  /** Why the browser was not launched, said plainly first. */
  reason: string;
  /** The built Chrome extension folder, absolute. */
  extensionDir: string;
  /** The Firefox build folder, absolute. */
  firefoxDir: string;
  /** The demo page URL while it is served; omitted when nothing serves it. */
  demoUrl?: string | undefined;
}

/** Step-by-step text for loading the unpacked extension into a browser the user starts. */
export function manualLoadInstructions({
  reason,
  extensionDir,
  firefoxDir,
  demoUrl,
}: ManualLoadOptions): string {
  const lines = [
    reason,
    '',
    `The extension is built in ${extensionDir}. To try it, load it by hand:`,
    '',
    '  Chrome, Chromium, Edge, Brave:',
    '    1. Open chrome://extensions',
    '    2. Turn on "Developer mode" (top right)',
    `    3. Click "Load unpacked" and select ${extensionDir}`,
    '',
    '  Firefox:',
    '    1. Run: npm run build -- -b firefox',
    '    2. Open about:debugging#/runtime/this-firefox',
    `    3. Click "Load Temporary Add-on..." and pick ${firefoxDir}/manifest.json`,
    '',
  ];
  if (demoUrl) lines.push(`Demo page: ${demoUrl}`, '');
  return lines.join('\n');
}

/**
 * One readable line for a failed browser launch. Playwright's message starts with a generic
 * "Target page, context or browser has been closed" and buries the cause in browser logs;
 * the common cause here, a DISPLAY with no X server behind it, is named outright.
 */
export function describeLaunchFailure(
  message: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (/Missing X server|without having a XServer/i.test(message)) {
    return `no X server answers on DISPLAY=${env.DISPLAY ?? ''} (try \`xvfb-run -a npm start\`, or unset DISPLAY).`;
  }
  return message.split('\n')[0] ?? message;
}
