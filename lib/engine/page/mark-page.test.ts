// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../matcher/compile';
import { Matcher } from '../matcher/matcher';
import { markOnce, type ScanPhase } from './mark-page';
import type { Mention } from './mentions';
import type { Painter } from './painter';

const matcher = Matcher.fromCompiled(
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

describe('markOnce', () => {
  it('walks, matches and paints once, telling each phase as it ends', () => {
    document.body.innerHTML = '<p>Doubao and <b>Dou</b>bao</p><script>Doubao</script>';
    const events: (ScanPhase | number)[] = [];
    const painter: Painter = {
      paint: (mentions: readonly Mention[]) => events.push(mentions.length),
      clear: () => {},
    };
    const index = markOnce(document, matcher, painter, { onPhase: (phase) => events.push(phase) });
    // The painter is called between "match" and "paint": painting is the last phase.
    expect(events).toEqual(['walk', 'match', 2, 'paint']);
    expect(index.visible()).toHaveLength(2);
  });
});
