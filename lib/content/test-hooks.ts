/**
 * Hooks for the end-to-end tests, compiled in only when the extension is built with
 * `FACT_LENS_TEST_HOOKS=1` (`npm run build:test-hooks`, into `.output/test-hooks/`). In
 * `npm run build` the constant is `false` and the minifier drops every hook.
 */
declare const __FACT_LENS_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS =
  typeof __FACT_LENS_TEST_HOOKS__ !== 'undefined' && __FACT_LENS_TEST_HOOKS__ === true;

/** `storage.local` key a test sets to force where documents are matched. */
export const MATCH_PATH_KEY = 'test:matchPath';
/**
 * `storage.local` keys under which a lazily loaded script (card-ui.js, relevance.js) records
 * each document that evaluated it: `test:loaded:<script>:<document URL>`.
 */
export const LOADED_PREFIX = 'test:loaded:';

/** The scripts that record their loads. */
export type RecordedScript = 'card-ui' | 'relevance';

export type MatchPath = 'remote' | 'local';

/** The part of `browser.storage.local` the hooks use. */
export interface TestStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The path a test forced, or undefined (always, outside test builds). */
export async function forcedMatchPath(area: TestStorage): Promise<MatchPath | undefined> {
  if (!TEST_HOOKS) return undefined;
  const value = (await area.get(MATCH_PATH_KEY))[MATCH_PATH_KEY];
  return value === 'remote' || value === 'local' ? value : undefined;
}

/** Counts, per document URL, how often `script` was evaluated (tests read storage.local). */
export async function recordScriptLoaded(
  area: TestStorage,
  script: RecordedScript,
  href: string,
): Promise<void> {
  if (!TEST_HOOKS) return;
  const key = `${LOADED_PREFIX}${script}:${href}`;
  const items = await area.get(key);
  await area.set({ [key]: Number(items[key] ?? 0) + 1 });
}

/**
 * User-timing names the benchmark and e2e tests read: the hover delay ended (mark) / the
 * card with its content was painted (measure from the mark). Written only by the test-hooks
 * build: a page's scripts read the same performance timeline, so in what users run they
 * would log every card the reader opens.
 */
export const CARD_OPEN_MARK = 'fact-lens:card-open';
export const CARD_PAINT_MEASURE = 'fact-lens:card-painted';

/** The card's timing callbacks: both absent outside test builds. */
export interface CardTiming {
  opened?: () => void;
  painted?: () => void;
}

export function cardTiming(userTiming: Pick<Performance, 'mark' | 'measure'>): CardTiming {
  if (!TEST_HOOKS) return {};
  return {
    opened: () => userTiming.mark(CARD_OPEN_MARK),
    painted: () => userTiming.measure(CARD_PAINT_MEASURE, CARD_OPEN_MARK),
  };
}
