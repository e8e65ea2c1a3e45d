import type { z } from 'zod';
import { siteOf } from '../site/site';
import {
  MESSAGES,
  type Access,
  type MessageType,
  type Payload,
  type Reply,
  type ReplyError,
  type ReplyValue,
} from './protocol';

/** The part of `runtime.MessageSender` the access check needs. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Who sent a request, as the dispatcher established it from the browser's sender record
 * (never from the payload). A content script's `host` is its frame's host name, or null
 * when its URL has none (e.g. `about:blank`, `file:`).
 */
export type Sender =
  | { kind: 'extension-page' }
  /** `tabId`: the sender's tab, when the browser says (it does for content scripts). */
  | { kind: 'content-script'; host: string | null; tabId?: number };

export type Handlers = {
  [T in MessageType]: (payload: Payload<T>, sender: Sender) => Promise<ReplyValue<T>>;
};

/** Which senders each access level admits; what a handler may write is up to handlers.ts. */
const ADMITS: Record<Access, readonly Sender['kind'][]> = {
  read: ['extension-page', 'content-script'],
  user: ['extension-page', 'content-script'],
  manage: ['extension-page'],
};

/** Thrown by a handler to answer with a specific error code instead of `internal`. */
export class RequestError extends Error {
  constructor(
    readonly code: ReplyError['code'],
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * Only pages served from our own origin may manage packs. Content scripts share our
 * extension id but report the page's URL, so the URL's origin is what tells them apart.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string, origin: string): boolean {
  if (sender.id !== extensionId || sender.url === undefined) return false;
  try {
    // Not `URL.origin`: it is "null" for non-special schemes such as chrome-extension:
    // outside Chromium, and moz-extension: in some engines.
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}

/**
 * Our own pages, or our content scripts (same id, the page's URL); null for anyone else.
 * Messages from other extensions do not normally reach `runtime.onMessage`; this makes sure.
 */
export function senderOf(sender: SenderInfo, extensionId: string, origin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  if (isExtensionPage(sender, extensionId, origin)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  return {
    kind: 'content-script',
    host: siteOf(sender.url),
    ...(tabId === undefined ? {} : { tabId }),
  };
}

function failure(code: ReplyError['code'], message: string, details?: string[]): Reply<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

export interface DispatcherOptions {
  handlers: Handlers;
  extensionId: string;
  /** e.g. `chrome-extension://abc…`, without a trailing slash. */
  extensionOrigin: string;
  log?: (message: string, error: unknown) => void;
}

/** Validates, authorises and runs one request; always resolves to a `Reply`. */
export function createDispatcher(options: DispatcherOptions) {
  const { handlers, extensionId, extensionOrigin, log = console.error } = options;
  return async function dispatch(
    type: string,
    data: unknown,
    sender: SenderInfo,
  ): Promise<Reply<unknown>> {
    if (!Object.hasOwn(MESSAGES, type))
      return failure('invalid-request', `unknown request "${type}"`);
    const messageType = type as MessageType;
    const spec = MESSAGES[messageType];
    const from = senderOf(sender, extensionId, extensionOrigin);
    if (from === null) return failure('forbidden', `"${type}" may only be sent by Fact Lens`);
    if (!ADMITS[spec.access].includes(from.kind)) {
      return failure('forbidden', `"${type}" may only be sent from Fact Lens's own pages`);
    }
    const parsed = (spec.payload as z.ZodType).safeParse(data);
    if (!parsed.success) {
      return failure(
        'invalid-request',
        `invalid payload for "${type}"`,
        parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`,
        ),
      );
    }
    const handler = handlers[messageType] as (payload: unknown, from: Sender) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.data, from) };
    } catch (error) {
      if (error instanceof RequestError) return failure(error.code, error.message, error.details);
      log(`Fact Lens: "${type}" failed`, error);
      return failure('internal', error instanceof Error ? error.message : String(error));
    }
  };
}
