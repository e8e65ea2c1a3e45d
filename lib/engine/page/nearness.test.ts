// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  addScanned,
  aliasOf,
  matcherOf,
  NO_PAINTER,
  NOW,
} from '../../../tests/support/marked-page';
import { MentionIndex, type ContextMarking } from './mention-index';
import type { Mention } from './mentions';
import { ABOUT_PACK_MENTIONS, NEAR_CHARS, visitTextAround } from './nearness';
import {
  createRelevance,
  type ConditionalState,
  type CreateRelevance,
  type Relevance,
} from './relevance';
import { collectSegments } from './segments';

/**
 * The nearness rule (issue 18 and issue 15's local context): gated aliases need a context term
 * near them, context entities a subject of their pack near them (or a page about the pack).
 */

const ALIASES = [
  aliasOf('ByteDance', 'company'),
  aliasOf('Doubao'),
  aliasOf('Seed', 'team', { case: 'sensitive', context: ['ByteDance'] }),
  aliasOf('Google', 'company', { entityRole: 'context' }),
  aliasOf('Meta', 'company', { entityRole: 'context', case: 'sensitive', context: ['Instagram'] }),
  // Another pack's subject does not speak for this pack.
  aliasOf('Acme', 'company', { packId: 'other' }),
];
const matcher = matcherOf(ALIASES);

/** Plain text of `n` characters with no name in it. */
const filler = (n: number) => 'x'.repeat(n);
const far = filler(NEAR_CHARS + 50);
const near = filler(NEAR_CHARS - 100);

function marked(html: string, contextMarking: ContextMarking = 'near') {
  document.body.innerHTML = html;
  const index = new MentionIndex(matcher, NO_PAINTER, { contextMarking, relevance: NOW });
  const add = (root: Node) => addScanned(index, matcher, root);
  add(document.body);
  const texts = () => index.visible().map((m: Mention) => m.segment.text.slice(m.start, m.end));
  return { index, texts, add };
}

describe('gated aliases need a context term near them', () => {
  it.each<[string, string, string[]]>([
    ['in the same block', '<p>Seed, the ByteDance team</p>', ['Seed', 'ByteDance']],
    [
      'in the next block',
      `<p>Seed works</p><p>${near}</p><p>at ByteDance</p>`,
      ['Seed', 'ByteDance'],
    ],
    ['in the block before', `<p>ByteDance</p><p>${near}</p><p>Seed</p>`, ['ByteDance', 'Seed']],
    ['too far after', `<p>Seed investors</p><p>${far}</p><p>ByteDance</p>`, ['ByteDance']],
    ['too far before', `<p>ByteDance</p><p>${far}</p><p>Seed round</p>`, ['ByteDance']],
    [
      'anywhere on a page about the pack',
      `<p>Doubao ByteDance Doubao</p><p>${far}</p><p>Seed round</p>`,
      ['Doubao', 'ByteDance', 'Doubao', 'Seed'],
    ],
    [
      'not counting a script between',
      `<p>ByteDance</p><script>${far}</script><p>Seed</p>`,
      ['ByteDance', 'Seed'],
    ],
  ])('%s', (_, html, expected) => {
    expect(marked(html).texts()).toEqual(expected);
  });
});

describe('context entities need a subject of their pack near them', () => {
  it.each<[string, string, string[]]>([
    ['alone', '<p>Google Play Store</p>', []],
    ['with a subject in the block', '<p>Google and Doubao</p>', ['Google', 'Doubao']],
    ['with a subject near', `<p>Google</p><p>${near}</p><p>Doubao</p>`, ['Google', 'Doubao']],
    ['with a subject far', `<p>Google</p><p>${far}</p><p>Doubao</p>`, ['Doubao']],
    ['with another pack’s subject', '<p>Google and Acme</p>', ['Acme']],
    // A gated subject does not vouch for anything: it needs evidence itself.
    ['with only a gated alias of a subject', '<p>Google Seed</p>', []],
    ['gated: a subject but no term', '<p>Meta and Doubao</p>', ['Doubao']],
    ['gated: a subject and a term', '<p>Meta, Instagram and Doubao</p>', ['Meta', 'Doubao']],
    [
      `anywhere on a page naming subjects ${ABOUT_PACK_MENTIONS} times`,
      `<p>Google</p><p>${far}</p><p>${'Doubao. '.repeat(ABOUT_PACK_MENTIONS)}</p>`,
      ['Google', ...Array<string>(ABOUT_PACK_MENTIONS).fill('Doubao')],
    ],
    [
      `not on a page naming them ${ABOUT_PACK_MENTIONS - 1} times`,
      `<p>Google</p><p>${far}</p><p>${'Doubao. '.repeat(ABOUT_PACK_MENTIONS - 1)}</p>`,
      Array<string>(ABOUT_PACK_MENTIONS - 1).fill('Doubao'),
    ],
  ])('%s', (_, html, expected) => {
    expect(marked(html).texts()).toEqual(expected);
  });

  it('follows the reader’s choice, live: everywhere, never, near', () => {
    const page = marked(`<p>Google</p><p>${far}</p><p>Doubao, Google</p>`);
    expect(page.texts()).toEqual(['Doubao', 'Google']);
    page.index.setContextMarking('everywhere');
    expect(page.texts()).toEqual(['Google', 'Doubao', 'Google']);
    page.index.setContextMarking('never');
    expect(page.texts()).toEqual(['Doubao']);
    page.index.setContextMarking('near');
    expect(page.texts()).toEqual(['Doubao', 'Google']);
  });
});

describe('evidence that comes and goes', () => {
  it('lets a waiting mention in when a subject is added near it later', () => {
    const page = marked('<p>Google</p><p id="later"></p>');
    expect(page.texts()).toEqual([]);
    const later = document.getElementById('later') as HTMLElement;
    later.textContent = 'Doubao';
    page.add(later);
    expect(page.texts()).toEqual(['Google', 'Doubao']);
  });

  // Meta needs its term (Instagram) and a subject (Doubao): it waits for one, then the other.
  it.each([
    ['the term, then the subject', ['Instagram', 'Doubao']],
    ['the subject, then the term', ['Doubao', 'Instagram']],
  ])('lets a gated context entity in once both come: %s', (_, [first, second]) => {
    const page = marked('<p>Meta</p><p id="one"></p><p id="two"></p>');
    const addText = (id: string, text: string) => {
      const block = document.getElementById(id) as HTMLElement;
      block.textContent = text;
      page.add(block);
    };
    addText('one', first as string);
    expect(page.texts()).toEqual(first === 'Doubao' ? ['Doubao'] : []);
    addText('two', second as string);
    expect(page.texts()).toEqual(['Meta', 'Doubao']);
  });

  it('drops it again when that subject leaves the page', () => {
    const page = marked('<p>Google</p><p id="subject">Doubao</p>');
    expect(page.texts()).toEqual(['Google', 'Doubao']);
    document.getElementById('subject')?.remove();
    page.index.remove(null);
    expect(page.texts()).toEqual([]);
  });
});

describe('why a mention is marked', () => {
  const whyOf = (html: string, text: string, contextMarking: ContextMarking = 'near') =>
    marked(html, contextMarking)
      .index.visible()
      .find((m) => m.segment.text.slice(m.start, m.end) === text)?.why;

  it.each<[string, string, string, ContextMarking, unknown]>([
    ['a subject', '<p>Doubao</p>', 'Doubao', 'near', { role: 'subject' }],
    [
      'a gated alias, its term in the block after',
      '<p>Seed</p><p>ByteDance</p>',
      'Seed',
      'near',
      { role: 'subject', contextTerm: { text: 'ByteDance', side: 'after', distance: 0 } },
    ],
    [
      'a context entity, its subject before',
      '<p>Doubao</p><p>abc</p><p>Google</p>',
      'Google',
      'near',
      {
        role: 'context',
        passing: { rule: 'near-subject', subject: { text: 'Doubao', side: 'before', distance: 3 } },
      },
    ],
    [
      'a context entity on a page about the pack',
      `<p>Google</p><p>${far}</p><p>Doubao ByteDance Doubao</p>`,
      'Google',
      'near',
      { role: 'context', passing: { rule: 'about-pack', subjectMentions: 3 } },
    ],
    [
      'a context entity on a page about the pack, a subject nearby: named by the subject',
      `<p>Doubao ByteDance Doubao</p><p>Google</p>`,
      'Google',
      'near',
      {
        role: 'context',
        passing: { rule: 'near-subject', subject: { text: 'Doubao', side: 'before', distance: 0 } },
      },
    ],
    [
      'a gated alias on a page about the pack, its term nearby: named at its place',
      `<p>Seed</p><p>${near}</p><p>ByteDance Doubao Doubao</p>`,
      'Seed',
      'near',
      {
        role: 'subject',
        contextTerm: { text: 'ByteDance', side: 'after', distance: near.length },
      },
    ],
    [
      'a context entity marked everywhere',
      '<p>Google</p>',
      'Google',
      'everywhere',
      { role: 'context', passing: { rule: 'everywhere' } },
    ],
  ])('%s', (_, html, text, marking, expected) => {
    expect(whyOf(html, text, marking)).toMatchObject({
      alias: { text, case: text === 'Seed' ? 'sensitive' : 'insensitive' },
      packId: 'p',
      ...(expected as object),
    });
  });
});

describe('reasons are worked out when a card asks', () => {
  it('resolving builds none; the first read of `why` does, once, and keeps it', () => {
    document.body.innerHTML = `<p>Seed</p><p>ByteDance Doubao</p><p>Google</p><p>Doubao</p>`;
    const explained: number[] = [];
    const index = new MentionIndex(matcher, NO_PAINTER, {
      relevance: {
        create: <S extends ConditionalState>(
          ...args: Parameters<CreateRelevance>
        ): Relevance<S> => {
          const relevance = createRelevance<S>(...args);
          const explain = relevance.explain.bind(relevance);
          relevance.explain = (segment, alias) => (explained.push(alias), explain(segment, alias));
          return relevance;
        },
      },
    });
    addScanned(index, matcher, document.body);
    const mentions = index.visible();
    expect(mentions.map((m) => m.segment.text.slice(m.start, m.end))).toEqual([
      'Seed',
      'ByteDance',
      'Doubao',
      'Google',
      'Doubao',
    ]);
    expect(explained).toEqual([]);
    const google = mentions[3] as Mention;
    expect(google.why.passing?.rule).toBe('near-subject');
    expect(google.why).toBe(google.why);
    expect(explained).toHaveLength(1);
    // A subject needs no rules to explain it.
    expect((mentions[1] as Mention).why.role).toBe('subject');
    expect(explained).toHaveLength(1);
  });
});

describe('visitTextAround', () => {
  it('visits text nearest first on each side, with the characters between, within the limit', () => {
    document.body.innerHTML =
      '<p>one</p><p>two <b>three</b></p><div id="here">HERE</div><p>four</p><style>p{}</style><p>  </p><p>fivefive</p><p>six</p>';
    const { segments } = collectSegments(document.body);
    const here = segments.find((segment) => segment.text === 'HERE');
    if (!here) throw new Error('no HERE segment');
    const seen: string[] = [];
    visitTextAround(here, 10, (node, side, distance) =>
      seen.push(`${side}:${node.data}:${distance}`),
    );
    expect(seen).toEqual([
      'before:three:0',
      'before:two :5',
      'before:one:9',
      'after:four:0',
      'after:fivefive:4',
    ]);
  });
});
