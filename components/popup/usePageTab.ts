import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageEntity } from '../../lib/engine/page/page-summary';
import { askPage } from '../../lib/messaging/page-protocol';
import { targetTabId } from '../../lib/popup/target-tab';

export type PageTabState =
  | { status: 'loading' }
  /** No tab, or Fact Lens is not running there (a browser page, paused, disabled site). */
  | { status: 'unavailable'; tabId: number | null }
  | {
      status: 'ready';
      tabId: number;
      site: string | null;
      entities: PageEntity[];
      /** The page has more mentions than Fact Lens marks: some are left out. */
      capped?: boolean;
    };

/**
 * The tab the popup is about and what Fact Lens found on it, asked of the content script
 * in its top frame. `refresh` asks again (after a setting changed what runs there).
 */
export function usePageTab(): PageTabState & { refresh: () => void; reveal: RevealFn } {
  const [state, setState] = useState<PageTabState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await targetTabId(
        location.search,
        () => browser.tabs.query({ active: true, currentWindow: true }),
        browser.runtime.getURL('/'),
      );
      if (tabId === null) return live && setState({ status: 'unavailable', tabId });
      try {
        const target = { tabId, frameId: 0 };
        const [entities, site, capped] = await Promise.all([
          askPage(browser.tabs, target, 'pageEntities'),
          askPage(browser.tabs, target, 'pageSite'),
          // A content script from before this request existed does not know it.
          askPage(browser.tabs, target, 'pageCapped').catch(() => false),
        ]);
        if (live) setState({ status: 'ready', tabId, site, entities, capped });
      } catch {
        // No content script answers on browser pages, the web store, or before a reload.
        if (live) setState({ status: 'unavailable', tabId });
      }
    })();
    return () => {
      live = false;
    };
  }, [generation]);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  const reveal = useCallback<RevealFn>(async (tabId, entityKey, occurrence) => {
    try {
      return await askPage(browser.tabs, { tabId, frameId: 0 }, 'revealEntity', {
        entityKey,
        occurrence,
      });
    } catch {
      return false;
    }
  }, []);
  return { ...state, refresh, reveal };
}

type RevealFn = (tabId: number, entityKey: string, occurrence: number) => Promise<boolean>;
