import type { Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';

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

type RequestLog = typeof globalThis & { factLensRequests?: string[] };

/**
 * Notes the type of every request the service worker receives from now on, from any
 * context, with a listener of its own beside the background's (it answers nothing, so the
 * background's replies are unchanged). Calling it again starts a fresh log. The log lives
 * in the worker's global scope: a restarted worker has none.
 */
export async function logRequests(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const global = globalThis as RequestLog;
    if (global.factLensRequests) {
      global.factLensRequests.length = 0;
      return;
    }
    const log: string[] = (global.factLensRequests = []);
    chrome.runtime.onMessage.addListener((message: { type?: unknown }) => {
      if (typeof message.type === 'string') log.push(message.type);
    });
  });
}

/** The request types noted since `logRequests`, in order of arrival. */
export function loggedRequests(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(() => [...((globalThis as RequestLog).factLensRequests ?? [])]);
}

/** A service worker's state as DevTools reports it. */
export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping';

export interface WorkerControl {
  /** The extension worker's latest reported state (undefined until the first report). */
  status(): WorkerStatus | undefined;
  /** Stops every service worker of the profile, ours included, and waits until ours has stopped. */
  stop(): Promise<void>;
}

/**
 * Starts and stops the extension's service worker the way Chromium does when it has been
 * idle: through the DevTools protocol's ServiceWorker domain, from `page`'s session (a
 * persistent context has no browser-level session; the page's sees the extension's worker
 * too). Playwright keeps the same `Worker` object across a restart; its `evaluate` then runs
 * in the new global scope.
 */
export async function controlWorker(page: Page, extensionId: string): Promise<WorkerControl> {
  const cdp = await page.context().newCDPSession(page);
  const scriptPrefix = `chrome-extension://${extensionId}/`;
  let status: WorkerStatus | undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(scriptPrefix)) status = version.runningStatus;
    }
  });
  // Enabling reports every current version at once.
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status, { message: 'no report on the extension worker' }).toBeDefined();
  return {
    status: () => status,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => status).toBe('stopped');
    },
  };
}
