/**
 * The extension's service worker in the match-path section: forcing the content scripts'
 * match path (`test:matchPath`, test-hooks builds only), logging the requests it receives, and
 * a V8 CPU profile of it around one page load, for the work the remote path moves there.
 *
 * Playwright opens CDP sessions on pages only. A page's session can still attach to the
 * worker's target (`Target.attachToTarget`) without flattening and talk to it through
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`: that is how the profile
 * is taken. Scripts run in the worker are strings: tsx would wrap named inner functions in a
 * `__name()` helper the worker does not have.
 */
import type { BrowserContext, CDPSession, Worker } from '@playwright/test';
import { MATCH_PATH_KEY } from '../../lib/content/test-hooks';
import type { CpuProfile } from './cpu-profile';
import type { LoggedRequest, MatchPath } from './match-path-figures';
import { SAMPLING_INTERVAL_US } from './page-load-run';

/** How long one message to the worker's target may take before it counts as lost. */
const REPLY_TIMEOUT_MS = 10_000;

/** The extension's service worker, woken through its options page when it is not running. */
export async function extensionWorker(
  context: BrowserContext,
  extensionId: string,
): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const running = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (running) return running;
  const waiting = context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith(prefix),
    timeout: 20_000,
  });
  const page = await context.newPage();
  try {
    await page.goto(`${prefix}options.html`);
    return await waiting;
  } finally {
    await page.close();
  }
}

/**
 * Makes content scripts that start from now on match on `path`, and starts a fresh log of the
 * requests the worker receives (type, and for `matchTexts` the characters of its texts). A
 * listener of our own beside the background's: it answers nothing, so replies are unchanged.
 */
export async function forcePathAndLog(worker: Worker, path: MatchPath): Promise<void> {
  await worker.evaluate(`(async () => {
  await chrome.storage.local.set({ ${JSON.stringify(MATCH_PATH_KEY)}: ${JSON.stringify(path)} });
  if (globalThis.__factLensBenchRequests) {
    globalThis.__factLensBenchRequests.length = 0;
    return;
  }
  const log = (globalThis.__factLensBenchRequests = []);
  chrome.runtime.onMessage.addListener((message) => {
    if (!message || typeof message.type !== 'string') return;
    const texts = message.data && message.data.texts;
    log.push(
      message.type === 'matchTexts' && Array.isArray(texts)
        ? { type: message.type, chars: texts.reduce((sum, t) => sum + String(t).length, 0) }
        : { type: message.type },
    );
  });
})()`);
}

/** The requests logged since `forcePathAndLog`; empty if the worker restarted in between. */
export async function loggedRequests(worker: Worker): Promise<LoggedRequest[]> {
  return worker.evaluate<LoggedRequest[]>(
    '(globalThis.__factLensBenchRequests || []).map((r) => ({ ...r }))',
  );
}

/** A running profile of the worker: `stop` ends it and returns it. */
export interface WorkerProfile {
  stop: () => Promise<CpuProfile>;
}

interface TargetReply {
  id?: number;
  result?: unknown;
  error?: { message?: string };
}

/**
 * Starts a CPU profile of the extension's service worker, through `cdp` (a session of a page
 * that stays open meanwhile: an extension-less tab of the same profile).
 */
export async function startWorkerProfile(
  cdp: CDPSession,
  extensionId: string,
): Promise<WorkerProfile> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target) throw new Error('no service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  const waiting = new Map<number, (reply: TargetReply) => void>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as TargetReply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  let nextId = 0;
  const send = async (method: string, params: object = {}): Promise<unknown> => {
    const id = ++nextId;
    const reply = new Promise<TargetReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no reply`)), REPLY_TIMEOUT_MS);
      waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const { result, error } = await reply.finally(() => waiting.delete(id));
    if (error) throw new Error(`${method}: ${error.message ?? 'failed'}`);
    return result;
  };
  const detach = async () => {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  };
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await send('Profiler.start');
  } catch (error) {
    await detach();
    throw error;
  }
  return {
    stop: async () => {
      try {
        const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
        return profile;
      } finally {
        await detach();
      }
    },
  };
}
