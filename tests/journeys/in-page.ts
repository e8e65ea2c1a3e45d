/**
 * Functions that run inside a page (or an extension page), shared by the Playwright helpers
 * (tests/e2e/highlights.ts, cards.ts) and the journeys. Each is sent to the browser as its
 * source text, so it may use nothing from outside its own body: no imports, no closures.
 */

/** Highlights that mark state rather than mentions: the first scan is done / hovered mention. */
export const STATE_HIGHLIGHTS = ['fact-lens-active', 'fact-lens-hover'];

export interface PaintedQuery {
  /** Only these highlights; all mention highlights (`fact-lens-*` but the state ones) if absent. */
  names?: string[];
  /** Only ranges starting inside an element matching this selector (light DOM). */
  within?: string;
  /** Only ranges inside the open shadow root of the element matching this selector. */
  inShadowOf?: string;
  /** `STATE_HIGHLIGHTS`, passed in because this runs in the page. */
  stateNames: string[];
}

/** Text of each painted range the query selects, in registry order. */
export function readPaintedTexts(query: PaintedQuery): string[] {
  const containers: Node[] = query.within
    ? [...document.querySelectorAll(query.within)]
    : query.inShadowOf
      ? [document.querySelector(query.inShadowOf)?.shadowRoot].filter((n) => n != null)
      : [document];
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    const wanted = query.names
      ? query.names.includes(name)
      : name.startsWith('fact-lens-') && !query.stateNames.includes(name);
    if (!wanted) continue;
    for (const range of highlight) {
      if (!containers.some((node) => node.contains(range.startContainer))) continue;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      texts.push(live.toString());
    }
  }
  return texts;
}

/** Whether the test-hooks build has finished its first scan of this document. */
export function readMarkerActive(): boolean {
  return CSS.highlights.has('fact-lens-active');
}

/** Center of the first occurrence of `text` inside `selector`, in viewport coordinates. */
export function readPointOfText([selector, text]: readonly [string, string]): {
  x: number;
  y: number;
} {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(text) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`"${text}" not found in ${selector}`);
}

/** What the page shows: marks wrapped into the DOM (the fallback) and `::highlight` support. */
export function readPaintingMode(): { wrappedMarks: number; paintsHighlights: boolean } {
  return {
    wrappedMarks: document.querySelectorAll('fact-lens-mark').length,
    paintsHighlights: CSS.supports('selector(::highlight(x))'),
  };
}

/** The open hover card as the reader sees it, or null when none is shown. */
export interface CardView {
  name: string;
  kind: string;
  propositions: string[];
  facts: { status: string; date: string }[];
  sources: string[];
  /** Whether focus is inside the card. */
  focused: boolean;
}

/** Reads the card from its shadow root (open in the test-hooks build only). */
export function readCard(): CardView | null {
  const root = document.querySelector('fact-lens-card')?.shadowRoot;
  const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
  // A closed card stays in the top layer, hidden with `visibility` (useCardPosition.ts).
  if (!root || !dialog || !dialog.checkVisibility({ visibilityProperty: true })) return null;
  const texts = (selector: string) =>
    [...dialog.querySelectorAll(selector)].map((node) => node.textContent?.trim() ?? '');
  return {
    name: texts('.fl-card-entity-name')[0] ?? '',
    kind: texts('.fl-card-kind')[0] ?? '',
    propositions: texts('.fl-card-proposition-toggle'),
    facts: [...dialog.querySelectorAll('.fl-card-fact')].map((fact) => ({
      status: fact.querySelector('.fl-card-status')?.textContent?.trim() ?? '',
      date: fact.querySelector('time')?.textContent?.trim() ?? '',
    })),
    sources: texts('.fl-card-source'),
    focused: root.activeElement !== null && dialog.contains(root.activeElement),
  };
}

/** The installed packs as IndexedDB holds them (run in an extension page: its origin's database). */
export function readStoredPacks(): Promise<{ id: string; version: string; entities: number }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fact-lens-packs');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('packs')) {
        db.close();
        resolve([]);
        return;
      }
      const tx = db.transaction(['packs', 'entities']);
      const packs = tx.objectStore('packs').getAll();
      const result: { id: string; version: string; entities: number }[] = [];
      packs.onsuccess = () => {
        for (const pack of packs.result as { id: string; version: string }[]) {
          const entry = { id: pack.id, version: pack.version, entities: 0 };
          result.push(entry);
          const count = tx.objectStore('entities').index('packId').count(pack.id);
          count.onsuccess = () => (entry.entities = count.result);
        }
      };
      tx.oncomplete = () => {
        db.close();
        resolve(result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Text of each option in the popup's result group named `group` ("Entities", "Facts"). */
export function readResults(group: string): string[] {
  const options = document.querySelectorAll(
    `[role="group"][aria-label="${group}"] [role="option"]`,
  );
  return [...options].map((option) => option.textContent?.trim() ?? '');
}

/**
 * Clicks the first element matching `selector` whose text contains `text` (controls of an
 * extension page, where a script's click is as good as the reader's). False when none is there yet.
 */
export function clickByText([selector, text]: readonly [string, string]): boolean {
  const target = [...document.querySelectorAll<HTMLElement>(selector)].find((element) =>
    element.textContent?.includes(text),
  );
  target?.click();
  return target !== undefined;
}

/** The id of the active tab of the last focused window (run in an extension page). */
export async function readActiveTabId(): Promise<number> {
  const global = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  // Firefox's `chrome.*` takes callbacks in MV2; its `browser.*` and Chromium's MV3 `chrome.*`
  // return promises.
  const api = global.browser ?? global.chrome;
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

/** Where the current (hovered or keyboard-selected) mention is: its text and its line box. */
export function readHoverRange(): string | null {
  const highlight = CSS.highlights.get('fact-lens-hover');
  const range = highlight ? [...highlight][0] : undefined;
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const rect = live.getBoundingClientRect();
  return `${live.toString()}@${Math.round(rect.left + scrollX)},${Math.round(rect.top + scrollY)}`;
}
