import type { Worker } from '@playwright/test';

/**
 * The entities muted for `host`, read straight from the background's IndexedDB (none when
 * nothing was stored), so a test can tell "the mute was stored" from "the page has not
 * applied the rule yet". Best called once a page has asked for its site rule: opening the
 * database first would create it empty, ahead of the background's own schema.
 */
export function storedMutes(worker: Worker, host: string): Promise<string[]> {
  return worker.evaluate(
    (host) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('fact-lens-user');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('siteRules')) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction('siteRules').objectStore('siteRules').get(host);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { mutedEntities: string[] } | undefined)?.mutedEntities ?? []);
          };
        };
      }),
    host,
  );
}
