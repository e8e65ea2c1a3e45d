/** Journey: the popup page searches every installed pack. */
import assert from 'node:assert/strict';
import type { Journey } from './driver';
import { eventually } from './eventually';
import { readResults } from './in-page';

export const popupSearch: Journey = {
  name: 'the popup finds Doubao by its Chinese name and Wu Yonghui through a typo',
  async run(driver) {
    const popup = await driver.newPage();
    await popup.goto(driver.extensionUrl('popup.html'));
    const box = 'input[role="combobox"]';
    for (const [query, expected] of [
      ['豆包', 'Doubao'],
      ['wu yonhui', 'Wu Yonghui'],
    ] as const) {
      await popup.fill(box, query);
      await eventually(
        () => popup.evaluate(readResults, 'Entities'),
        (results) => assert.match(results[0] ?? '', new RegExp(`^${expected}`)),
        { message: `"${query}" did not find ${expected} first` },
      );
    }
  },
};
