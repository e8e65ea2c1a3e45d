/**
 * What the hover-latency section hovers, and in what order: pure data and arithmetic, so the
 * plan and the figures can be unit-tested without a browser.
 */
import { percentile } from './stats';

/** A paragraph injected at the top of the article; `lang` matters for the CJK one. */
export interface MentionParagraph {
  id: string;
  lang: 'en' | 'zh';
  text: string;
}

/** One place to hover: the first occurrence of `text` in paragraph `paragraph`. */
export interface HoverTarget {
  paragraph: string;
  text: string;
  /** The entity's name, as the card's heading shows it (豆包's card is "Doubao"). */
  entity: string;
}

/*
 * Our own sentences. Several aliases in the seed pack are context-gated (Dola, Genie 3,
 * Wu Yonghui, 豆包), so each paragraph also names a context term (ByteDance, DeepMind, AI).
 */
export const MENTION_PARAGRAPHS: readonly MentionParagraph[] = [
  {
    id: 'fact-lens-bench-p1',
    lang: 'en',
    text:
      'ByteDance ships its Doubao assistant to a very large audience at home, and abroad ' +
      'the same chatbot goes by the name Dola.',
  },
  {
    id: 'fact-lens-bench-p2',
    lang: 'en',
    text:
      'The video model Seedance 2.0 is served from Volcengine, the cloud business that ' +
      'ByteDance also uses to sell its models to companies.',
  },
  {
    id: 'fact-lens-bench-p3',
    lang: 'en',
    text:
      'Wu Yonghui spent many years at Google before he moved to ByteDance to lead its ' +
      'research on foundation models.',
  },
  {
    id: 'fact-lens-bench-p4',
    lang: 'en',
    text:
      'Reviewers keep comparing it with Genie 3, the world model from DeepMind that turns ' +
      'a prompt into a scene one can walk through.',
  },
  {
    id: 'fact-lens-bench-p5',
    lang: 'zh',
    text: '字节跳动的豆包是用户最多的 AI 助手之一，它的算力来自火山引擎。',
  },
];

/**
 * Hovered in this order, round and round: eight entities, two of them (Doubao, Volcengine)
 * reached again through a second alias and anchor, so later rounds mix anchors as a reader
 * moving around the page would.
 */
export const HOVER_TARGETS: readonly HoverTarget[] = [
  { paragraph: 'fact-lens-bench-p1', text: 'Doubao', entity: 'Doubao' },
  { paragraph: 'fact-lens-bench-p2', text: 'Seedance 2.0', entity: 'Seedance 2.0' },
  { paragraph: 'fact-lens-bench-p3', text: 'Wu Yonghui', entity: 'Wu Yonghui' },
  { paragraph: 'fact-lens-bench-p4', text: 'Genie 3', entity: 'Genie 3' },
  { paragraph: 'fact-lens-bench-p1', text: 'Dola', entity: 'Dola' },
  { paragraph: 'fact-lens-bench-p2', text: 'Volcengine', entity: 'Volcengine' },
  { paragraph: 'fact-lens-bench-p5', text: '豆包', entity: 'Doubao' },
  { paragraph: 'fact-lens-bench-p4', text: 'DeepMind', entity: 'Google DeepMind' },
  { paragraph: 'fact-lens-bench-p5', text: '火山引擎', entity: 'Volcengine' },
  { paragraph: 'fact-lens-bench-p3', text: 'ByteDance', entity: 'ByteDance' },
];

export interface PlannedHover {
  target: HoverTarget;
  /**
   * The first hover of this entity on the page. The content script caches card data per
   * entity for the page's life, so this one asks the background and later ones do not.
   */
  firstOfEntity: boolean;
}

/** `count` hovers cycling through `targets` in order. */
export function planHovers(targets: readonly HoverTarget[], count: number): PlannedHover[] {
  if (targets.length === 0) return [];
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const target = targets[i % targets.length] as HoverTarget;
    const firstOfEntity = !seen.has(target.entity);
    seen.add(target.entity);
    return { target, firstOfEntity };
  });
}

export interface LatencySummary {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    runs: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}
