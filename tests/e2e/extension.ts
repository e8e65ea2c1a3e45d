import type { Page } from '@playwright/test';

/**
 * Sends one protocol request from an extension page (the popup, say), the way
 * @webext-core/messaging frames it, and returns the handler's reply.
 */
export async function sendRequest(page: Page, type: string, data?: unknown): Promise<unknown> {
  return page.evaluate(
    ([type, data]) =>
      chrome.runtime
        .sendMessage({ id: 1, type, data, timestamp: Date.now() })
        .then((response: { res?: unknown; err?: unknown }) => response.res ?? response.err),
    [type, data] as const,
  );
}
