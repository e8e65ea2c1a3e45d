// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../matcher/compile';
import { Matcher } from '../matcher/matcher';
import type { AliasSpec } from '../types';
import { MentionIndex } from './engine';
import type { Mention } from './mentions';
import type { Painter } from './painter';
import { collectSegments } from './segments';

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
  const index = new MentionIndex(matcher, painter, { density });
  return { index, painted };
}

function textOf(mention: Mention): string {
  return mention.segment.text.slice(mention.start, mention.end);
}

describe('MentionIndex', () => {
  it('finds mentions across inline markup, leftmost-longest', () => {
    const { index } = setup('<p>Try <b>Seedance</b> 2.0 and Doubao</p>');
    index.add(collectSegments(document.body).segments);
    expect(index.visible().map(textOf)).toEqual(['Seedance 2.0', 'Doubao']);
    const [first] = index.visible();
    expect(first?.range.startContainer.nodeValue).toBe('Seedance');
    expect(first?.range.endContainer.nodeValue).toBe(' 2.0 and Doubao');
  });

  it('switches a gated alias on when its context appears later on the page', () => {
    const { index } = setup('<p id="a">The Seed team</p><p id="b">nothing</p>');
    index.add(collectSegments(document.body).segments);
    expect(index.visible().map(textOf)).toEqual([]);
    const later = document.createElement('p');
    later.textContent = 'ByteDance';
    document.body.append(later);
    index.add(collectSegments(later).segments);
    expect(index.visible().map(textOf)).toEqual(['Seed', 'ByteDance']);
  });

  it('keeps a gated alias quiet without its context and with the wrong case', () => {
    const { index } = setup('<p>seed funding at ByteDance; Seed money</p>');
    index.add(collectSegments(document.body).segments);
    expect(index.visible().map(textOf)).toEqual(['ByteDance', 'Seed']);
  });

  it('paints only the first mention of each entity in "first" density', () => {
    const { index } = setup('<p>Doubao</p><p>Doubao and Seedance</p>', 'first');
    index.add(collectSegments(document.body).segments);
    expect(index.visible().map(textOf)).toEqual(['Doubao', 'Seedance']);
    index.setDensity('all');
    expect(index.visible().map(textOf)).toEqual(['Doubao', 'Doubao', 'Seedance']);
  });

  it('forgets segments under a root and segments whose text left the page', () => {
    const { index } = setup('<p id="a">Doubao</p><p id="b">Seedance</p>');
    index.add(collectSegments(document.body).segments);
    index.remove(document.getElementById('a'));
    expect(index.visible().map(textOf)).toEqual(['Seedance']);
    document.getElementById('b')?.remove();
    index.remove(null);
    expect(index.visible()).toEqual([]);
  });

  it('lists mentions in document order even when added out of order', () => {
    const { index } = setup('<p id="a">Doubao</p><p id="b">Seedance</p>');
    const b = document.getElementById('b') as HTMLElement;
    const a = document.getElementById('a') as HTMLElement;
    index.add(collectSegments(b).segments);
    index.add(collectSegments(a).segments);
    expect(index.all().map(textOf)).toEqual(['Doubao', 'Seedance']);
  });

  it('hands the visible mentions to the painter', () => {
    const { index, painted } = setup('<p>Doubao</p>');
    index.add(collectSegments(document.body).segments);
    index.paint();
    expect(painted.at(-1)?.map(textOf)).toEqual(['Doubao']);
    expect(
      index.mentionsOfNode(document.querySelector('p')?.firstChild as Node)?.mentions,
    ).toHaveLength(1);
  });
});
