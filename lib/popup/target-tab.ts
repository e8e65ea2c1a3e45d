/**
 * Which tab the popup is about. Opened from the toolbar, it is the active tab of the
 * current window. Opened as a page of its own (`popup.html?tab=<id>`: from a link, in a
 * tab, or by the end-to-end tests), it is the tab named there.
 */
export async function targetTabId(
  search: string,
  activeTabs: () => Promise<{ id?: number; url?: string }[]>,
  ownUrlPrefix: string,
): Promise<number | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const tabs = await activeTabs();
  // The popup itself opened in a tab is never the page it is about.
  const tab = tabs.find((candidate) => !candidate.url?.startsWith(ownUrlPrefix));
  return tab?.id ?? null;
}
