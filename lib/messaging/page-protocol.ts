import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageEntity } from '../engine/page/page-summary';

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
  /**
   * Scrolls to the `occurrence`-th painted mention of an entity (wrapping around) and
   * flashes it. Resolves to whether there was one.
   */
  revealEntity(data: { entityKey: string; occurrence: number }): boolean;
}

export const pageMessenger = defineExtensionMessaging<PageProtocol>({ logger: undefined });
