import { describe, expect, it } from 'vitest';
import type { HoverTarget } from './hover-plan';
import { HOVER_TARGETS, MENTION_PARAGRAPHS, planHovers, summarize } from './hover-plan';

const target = (text: string, entity = text): HoverTarget => ({ paragraph: 'p', text, entity });

describe('planHovers', () => {
  it('cycles through the targets and flags only the first hover of each entity', () => {
    const targets = [target('Doubao'), target('Dola'), target('豆包', 'Doubao')];
    const plan = planHovers(targets, 7);
    expect(plan.map((h) => h.target.text)).toEqual([
      'Doubao',
      'Dola',
      '豆包',
      'Doubao',
      'Dola',
      '豆包',
      'Doubao',
    ]);
    expect(plan.map((h) => h.firstOfEntity)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is empty without targets or hovers', () => {
    expect(planHovers([], 5)).toEqual([]);
    expect(planHovers([target('Doubao')], 0)).toEqual([]);
  });

  it('gives the real plan one first hover per distinct entity', () => {
    const plan = planHovers(HOVER_TARGETS, 50);
    const entities = new Set(HOVER_TARGETS.map((t) => t.entity));
    expect(plan.filter((h) => h.firstOfEntity)).toHaveLength(entities.size);
  });
});

describe('the injected text', () => {
  it('contains every target in the paragraph it is looked for in', () => {
    const byId = new Map(MENTION_PARAGRAPHS.map((p) => [p.id, p.text]));
    for (const { paragraph, text } of HOVER_TARGETS) {
      expect(byId.get(paragraph), `${text} in ${paragraph}`).toContain(text);
    }
  });

  it('has unique paragraph ids', () => {
    const ids = MENTION_PARAGRAPHS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('summarize', () => {
  it('reports count, p50, p95 and max', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ runs: 20, p50: 10.5, p95: 19.05, max: 20 });
  });

  it('is all NaN but the count for no values', () => {
    expect(summarize([])).toEqual({ runs: 0, p50: NaN, p95: NaN, max: NaN });
  });
});
