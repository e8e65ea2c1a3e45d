import { describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../domain/card';
import { englishUi, uiTextFor } from '../../tests/support/ui-text';
import {
  citationText,
  formatPartialDate,
  safeHref,
  sourceLine,
  warmDateFormats,
} from './display-text';

describe('formatPartialDate', () => {
  it.each([
    ['2026', '2026'],
    ['2026-01', 'Jan 2026'],
    ['2025-12-07', 'Dec 7, 2025'],
    ['2026-13', '2026'],
    ['2026-02-00', 'Feb 2026'],
    ['soon', 'soon'],
    ['', ''],
  ])('%j → %j in English', (input, expected) => {
    expect(formatPartialDate(input, 'en')).toBe(expected);
  });

  it.each([
    ['2026', '2026年'],
    ['2026-01', '2026年1月'],
    ['2025-12-07', '2025年12月7日'],
  ])('%j → %j in Chinese, never a day the date does not have', (input, expected) => {
    expect(formatPartialDate(input, 'zh-CN')).toBe(expected);
  });

  it('is not moved by the time zone: 1 January stays in its year', () => {
    expect(formatPartialDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
  });

  it('makes no formatter once a locale is warmed, whatever parts a date has', () => {
    warmDateFormats('de');
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(['2026', '2026-03', '2026-03-04'].map((d) => formatPartialDate(d, 'de'))).toEqual([
        '2026',
        'März 2026',
        '4. März 2026',
      ]);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
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
    expect(sourceLine(englishUi, source)).toBe(
      'ByteDance bets on four AI propositions · 36Kr · Deng Yongyi, Zhou Xinyu · Jan 5, 2026',
    );
    expect(sourceLine(englishUi, { ...source, authors: [], publishedAt: undefined })).toBe(
      'ByteDance bets on four AI propositions · 36Kr',
    );
  });

  it('cites the entity with every source and the pack it came from', () => {
    const card: EntityCard = {
      lang: 'en',
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
    expect(citationText(englishUi, card).split('\n')).toEqual([
      'Doubao (Product): An assistant.',
      'Sources:',
      '- ByteDance bets on four AI propositions · 36Kr · Deng Yongyi, Zhou Xinyu · Jan 5, 2026 https://36kr.com/p/1',
      '- Other · 36Kr · Deng Yongyi, Zhou Xinyu · Jan 5, 2026',
      'From the fact pack "ByteDance AI 2026" v1.2.0, via Fact Lens.',
    ]);
  });

  it('cites in the reader’s language, with whole sentences', () => {
    const card: EntityCard = {
      lang: 'en',
      pack: { id: 'p', title: '字节 AI 2026', version: '1.2.0' },
      entity: {
        id: 'd',
        name: '豆包',
        kind: 'product',
        summary: '助手。',
        aliases: [],
        role: 'subject',
      },
      propositions: [],
      facts: [],
      sources: [source],
      related: [],
    };
    expect(citationText(uiTextFor('zh_CN'), card).split('\n')).toEqual([
      '豆包（产品）：助手。',
      '来源：',
      '- ByteDance bets on four AI propositions · 36Kr · Deng Yongyi, Zhou Xinyu · 2026年1月5日 https://36kr.com/p/1',
      '出自事实包“字节 AI 2026” v1.2.0，经由 Fact Lens。',
    ]);
  });
});
