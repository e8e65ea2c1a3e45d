// @vitest-environment jsdom
import axe from 'axe-core';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityCard } from '../../lib/domain/card';
import { EntityCardView } from './EntityCardView';

// React warns unless it is told this is a test environment that wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function hostileCard(): EntityCard {
  return {
    pack: { id: 'evil', title: HOSTILE, version: '1.0.0' },
    entity: { id: 'e', name: `Acme ${HOSTILE}`, kind: 'company', summary: HOSTILE, aliases: [] },
    propositions: [{ id: 'p', title: HOSTILE, summary: HOSTILE }],
    facts: [
      {
        id: 'f',
        claim: HOSTILE,
        quote: HOSTILE,
        status: 'official',
        asOf: '2026-01',
        sourceId: 's',
      },
    ],
    sources: [
      {
        id: 's',
        title: HOSTILE,
        publisher: HOSTILE,
        authors: [HOSTILE],
        // The schema refuses such links; the card must not trust that alone.
        url: 'javascript:window.__pwned=1',
        kind: 'news-report',
      },
    ],
    related: [{ entityId: 'r', name: HOSTILE, kind: 'person', relation: HOSTILE }],
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function render(card: EntityCard): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <EntityCardView card={card} headingId="h" summaryId="s" onOpenRelated={() => {}} />,
    ),
  );
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  return container;
}

describe('EntityCardView', () => {
  it('renders pack text as text: no element, script or link comes from it', () => {
    const container = render(hostileCard());
    expect(container.querySelectorAll('img, script, iframe, object, embed')).toHaveLength(0);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.querySelector('.fl-card-entity-name')?.textContent).toBe(`Acme ${HOSTILE}`);
    expect(container.querySelector('.fl-card-source-title')?.textContent).toBe(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('links http(s) sources in a new tab without an opener', () => {
    const card = hostileCard();
    card.sources = card.sources.map((source) => ({
      ...source,
      title: 'Report',
      url: 'https://example.com/r',
    }));
    const link = render(card).querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/r');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  it('says so when the pack has no facts about the entity', () => {
    const card = { ...hostileCard(), facts: [], sources: [] };
    expect(
      render(card).querySelector('section[aria-label="Facts"] .fl-muted')?.textContent,
    ).toContain('no facts');
  });

  it('has no serious or critical accessibility violations', async () => {
    const container = render(hostileCard());
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => v.id)).toEqual([]);
  });
});
