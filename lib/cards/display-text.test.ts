import { describe, expect, it } from 'vitest';
import type { EntityCard } from '../domain/card';
import { citationText, formatPartialDate, safeHref, sourceLine } from './display-text';

describe('formatPartialDate', () => {
  it.each([
    ['2026', '2026'],
    ['2026-01', 'Jan 2026'],
    ['2025-12-07', '7 Dec 2025'],
    ['2026-13', '2026'],
    ['soon', 'soon'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(formatPartialDate(input)).toBe(expected);
  });
});

describe('safeHref', () => {
  it.each<[string | undefined, string | undefined]>([
    ['https://36kr.com/p/1', 'https://36kr.com/p/1'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', undefined],
    ['JAVASCRIPT:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['//example.com/x', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

const source = {
  id: 's',
  title: 'ByteDance bets on four AI propositions',
  publisher: '36Kr',
  authors: ['Deng Yongyi', 'Zhou Xinyu'],
  publishedAt: '2026-01-05',
  url: 'https://36kr.com/p/1',
  kind: 'news-report' as const,
};

describe('citations', () => {
  it('names a source by title, publisher, authors and date', () => {
    expect(sourceLine(source)).toBe(
      'ByteDance bets on four AI propositions · 36Kr · Deng Yongyi, Zhou Xinyu · 5 Jan 2026',
    );
    expect(sourceLine({ ...source, authors: [], publishedAt: undefined })).toBe(
      'ByteDance bets on four AI propositions · 36Kr',
    );
  });

  it('cites the entity with every source and the pack it came from', () => {
    const card: EntityCard = {
      pack: { id: 'p', title: 'ByteDance AI 2026', version: '1.2.0' },
      entity: {
        id: 'doubao',
        name: 'Doubao',
        kind: 'product',
        summary: 'An assistant.',
        aliases: [],
        role: 'subject',
      },
      propositions: [],
      facts: [],
      sources: [source, { ...source, id: 't', url: undefined, title: 'Other' }],
      related: [],
    };
    expect(citationText(card).split('\n')).toEqual([
      'Doubao (Product): An assistant.',
      'Sources:',
      '- ByteDance bets on four AI propositions · 36Kr · Deng Yongyi, Zhou Xinyu · 5 Jan 2026 https://36kr.com/p/1',
      '- Other · 36Kr · Deng Yongyi, Zhou Xinyu · 5 Jan 2026',
      'From the fact pack "ByteDance AI 2026" v1.2.0, via Fact Lens.',
    ]);
  });
});
