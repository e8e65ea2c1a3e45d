/** Journey: a subscription syncs from a second local server, and an update re-marks an open tab. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { PackPublisher } from '../e2e/pack-publisher';
import { harborPack, SYNC_PACK_ID } from '../e2e/sync-packs';
import type { Journey, JourneyPage } from './driver';
import { eventually, eventuallyEqual } from './eventually';
import { clickByText } from './in-page';
import { painted } from './reads';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const packItem = `article[data-pack-id="${SYNC_PACK_ID}"]`;

/** The version the options page shows for the synced pack, e.g. `v1.0.0`. */
function shownVersion(options: JourneyPage): Promise<string | null> {
  return options.evaluate(
    (selector) => document.querySelector(`${selector} .fl-pack-version`)?.textContent ?? null,
    packItem,
  );
}

export const subscriptionSync: Journey = {
  name: 'a subscription syncs from a second server and its update re-marks an open tab',
  grantedHosts: ['http://127.0.0.1/*'],
  async run(driver) {
    const publisher = await PackPublisher.start(projectRoot);
    try {
      await publisher.publish(projectRoot, [harborPack('1.0.0')]);
      const options = await driver.newPage();
      await options.goto(driver.extensionUrl('options.html'));
      const form = 'section[aria-labelledby="subscribe-heading"]';
      await options.fill(`${form} input[type="url"]`, publisher.indexUrl);
      await options.fill(`${form} input[type="text"]`, publisher.publicKey);
      // A trusted click: the page asks for the publisher's origin, which needs a user gesture.
      await options.click(`${form} button[type="submit"]`);
      await eventuallyEqual(() => shownVersion(options), 'v1.0.0', { timeoutMs: 10_000 }).catch(
        async (error: Error) => {
          const said = await options.evaluate(
            (at) => document.querySelector(at)?.textContent,
            form,
          );
          error.message = `the subscription did not install v1.0.0; the form says: ${said}\n${error.message}`;
          throw error;
        },
      );

      // A reader's tab, open before the update and never reloaded.
      const reader = driver.page;
      await reader.goto(`${driver.server}/sync.html`);
      await eventuallyEqual(() => painted(reader, '#quill'), ['Zephyr Quill']);
      assert.deepEqual(await painted(reader, '#lantern'), []);

      await publisher.publish(projectRoot, [harborPack('1.1.0')]);
      await eventually(
        () => options.evaluate(clickByText, [`${packItem} button`, 'Sync now'] as const),
        (found) => assert.ok(found, 'no "Sync now" button'),
      );
      await eventuallyEqual(() => shownVersion(options), 'v1.1.0', { timeoutMs: 10_000 });
      await eventuallyEqual(() => painted(reader, '#lantern'), ['Lumen Harbor'], {
        message: 'the open tab did not mark the new entity',
      });
      const loads = await reader.evaluate(
        () => performance.getEntriesByType('navigation').length,
        null,
      );
      assert.equal(loads, 1, 'the reader tab was reloaded');
    } finally {
      await publisher.stop();
    }
  },
};
