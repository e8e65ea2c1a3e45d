/** Journeys about the hover card: opened by the pointer or the keyboard, closed with Escape. */
import assert from 'node:assert/strict';
import type { Journey } from './driver';
import { eventually, eventuallyEqual } from './eventually';
import { readHoverRange } from './in-page';
import { card, gotoMarked, hover, hovered } from './reads';

export const hoverCard: Journey = {
  name: 'a hover card shows the proposition, facts and sources, and closes with Escape',
  async run({ page, server }) {
    await gotoMarked(page, `${server}/index.html`);
    await hover(page, '#lede', 'Doubao');
    const shown = await eventually(
      () => card(page),
      (view) => assert.equal(view?.name, 'Doubao'),
      { message: 'no card for Doubao' },
    );
    assert.equal(shown?.kind, 'Product');
    assert.match(shown?.propositions[0] ?? '', /Make Doubao pay its way through office work/);
    assert.ok((shown?.facts.length ?? 0) > 0, 'no facts');
    for (const fact of shown?.facts ?? []) {
      assert.match(fact.status, /\S/);
      assert.match(fact.date, /as of \S+/);
    }
    assert.ok(
      shown?.sources.some((source) => source.includes('36Kr')),
      'no 36Kr source',
    );
    await page.press('Escape');
    await eventuallyEqual(() => card(page), null, { message: 'Escape left the card open' });
  },
};

export const keyboardNext: Journey = {
  name: 'the keyboard shortcut moves to the next mention and opens its card',
  async run({ page, server }) {
    await gotoMarked(page, `${server}/index.html`);
    // Reading order on the demo page: ByteDance (headline), ByteDance (lede), world models,
    // Doubao, Dola.
    await page.press('Alt+Shift+N');
    // The card opens, then takes focus (so screen readers announce it).
    await eventually(
      () => card(page),
      (view) => assert.deepEqual([view?.name, view?.focused], ['ByteDance', true]),
    );
    assert.equal(await hovered(page), 'ByteDance');
    // Each press one mention further in reading order (the hovered range moves).
    const visited = ['ByteDance'];
    for (let step = 0; step < 3; step++) {
      const before = await page.evaluate(readHoverRange, null);
      await page.press('Alt+Shift+N');
      await eventually(
        () => page.evaluate(readHoverRange, null),
        (range) => assert.notEqual(range, before),
        { message: `Alt+Shift+N did not move on from ${before}` },
      );
      // The card loads its entity after the mention moved: wait for its name.
      const view = await eventually(
        () => card(page),
        (shown) => assert.ok(shown?.name, 'the card shows no name'),
      );
      visited.push(view?.name ?? '');
    }
    assert.deepEqual(visited.slice(0, 2), ['ByteDance', 'ByteDance']);
    assert.ok(visited.includes('Doubao'), `visited ${visited.join(', ')}`);
    await page.press('Escape');
    await eventuallyEqual(() => card(page), null);
  },
};
