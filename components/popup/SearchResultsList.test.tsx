// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchResults } from '../../lib/search/search-index';
import { click, render, unmountAll } from '../../tests/support/options-app';
import { flattenResults, hitId, SearchResultsList } from './SearchResultsList';

afterEach(unmountAll);

function hit(kind: SearchHit['kind'], id: string, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind,
    packId: 'p',
    id,
    title: id,
    snippet: '',
    score: 1,
    exact: false,
    titleRanges: [],
    snippetRanges: [],
    opens: kind === 'entity' ? { packId: 'p', entityId: id } : null,
    ...overrides,
  };
}

function results(overrides: Partial<SearchResults> = {}): SearchResults {
  const entities = overrides.entities ?? [];
  const propositions = overrides.propositions ?? [];
  const facts = overrides.facts ?? [];
  const sources = overrides.sources ?? [];
  return {
    entities,
    propositions,
    facts,
    sources,
    totals: {
      entity: entities.length,
      proposition: propositions.length,
      fact: facts.length,
      source: sources.length,
    },
    namesOnly: false,
    ...overrides,
  };
}

const DOUBAO = hit('entity', 'doubao', {
  title: 'Doubao',
  titleRanges: [{ start: 0, end: 3 }],
  snippet: 'ByteDance’s assistant, 豆包',
  snippetRanges: [{ start: 23, end: 25 }],
  entityKind: 'product',
});
const FACT = hit('fact', 'f1', { title: 'Doubao passed 100 M users', snippet: '“quoted”' });
const SOURCE = hit('source', 's1', { title: '36Kr report' });

function renderList(shown: SearchResults, activeId: string | null = null) {
  const onOpen = vi.fn();
  const onHover = vi.fn();
  const container = render(
    <SearchResultsList results={shown} activeId={activeId} onOpen={onOpen} onHover={onHover} />,
  );
  const option = (title: string) => {
    const found = [...container.querySelectorAll('[role="option"]')].find((candidate) =>
      candidate.textContent?.startsWith(title),
    );
    if (!(found instanceof HTMLElement)) throw new Error(`no option "${title}"`);
    return found;
  };
  return { container, onOpen, onHover, option };
}

describe('SearchResultsList', () => {
  it('tags a title in another language than the UI’s (English here) with it', () => {
    const { option } = renderList(
      results({
        entities: [
          hit('entity', 'doubao', { title: '豆包', titleLang: 'zh-CN' }),
          hit('entity', 'seedance', { title: 'Seedance', titleLang: 'en' }),
        ],
        sources: [SOURCE],
      }),
    );
    const langOf = (title: string) =>
      option(title).querySelector('.fl-popup-result-title > span')?.getAttribute('lang');
    expect([langOf('豆包'), langOf('Seedance'), langOf('36Kr report')]).toEqual([
      'zh-CN',
      null,
      null,
    ]);
  });

  it('groups hits by kind, in the order arrow keys walk them, under one listbox', () => {
    const shown = results({ entities: [DOUBAO], facts: [FACT], sources: [SOURCE] });
    const { container } = renderList(shown);
    const listbox = container.querySelector('[role="listbox"]');
    expect(listbox?.id).toBe('search-results');
    const groups = [...container.querySelectorAll('[role="group"]')].map((group) => ({
      label: group.getAttribute('aria-label'),
      options: [...group.querySelectorAll('[role="option"]')].map((option) => option.id),
    }));
    // Empty groups are left out.
    expect(groups).toEqual([
      { label: 'Entities', options: [hitId(DOUBAO)] },
      { label: 'Facts', options: [hitId(FACT)] },
      { label: 'Sources', options: [hitId(SOURCE)] },
    ]);
    expect(flattenResults(shown)).toEqual([DOUBAO, FACT, SOURCE]);
  });

  it('marks the matched parts of titles and snippets, and the entity’s kind', () => {
    const { option } = renderList(results({ entities: [DOUBAO] }));
    const doubao = option('Doubao');
    expect([...doubao.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Dou',
      '豆包',
    ]);
    expect(doubao.textContent).toBe('DoubaoProductByteDance’s assistant, 豆包');
  });

  it('renders pack text as text, never as HTML', () => {
    const hostile = hit('fact', 'x', {
      title: '<img src=x onerror="alert(1)">',
      snippet: '<b>bold</b>',
    });
    const { container } = renderList(results({ facts: [hostile] }));
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('selects the active option only', () => {
    const { option } = renderList(results({ entities: [DOUBAO], facts: [FACT] }), hitId(FACT));
    expect(option('Doubao').getAttribute('aria-selected')).toBe('false');
    expect(option('Doubao passed').getAttribute('aria-selected')).toBe('true');
  });

  it('opens a hit on click and makes it active when the pointer moves over it', async () => {
    const { option, onOpen, onHover } = renderList(results({ entities: [DOUBAO], facts: [FACT] }));
    await click(option('Doubao passed'));
    expect(onOpen).toHaveBeenCalledWith(FACT);
    act(() => {
      option('Doubao').dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    });
    expect(onHover).toHaveBeenCalledWith(DOUBAO);
  });

  it('says how many more of a kind matched than are shown', () => {
    const shown = results({ facts: [FACT] });
    shown.totals.fact = 41;
    const { container } = renderList(shown);
    expect(container.textContent).toContain('and 40 more');
    unmountAll();
    expect(renderList(results({ facts: [FACT] })).container.textContent).not.toContain('more');
  });
});
