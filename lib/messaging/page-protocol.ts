import type { PageEntity } from '../engine/page/page-summary';
import { answerWire, sendWire, type MessageEvents, type WireHandler } from './wire';

/**
 * Requests from extension pages (the popup) to the content script of a tab's top frame,
 * sent with `tabs.sendMessage`. Separate from the background protocol (protocol.ts): the
 * receiver is a page's content script, and only our own extension can reach it this way.
 */
export interface PageProtocol {
  /** The page's site (hostname), or null when it has none: what "disable on this site" disables. */
  pageSite(): string | null;
  /** Entities painted on this page, by first appearance, with mention counts. */
  pageEntities(): PageEntity[];
  /** Whether the page holds more mentions than Fact Lens marks (`MAX_MENTIONS`): some are left out. */
  pageCapped(): boolean;
  /**
   * Scrolls to the `occurrence`-th painted mention of an entity (wrapping around) and
   * flashes it. Resolves to whether there was one.
   */
  revealEntity(data: { entityKey: string; occurrence: number }): boolean;
}

export type PageRequest = keyof PageProtocol;
type PagePayload<T extends PageRequest> = Parameters<PageProtocol[T]>[0];

/** `browser.tabs`, or the part of it that sends to one frame. */
export interface TabMessaging {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** Asks one frame of a tab; throws when no content script answers there. */
export async function askPage<T extends PageRequest>(
  tabs: TabMessaging,
  target: { tabId: number; frameId: number },
  type: T,
  ...data: PagePayload<T> extends undefined ? [] : [PagePayload<T>]
): Promise<ReturnType<PageProtocol[T]>> {
  const send = (message: unknown) =>
    tabs.sendMessage(target.tabId, message, { frameId: target.frameId });
  return (await sendWire(send, type, data[0])) as ReturnType<PageProtocol[T]>;
}

/** Answers the popup's requests in a content script; answers a function that stops. */
export function answerPageRequests(
  events: MessageEvents<unknown>,
  handlers: { [T in PageRequest]: (data: PagePayload<T>) => ReturnType<PageProtocol[T]> },
): () => void {
  return answerWire(events, handlers as Record<PageRequest, WireHandler<unknown>>);
}
