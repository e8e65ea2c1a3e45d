import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageEntity } from '../../lib/engine/page/page-summary';
import { answerPageRequests } from '../../lib/messaging/page-protocol';
import type { MessageEvents, WireReply } from '../../lib/messaging/wire';

/**
 * The tab the popup is about, for the popup's component tests: `browser.tabs.sendMessage`
 * reaches a content script that answers with the real page protocol (lib/messaging), over
 * what the test says is on the page. Render the popup with `?tab=<id>` in the URL, as the
 * end-to-end tests open it, so no `tabs.query` is needed.
 */
export function fakePageTab(
  page: { site: string | null; entities: PageEntity[]; capped?: boolean } | null,
) {
  type Listener = Parameters<MessageEvents<unknown>['addListener']>[0];
  let listener: Listener | null = null;
  const reveals: { tabId: number; entityKey: string; occurrence: number }[] = [];
  if (page) {
    answerPageRequests(
      { addListener: (added) => (listener = added), removeListener: () => (listener = null) },
      {
        pageSite: () => page.site,
        pageEntities: () => page.entities,
        pageCapped: () => page.capped ?? false,
        revealEntity: (data) => {
          reveals.push({ tabId: lastTab, ...data });
          return page.entities.some((entity) => entity.entityKey === data.entityKey);
        },
      },
    );
  }
  let lastTab = 0;
  const sendMessage = vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(async (tabId: number, message: unknown) => {
      // No content script there (a browser page, or before a reload): the browser throws.
      if (!listener)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      lastTab = tabId;
      const answering = listener;
      return new Promise<WireReply>((resolve) => answering(message, {}, resolve));
    });
  return { sendMessage, reveals };
}

/** Puts the popup's own URL where `location.search` reads it (`?tab=7`, `?q=Doubao&tab=7`). */
export function popupUrl(search: string): void {
  window.history.replaceState(null, '', `/popup.html${search}`);
}

/** A `PageEntity` of pack `p` (or the seed pack's id when given as `pack/entity`). */
export function pageEntity(entityKey: string, overrides: Partial<PageEntity> = {}): PageEntity {
  const [packId = 'p', entityId = entityKey] = entityKey.split('/');
  return {
    entityKey,
    packId,
    entityId,
    kind: 'product',
    firstText: entityId,
    count: 1,
    ...overrides,
  };
}
