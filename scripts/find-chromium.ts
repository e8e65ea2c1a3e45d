/**
 * Finds a Chromium-family browser to run the extension in, and builds its launch flags.
 *
 * Playwright's bundled browsers need a download from a CDN this project cannot assume, so
 * `npm start` and the e2e tests use a system browser instead. Everything the lookup depends on
 * (environment, file system, platform) comes in as arguments so it is unit-testable.
 */

/** Where to look, in order, after the environment variables. */
export const KNOWN_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    // Branded Google Chrome ignores --load-extension since Chrome 137, so Chromium comes first.
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
};

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
  'or set CHROMIUM_PATH to the browser executable.';

export interface FindChromiumOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists at this path, e.g. `fs.existsSync`. */
  exists: (path: string) => boolean;
  /** `process.platform`: picks which install locations are tried. */
  platform: string;
}

/**
 * Returns the path of the browser executable to launch.
 *
 * Order: `CHROMIUM_PATH`, then `CHROME_PATH`, then the usual install locations.
 * @throws Error naming the variable when it points at nothing, or naming the install
 *   command when no browser is found at all.
 */
export function findChromium(options: FindChromiumOptions): string {
  return findBrowser(
    {
      name: 'Chromium or Chrome',
      envNames: ['CHROMIUM_PATH', 'CHROME_PATH'],
      knownPaths: KNOWN_PATHS,
      installHint: INSTALL_HINT,
    },
    options,
  );
}

/** Which browser to look for, and how: shared by `findChromium` and `findFirefox`. */
export interface BrowserLookup {
  /** For the message when none is found, e.g. `Chromium or Chrome`. */
  name: string;
  /** Environment variables that name the executable, in order. */
  envNames: readonly string[];
  /** Install locations per `process.platform`, in order. */
  knownPaths: Readonly<Record<string, readonly string[]>>;
  /** How to install one; ends every error message. */
  installHint: string;
}

/**
 * The path of the browser `lookup` describes: the first of its environment variables that
 * is set (which must then exist), else the first known path that exists.
 */
export function findBrowser(
  lookup: BrowserLookup,
  { env, exists, platform }: FindChromiumOptions,
): string {
  for (const name of lookup.envNames) {
    const value = env[name];
    if (!value) continue;
    // An explicit choice that is wrong must fail loudly, not fall back to another browser.
    if (!exists(value)) {
      throw new Error(
        `${name} is set to "${value}", but no file exists there. ${lookup.installHint}`,
      );
    }
    return value;
  }
  const candidates = lookup.knownPaths[platform] ?? [];
  const found = candidates.find((candidate) => exists(candidate));
  if (found) return found;
  const looked = candidates.length > 0 ? `looked at ${candidates.join(', ')}` : `on ${platform}`;
  throw new Error(`No ${lookup.name} found (${looked}). ${lookup.installHint}`);
}

export interface ChromiumArgsOptions {
  /** Adds `--headless=new`; pass `headless: false` to Playwright itself (see below). */
  headless: boolean;
  /** `process.getuid?.()`; Chromium refuses to start as root without `--no-sandbox`. */
  uid?: number | undefined;
}

/**
 * Launch flags that load the unpacked extension at `extensionDir` and keep the browser quiet.
 *
 * Pass `headless: false` to Playwright and let this add `--headless=new`: Playwright's own headless
 * mode picks `chrome-headless-shell` when it manages the browser, and the shell cannot load
 * extensions. (With a system Chromium >= 132 both ways load the extension, since `--headless`
 * now means the new mode; the flag keeps the launch identical whoever picks the binary.)
 *
 * Debian's /usr/bin/chromium wrapper prepends its own `--load-extension=` and
 * `--disable-extensions-except=`; Chromium keeps the last value of a repeated switch, so ours win.
 */
export function chromiumArgs(
  extensionDir: string,
  { headless, uid }: ChromiumArgsOptions,
): string[] {
  const args = [
    // Playwright passes --disable-extensions by default; "except" re-allows ours only.
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // No sync, component or update traffic: runs stay offline and deterministic.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (uid === 0) args.push('--no-sandbox');
  if (headless) {
    args.push(
      '--headless=new',
      // Headless Chromium reports no mouse: `(hover: hover)` and `(pointer: fine)` would be false
      // and hover-only UI would behave unlike a desktop. Playwright's own headless sets the same.
      '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
      '--mute-audio',
    );
  }
  return args;
}
