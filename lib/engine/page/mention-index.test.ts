// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../matcher/compile';
import { Matcher } from '../matcher/matcher';
import type { AliasSpec } from '../types';
import { MentionIndex } from './mention-index';
import type { Mention } from './mentions';
import type { Painter } from './painter';
import { nthMentionOf, summarizeMentions } from './page-summary';
import { addScanned, NOW } from '../../../tests/support/marked-page';

function alias(text: string, extra: Partial<AliasSpec> = {}): AliasSpec {
  return {
    text,
    case: 'insensitive',
    packId: 'p',
    entityId: text.toLowerCase(),
    entityKind: 'product',
    ...extra,
  };
}

const ALIASES = [
  alias('Doubao'),
  alias('Seedance'),
  alias('Seedance 2.0', { entityId: 'seedance-2' }),
  alias('Seed', { case: 'sensitive', context: ['ByteDance'], entityKind: 'team' }),
  alias('ByteDance', { entityKind: 'company' }),
];

function setup(html: string, density: 'all' | 'first' = 'all') {
  document.body.innerHTML = html;
  const painted: Mention[][] = [];
  const painter: Painter = { paint: (m) => painted.push([...m]), clear: () => {} };
  const matcher = Matcher.fromCompiled(compileMatcher(ALIASES, 'test'));
  const index = new MentionIndex(matcher, painter, { density, relevance: NOW });
  const addUnder = (root: Node) => addScanned(index, matcher, root);
  return { index, painted, addUnder };
}

function textOf(mention: Mention): string {
  return mention.segment.text.slice(mention.start, mention.end);
}

describe('MentionIndex', () => {
  it('finds mentions across inline markup, leftmost-longest', () => {
    const { index, addUnder } = setup('<p>Try <b>Seedance</b> 2.0 and Doubao</p>');
    addUnder(document.body);
    expect(index.visible().map(textOf)).toEqual(['Seedance 2.0', 'Doubao']);
    const [first] = index.visible();
    expect(first?.range.startContainer.nodeValue).toBe('Seedance');
    expect(first?.range.endContainer.nodeValue).toBe(' 2.0 and Doubao');
  });

  it('switches a gated alias on when its context appears later on the page', () => {
    const { index, addUnder } = setup('<p id="a">The Seed team</p><p id="b">nothing</p>');
    addUnder(document.body);
    expect(index.visible().map(textOf)).toEqual([]);
    const later = document.createElement('p');
    later.textContent = 'ByteDance';
    document.body.append(later);
    addUnder(later);
    expect(index.visible().map(textOf)).toEqual(['Seed', 'ByteDance']);
  });

  it('keeps a gated alias quiet without its context and with the wrong case', () => {
    const { index, addUnder } = setup('<p>seed funding at ByteDance; Seed money</p>');
    addUnder(document.body);
    expect(index.visible().map(textOf)).toEqual(['ByteDance', 'Seed']);
  });

  it('paints only the first mention of each entity in "first" density', () => {
    const { index, addUnder } = setup('<p>Doubao</p><p>Doubao and Seedance</p>', 'first');
    addUnder(document.body);
    expect(index.visible().map(textOf)).toEqual(['Doubao', 'Seedance']);
    index.setDensity('all');
    expect(index.visible().map(textOf)).toEqual(['Doubao', 'Doubao', 'Seedance']);
  });

  it('forgets segments under a root and segments whose text left the page', () => {
    const { index, addUnder } = setup('<p id="a">Doubao</p><p id="b">Seedance</p>');
    addUnder(document.body);
    index.remove(document.getElementById('a'));
    expect(index.visible().map(textOf)).toEqual(['Seedance']);
    document.getElementById('b')?.remove();
    index.remove(null);
    expect(index.visible()).toEqual([]);
  });

  it('keeps only segments with candidates, so a sweep checks only their nodes', () => {
    const quiet = Array.from({ length: 50 }, (_, i) => `<p>line ${i}</p>`).join('');
    const { index, addUnder } = setup(`${quiet}<p>Try <b>Doubao</b> now</p>`);
    addUnder(document.body);
    const checked = vi.spyOn(Node.prototype, 'isConnected', 'get');
    index.remove(null);
    // The three text nodes of the one segment with a mention, not the fifty others.
    expect(checked).toHaveBeenCalledTimes(3);
    checked.mockRestore();
    expect(index.visible().map(textOf)).toEqual(['Doubao']);
  });

  it('lists mentions in document order even when added out of order', () => {
    const { index, addUnder } = setup('<p id="a">Doubao</p><p id="b">Seedance</p>');
    const b = document.getElementById('b') as HTMLElement;
    const a = document.getElementById('a') as HTMLElement;
    addUnder(b);
    addUnder(a);
    expect(index.all().map(textOf)).toEqual(['Doubao', 'Seedance']);
  });

  it('hands the visible mentions to the painter', () => {
    const { index, painted, addUnder } = setup('<p>Doubao</p>');
    addUnder(document.body);
    index.paint();
    expect(painted.at(-1)?.map(textOf)).toEqual(['Doubao']);
    expect(
      index.mentionsOfNode(document.querySelector('p')?.firstChild as Node)?.mentions,
    ).toHaveLength(1);
  });

  it('leaves muted entities unpainted and unhittable, until unmuted', () => {
    const { index, addUnder } = setup('<p>Doubao, Seedance and Doubao again</p>');
    addUnder(document.body);
    index.setMuted(new Set(['p/doubao']));
    const painted = index.paint();
    expect(painted.map(textOf)).toEqual(['Seedance']);
    const doubao = index.all().find((mention) => textOf(mention) === 'Doubao');
    expect(doubao && index.isPainted(doubao)).toBe(false);
    index.setMuted(new Set());
    expect(index.paint().map(textOf).sort()).toEqual(['Doubao', 'Doubao', 'Seedance']);
    expect(doubao && index.isPainted(doubao)).toBe(true);
  });

  it('in "first" density only the first mention of an entity answers the pointer', () => {
    const { index, addUnder } = setup('<p>Doubao</p><p>Doubao</p>', 'first');
    addUnder(document.body);
    index.paint();
    const [first, second] = index.all();
    expect(first && index.isPainted(first)).toBe(true);
    expect(second && index.isPainted(second)).toBe(false);
    expect(index.visibleInReadingOrder()).toEqual([first]);
  });
});

describe('page summaries', () => {
  it('lists entities by first appearance with counts, and cycles through mentions', () => {
    const { index, addUnder } = setup(
      '<p>Seedance beat Doubao.</p><p>DOUBAO and Seedance 2.0, Doubao.</p>',
    );
    addUnder(document.body);
    const mentions = index.visibleInReadingOrder();
    expect(summarizeMentions(mentions)).toEqual([
      {
        entityKey: 'p/seedance',
        packId: 'p',
        entityId: 'seedance',
        kind: 'product',
        firstText: 'Seedance',
        count: 1,
      },
      {
        entityKey: 'p/doubao',
        packId: 'p',
        entityId: 'doubao',
        kind: 'product',
        firstText: 'Doubao',
        count: 3,
      },
      {
        entityKey: 'p/seedance-2',
        packId: 'p',
        entityId: 'seedance-2',
        kind: 'product',
        firstText: 'Seedance 2.0',
        count: 1,
      },
    ]);
    const nth = (n: number) => {
      const mention = nthMentionOf(mentions, 'p/doubao', n);
      return mention && `${textOf(mention)}@${mention.segment.text.slice(0, 8)}`;
    };
    expect([nth(0), nth(1), nth(2), nth(3), nth(-1)]).toEqual([
      'Doubao@Seedance',
      'DOUBAO@DOUBAO a',
      'Doubao@DOUBAO a',
      'Doubao@Seedance',
      'Doubao@DOUBAO a',
    ]);
    expect(nthMentionOf(mentions, 'p/nobody', 0)).toBeNull();
  });
});
