// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, render, unmountAll } from '../../tests/support/options-app';
import { pageEntity } from '../../tests/support/popup-page';
import { OnThisPage } from './OnThisPage';
import type { PageTabState } from './usePageTab';

afterEach(unmountAll);

const DOUBAO = pageEntity('bytedance-ai-2026/doubao', { firstText: '豆包', count: 3 });
const GENIE = pageEntity('bytedance-ai-2026/genie-3', {
  firstText: 'Genie 3',
  kind: 'model',
  count: 1,
});

function renderFor(tab: PageTabState) {
  const reveal = vi.fn(async () => true);
  const container = render(<OnThisPage tab={tab} reveal={reveal} />);
  const item = (name: string) => {
    const found = [...container.querySelectorAll('button')].find((button) =>
      button.textContent?.startsWith(name),
    );
    if (!found) throw new Error(`no entry "${name}"`);
    return found;
  };
  return { container, reveal, item };
}

describe('OnThisPage', () => {
  it('lists the marked entities in order of first appearance, with kind and count', () => {
    const { container } = renderFor({
      status: 'ready',
      tabId: 7,
      site: 'example.com',
      entities: [DOUBAO, GENIE],
    });
    const list = container.querySelector('ul[aria-label="Entities on this page"]');
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '豆包Product3',
      'Genie 3Model1',
    ]);
    expect(list?.querySelector('[aria-label="3 mentions"]')?.textContent).toBe('3');
  });

  it('says quietly when the page names more than Fact Lens marks (issue 14)', () => {
    const tab: PageTabState = {
      status: 'ready',
      tabId: 7,
      site: 'example.com',
      entities: [DOUBAO],
    };
    expect(renderFor(tab).container.textContent).not.toContain('only the first are marked');
    const { container } = renderFor({ ...tab, capped: true });
    expect(container.textContent).toContain('only the first are marked');
  });

  it('reveals the next mention of an entity at each click, counting per entity', async () => {
    const { reveal, item } = renderFor({
      status: 'ready',
      tabId: 7,
      site: 'example.com',
      entities: [DOUBAO, GENIE],
    });
    await click(item('豆包'));
    await click(item('豆包'));
    await click(item('Genie 3'));
    await click(item('豆包'));
    expect(reveal.mock.calls).toEqual([
      [7, DOUBAO.entityKey, 0],
      [7, DOUBAO.entityKey, 1],
      [7, GENIE.entityKey, 0],
      [7, DOUBAO.entityKey, 2],
    ]);
  });

  it('says what it is waiting for, when Fact Lens is not running there, and when nothing is marked', () => {
    expect(renderFor({ status: 'loading' }).container.textContent).toBe('Looking at this page…');
    unmountAll();
    expect(renderFor({ status: 'unavailable', tabId: 7 }).container.textContent).toBe(
      'Fact Lens is not running on this page.',
    );
    unmountAll();
    const empty = renderFor({ status: 'ready', tabId: 7, site: null, entities: [] });
    expect(empty.container.textContent).toBe('Nothing from your packs is mentioned on this page.');
    expect(empty.container.querySelector('button')).toBeNull();
  });
});
