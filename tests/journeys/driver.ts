/**
 * What a journey needs from a browser, and nothing more, so the same journey runs in
 * Chromium (Playwright, tests/e2e/journeys.spec.ts) and in Firefox (puppeteer-core over
 * WebDriver BiDi, tests/firefox/). Both drivers load the test-hooks build: the card's shadow
 * root is open and `fact-lens-active` says the first scan is done.
 */

/** A function run inside a page: it must not close over anything (it is sent as source). */
export type InPage<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

/** One tab. */
export interface JourneyPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's own world and returns its (JSON-serializable) result. */
  evaluate<Arg, Result>(fn: InPage<Arg, Result>, arg: Arg): Promise<Result>;
  /** Moves the pointer to this point of the viewport, as a hand would. */
  mouseMove(x: number, y: number): Promise<void>;
  /** A trusted click (a user gesture) on the first element matching a CSS selector. */
  click(selector: string): Promise<void>;
  /** Replaces the value of the input matching a CSS selector by typing `text`. */
  fill(selector: string, text: string): Promise<void>;
  /** Presses a key or chord, in Playwright's notation: `Escape`, `Alt+Shift+N`. */
  press(key: string): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
}

/** One fresh browser profile with the test-hooks build installed. */
export interface JourneyDriver {
  /** `chromium` or `firefox`: for messages only, journeys never branch on it. */
  readonly browserName: string;
  /** The tab the browser opened with. */
  readonly page: JourneyPage;
  /** Base URL of the demo server (tests/demo), no trailing slash. */
  readonly server: string;
  /** Opens another tab. */
  newPage(): Promise<JourneyPage>;
  /** The address of one of the extension's pages, e.g. `extensionUrl('popup.html')`. */
  extensionUrl(path: string): string;
}

/** A named end-to-end journey. */
export interface Journey {
  name: string;
  /**
   * Hosts the journey needs granted without a prompt, because it subscribes to a local
   * server (see `grantedHosts` in tests/e2e/fixtures.ts; Firefox grants optional
   * permissions without prompting in the test profile).
   */
  grantedHosts?: string[];
  run(driver: JourneyDriver): Promise<void>;
}
