// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/engine/matcher/compile';
import type { Mention } from '../../lib/engine/page/mentions';
import type { Painter } from '../../lib/engine/page/painter';
import { markPage } from './mark-page';

const compiledJson = JSON.stringify(
  compileMatcher(
    [
      {
        text: 'Doubao',
        case: 'insensitive',
        packId: 'p',
        entityId: 'doubao',
        entityKind: 'product',
      },
    ],
    'mark-page',
  ),
);

describe('markPage', () => {
  it('decodes, walks, matches and paints once, timing each phase as it ends', () => {
    document.body.innerHTML = '<p>Doubao and <b>Dou</b>bao</p><script>Doubao</script>';
    const events: (string | number)[] = [];
    const painter: Painter = {
      paint: (mentions: readonly Mention[]) => events.push(`paint ${mentions.length}`),
      clear: () => {},
    };
    let clock = 0;
    const now = () => {
      events.push(clock);
      return (clock += 1);
    };
    const { mentions, phases } = markPage(document, compiledJson, painter, now);
    expect(mentions).toBe(2);
    // The painter is called between the "match" and "paint" laps: painting is the last phase.
    expect(events).toEqual([0, 1, 2, 3, 'paint 2', 4]);
    expect(phases).toEqual({ decode: 1, walk: 1, match: 1, paint: 1 });
  });
});
