import type { Worker } from '@playwright/test';
import {
  LOADED_PREFIX,
  MATCH_PATH_KEY,
  type MatchPath,
  type RecordedScript,
} from '../../lib/content/test-hooks';

/**
 * Helpers for specs on the test-hooks build (`test.use({ extensionBuild: 'test-hooks' })`):
 * the hooks talk through `storage.local`, which the service worker reads and writes.
 */

/**
 * Makes content scripts that start from now on match where `path` says, whatever the
 * document's size. They read the key once, at start: set it before navigating.
 */
export async function forceMatchPath(serviceWorker: Worker, path: MatchPath): Promise<void> {
  await serviceWorker.evaluate(([key, path]) => chrome.storage.local.set({ [key]: path }), [
    MATCH_PATH_KEY,
    path,
  ] as const);
}

/**
 * How often a lazily loaded script (card-ui.js, relevance.js) was evaluated, per document URL;
 * documents that never loaded it are absent.
 */
export async function scriptLoads(
  serviceWorker: Worker,
  script: RecordedScript,
): Promise<Record<string, number>> {
  const items = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  const prefix = `${LOADED_PREFIX}${script}:`;
  const loads: Record<string, number> = {};
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith(prefix)) loads[key.slice(prefix.length)] = Number(value);
  }
  return loads;
}

/** How often card-ui.js was evaluated, per document URL. */
export const cardUiLoads = (serviceWorker: Worker) => scriptLoads(serviceWorker, 'card-ui');
