/** Journeys about what gets marked: the seed pack, the demo page, pausing and switching off. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Journey } from './driver';
import { eventually, eventuallyEqual } from './eventually';
import { clickByText, readActiveTabId, readPaintingMode, readStoredPacks } from './in-page';
import { gotoMarked, painted } from './reads';

const seedPack = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../seeds/bytedance-ai-2026.pack.json'),
    'utf8',
  ),
) as { id: string; version: string; entities: unknown[] };

export const seedInstalls: Journey = {
  name: 'the seed pack installs into IndexedDB',
  async run(driver) {
    const page = await driver.newPage();
    await page.goto(driver.extensionUrl('popup.html'));
    await eventuallyEqual(
      () => page.evaluate(readStoredPacks, null),
      [{ id: seedPack.id, version: seedPack.version, entities: seedPack.entities.length }],
    );
  },
};

export const demoPageMarked: Journey = {
  name: 'the demo page is marked, English and Chinese names; editors and scripts are not',
  async run({ page, server }) {
    await gotoMarked(page, `${server}/index.html`);
    const texts = await painted(page);
    for (const name of ['Doubao', 'Wu Yonghui', 'Seedance 2.0', '豆包', '吴永辉', '火山引擎']) {
      assert.ok(texts.includes(name), `${name} is not marked; marked: ${texts.join(', ')}`);
    }
    // Ambiguous aliases stay quiet without their context.
    assert.ok(!texts.includes('Claude'));
    assert.deepEqual(await painted(page, '#notes, #editor, #hidden-copy, script, style'), []);
    // Painted with the Highlight API, the DOM untouched: no wrapped fallback marks.
    assert.deepEqual(await page.evaluate(readPaintingMode, null), {
      wrappedMarks: 0,
      paintsHighlights: true,
    });
    await gotoMarked(page, `${server}/unrelated.html`);
    assert.deepEqual(await painted(page), []);
  },
};

export const pauseAndSiteSwitch: Journey = {
  name: 'pause and "Off on this site" remove highlights from an open tab without a reload',
  async run(driver) {
    const { page, server } = driver;
    await gotoMarked(page, `${server}/index.html`);
    const marked = (await painted(page)).length;
    assert.ok(marked > 5, `only ${marked} mentions marked`);
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
      null,
    );

    // The popup, in a tab of its own, about the demo tab (active when asked).
    const popup = await driver.newPage();
    await popup.goto(driver.extensionUrl('popup.html'));
    await page.bringToFront();
    const tabId = await popup.evaluate(readActiveTabId, null);
    await popup.goto(driver.extensionUrl(`popup.html?tab=${tabId}`));

    const count = async () => (await painted(page)).length;
    for (const control of ['Off on 127.0.0.1', 'Pause everywhere']) {
      await eventually(
        () => popup.evaluate(clickByText, ['label', control] as const),
        (found) => assert.ok(found, `no "${control}" in the popup`),
      );
      await eventuallyEqual(count, 0, { message: `"${control}" left highlights` });
      await popup.evaluate(clickByText, ['label', control] as const);
      await eventuallyEqual(count, marked, { message: `"${control}" off did not re-mark` });
    }
    const same = await page.evaluate(
      () => (window as unknown as { sameDocument?: boolean }).sameDocument,
      null,
    );
    assert.equal(same, true, 'the page was reloaded');
  },
};
