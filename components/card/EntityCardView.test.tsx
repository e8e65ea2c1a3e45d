// @vitest-environment jsdom
import axe from 'axe-core';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityCard } from '../../lib/domain/card';
import type { MatchReason } from '../../lib/domain/match-reason';
import { EntityCardView } from './EntityCardView';

// React warns unless it is told this is a test environment that wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function hostileCard(): EntityCard {
  return {
    lang: 'en',
    pack: { id: 'evil', title: HOSTILE, version: '1.0.0' },
    entity: {
      id: 'e',
      name: `Acme ${HOSTILE}`,
      kind: 'company',
      summary: HOSTILE,
      aliases: [],
      role: 'subject',
    },
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

function render(card: EntityCard, why?: MatchReason): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <EntityCardView card={card} why={why} headingId="h" summaryId="s" onOpenRelated={() => {}} />,
    ),
  );
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  return container;
}

describe('EntityCardView', () => {
  it('tags pack text in another language than the UI’s, and a fallback with its own', () => {
    // The UI is in English here (tests read the English messages); the card is in Chinese.
    const card: EntityCard = {
      ...hostileCard(),
      lang: 'zh-CN',
      pack: { id: 'p', title: '测试包', version: '1.0.0' },
      entity: {
        id: 'e',
        name: 'Seedance',
        nameLang: 'en',
        kind: 'model',
        summary: '视频生成模型。',
        aliases: [],
        role: 'subject',
      },
      propositions: [{ id: 'p', title: '发布', summary: 'Released.', summaryLang: 'en' }],
      facts: [
        {
          id: 'f',
          claim: '已发布。',
          quote: 'It shipped',
          quoteLang: 'en',
          status: 'official',
          asOf: '2026-01',
          sourceId: 's',
        },
      ],
      related: [{ entityId: 'r', name: '字节跳动', kind: 'company', relation: 'made by' }],
    };
    const container = render(card);
    const langOf = (selector: string) => container.querySelector(selector)?.getAttribute('lang');
    expect(langOf('.fl-card-entity-name')).toBeNull();
    expect(langOf('.fl-card-summary')).toBe('zh-CN');
    expect(langOf('.fl-card-pack-name [lang]')).toBe('zh-CN');
    expect(langOf('.fl-card-proposition-toggle [lang]')).toBe('zh-CN');
    expect(langOf('.fl-card-proposition-summary')).toBeNull();
    expect(langOf('.fl-card-claim')).toBe('zh-CN');
    expect(langOf('.fl-card-quote p')).toBeNull();
    expect(langOf('.fl-card-chip [lang]')).toBe('zh-CN');
    // Everything in English (the UI's language) inherits it: no lang="en" anywhere.
    expect(container.querySelectorAll('[lang="en"]')).toHaveLength(0);
  });

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

  it('says why a context entity is in the pack, and why the mention is marked on request', () => {
    const card = hostileCard();
    card.entity = {
      ...card.entity,
      name: 'Google',
      role: 'context',
      whyNamed: 'Named as a rival.',
    };
    const why: MatchReason = {
      alias: { text: 'Google', case: 'insensitive' },
      packId: 'evil',
      role: 'context',
      passing: { rule: 'about-pack', subjectMentions: 4 },
    };
    const container = render(card, why);
    expect(container.querySelector('.fl-card-why-named')?.textContent).toBe('Named as a rival.');
    const button = [...container.querySelectorAll('button')].find(
      (element) => element.textContent === 'Why is this marked?',
    );
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.fl-card-why-lines')?.hasAttribute('hidden')).toBe(true);
    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    const lines = [...container.querySelectorAll('.fl-card-why-lines li')].map(
      (li) => li.textContent,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('names the pack’s subjects 4 times');
  });

  it('has no "Why" without a mention (the popup) and no pack line on a subject', () => {
    const container = render(hostileCard());
    expect(container.textContent).not.toContain('Why is this marked?');
    expect(container.querySelector('.fl-card-why-named')).toBeNull();
  });
});
