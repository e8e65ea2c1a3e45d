import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../engine/matcher/compile';
import { Matcher } from '../engine/matcher/matcher';
import type { AliasSpec } from '../engine/types';
import { chooseText, localizedTexts, textInPackLanguage } from './localized';
import type { EntityKind, FactPack, LocalizedText, PackAlias, PackEntity } from './schema';
import { describeIssues, validatePackText } from './validate';

/**
 * The bundled seed pack is data, so it is tested like code (Dark Reader style):
 * valid, canonical formatting, no dangling references, and every quote checked
 * against the article it was written from.
 */

const PACK_PATH = fileURLToPath(
  new URL('../../seeds/bytedance-ai-2026.pack.json', import.meta.url),
);
// The article lives beside the project (../shared/seed) and is never copied into the
// repository or the pack (copyright), so the checks against it run only where it exists.
const ARTICLE_PATH = fileURLToPath(
  new URL('../../../shared/seed/000_df7323ef842e5b18.txt', import.meta.url),
);

const packText = readFileSync(PACK_PATH, 'utf8');
const validation = validatePackText(packText);
// Parsed without validation too, so the tables below still list the pack's facts
// when validation fails (the first test then reports why).
const rawPack = JSON.parse(packText) as FactPack;
/** A text of the seed pack in its own language (English): what the English checks read. */
const own = (value: LocalizedText) => textInPackLanguage(value, rawPack.language);

const articlePresent = existsSync(ARTICLE_PATH);
const article = articlePresent ? readFileSync(ARTICLE_PATH, 'utf8') : '';
if (!articlePresent) {
  console.warn(
    `seed-pack.test: ${ARTICLE_PATH} is absent, so the checks of quotes and figures ` +
      'against the source article are skipped (the article is not part of this repository).',
  );
}

function validatedSeedPack(): FactPack {
  if (!validation.ok) {
    throw new Error(`the seed pack is invalid:\n${describeIssues(validation.issues, 20)}`);
  }
  return validation.pack;
}

const fold = (text: string) => text.toLowerCase();

function entityNamed(pack: FactPack, surface: string): PackEntity | undefined {
  const key = fold(surface);
  return pack.entities.find(
    (entity) =>
      fold(own(entity.name)) === key || entity.aliases.some((alias) => fold(alias.text) === key),
  );
}

function aliasNamed(pack: FactPack, surface: string): PackAlias | undefined {
  const key = fold(surface);
  for (const entity of pack.entities) {
    const alias = entity.aliases.find((candidate) => fold(candidate.text) === key);
    if (alias) return alias;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every alias of the pack as the matcher compiler takes them (as lib/store builds them). */
function aliasSpecs(pack: FactPack): AliasSpec[] {
  return pack.entities.flatMap((entity) =>
    entity.aliases.map(({ text, case: rule, context }) => ({
      text,
      case: rule,
      ...(context ? { context } : {}),
      packId: pack.id,
      entityId: entity.id,
      entityKind: entity.kind,
    })),
  );
}

/**
 * The aliases (`entityId: "text"`) the real matcher finds in `text`, with the page's context
 * gating (lib/engine/page/mention-index.ts): a gated alias counts once any of its context
 * terms occurs anywhere in the text.
 */
function aliasesFoundIn(text: string, aliases: readonly AliasSpec[]): Set<string> {
  const matcher = Matcher.fromCompiled(compileMatcher(aliases, 'seed-pack-test'));
  const { candidates, contextHits } = matcher.scan(text);
  const seen = new Set(contextHits);
  const found = new Set<string>();
  for (const { alias } of candidates) {
    const terms = matcher.contextTermIdsOf(alias);
    if (terms.length > 0 && !terms.some((term) => seen.has(term))) continue;
    const { entityId, text: aliasText } = matcher.alias(alias);
    found.add(`${entityId}: "${aliasText}"`);
  }
  return found;
}

describe('seed pack bytedance-ai-2026', () => {
  it('validates against the format-2 schema and the cross-reference rules', () => {
    if (!validation.ok) expect.fail(describeIssues(validation.issues, 20));
    expect(validation.ok).toBe(true);
  });

  it('carries the agreed metadata', () => {
    const pack = validatedSeedPack();
    expect(rawPack.$schema).toBe('./fact-pack.schema.json');
    expect(Object.keys(rawPack)[0]).toBe('$schema');
    expect(pack).toMatchObject({
      format: 2,
      id: 'bytedance-ai-2026',
      version: '1.2.0',
      language: 'en',
      publishedAt: '2026-11-29',
      publisher: { name: 'Fact Lens' },
    });
  });

  it('is canonically formatted: JSON.stringify with 2 spaces, as prettier prints it', async () => {
    // JSON.stringify fixes key order, escapes and indentation; prettier (which checks
    // the whole tree) then keeps short arrays of strings on one line. The composition
    // is the one canonical form that both agree on.
    const stringified = `${JSON.stringify(JSON.parse(packText), null, 2)}\n`;
    const config = (await prettier.resolveConfig(PACK_PATH)) ?? {};
    const canonical = await prettier.format(stringified, { ...config, filepath: PACK_PATH });
    expect(packText).toBe(canonical);
  });

  it('has unique ids in every list', () => {
    const pack = validatedSeedPack();
    for (const list of [pack.sources, pack.propositions, pack.entities, pack.facts]) {
      const ids = list.map((item) => item.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    }
  });

  it('links propositions and entities both ways', () => {
    const pack = validatedSeedPack();
    const oneWay: string[] = [];
    for (const proposition of pack.propositions) {
      for (const entityId of proposition.entityIds) {
        const entity = pack.entities.find((candidate) => candidate.id === entityId);
        if (!entity?.propositionIds.includes(proposition.id)) {
          oneWay.push(`${proposition.id} → ${entityId}`);
        }
      }
    }
    for (const entity of pack.entities) {
      for (const propositionId of entity.propositionIds) {
        const proposition = pack.propositions.find((candidate) => candidate.id === propositionId);
        if (!proposition?.entityIds.includes(entity.id))
          oneWay.push(`${entity.id} → ${propositionId}`);
      }
    }
    expect(oneWay).toEqual([]);
  });

  it('cites every source, ships no article text and invents no URLs', () => {
    const pack = validatedSeedPack();
    const cited = new Set(pack.facts.map((fact) => fact.sourceId));
    expect(pack.sources.map((source) => source.id).filter((id) => !cited.has(id))).toEqual([]);
    for (const source of pack.sources) {
      expect(source, source.id).not.toHaveProperty('text');
      expect(source, source.id).not.toHaveProperty('url');
    }
  });

  it('takes every quote from the 36Kr article, naming it where the claim originates elsewhere', () => {
    const pack = validatedSeedPack();
    const article = pack.sources.find((source) => source.publisher.startsWith('36Kr'));
    const elsewhere = pack.facts
      .filter((fact) => (fact.quotedFrom ?? fact.sourceId) !== article?.id)
      .map((fact) => fact.id);
    expect(elsewhere).toEqual([]);
  });

  it('describes the 36Kr article as its main source', () => {
    const source = validatedSeedPack().sources.find((candidate) =>
      candidate.publisher.startsWith('36Kr'),
    );
    expect(source).toMatchObject({
      title: '36Kr Exclusive | Four Key Propositions for ByteDance AI in 2026',
      authors: ['Zhou Xinyu', 'Deng Yongyi'],
      editors: ['Zhang Yuxin', 'Yang Xuan'],
      kind: 'news-report',
      publishedAt: '2026-06',
    });
  });

  it.each([
    ['news-report', 'Jiemian News'],
    ['disclosed-figures', 'Anthropic'],
    ['third-party-data', 'third-party'],
    ['official-announcement', 'Doubao'],
  ])('has a %s source from %s', (kind, publisher) => {
    const sources = validatedSeedPack().sources.filter((source) => source.kind === kind);
    expect(sources.some((source) => fold(source.publisher).includes(fold(publisher)))).toBe(true);
  });

  describe('in English and Simplified Chinese (issue 15)', () => {
    const pack = validatedSeedPack();
    const texts = [...localizedTexts(pack)].map(([path, value]) => ({
      path: path.join('.'),
      value,
    }));
    const isName = (path: string) => path.endsWith('.name');

    it('gives every title, summary, whyNamed and claim in en and zh-CN, nothing else', () => {
      const missing = texts
        .filter(({ path, value }) => !isName(path) || typeof value !== 'string')
        .filter(
          ({ value }) =>
            typeof value === 'string' || Object.keys(value).join() !== ['en', 'zh-CN'].join(),
        );
      expect(missing.map(({ path }) => path)).toEqual([]);
    });

    it('gives a person a Chinese name only where the aliases already hold it', () => {
      const invented = pack.entities
        .filter((entity) => entity.kind === 'person' && typeof entity.name !== 'string')
        .filter((entity) => {
          const chinese = chooseText(entity.name, ['zh-CN'], pack.language).text;
          return !entity.aliases.some((alias) => alias.text === chinese);
        });
      expect(invented.map((entity) => entity.id)).toEqual([]);
    });

    // A reviewer reading both must see the same figures: every number written with digits
    // in one language is in the other (years, dates, percentages, "Seed 2.0", "GLM 5"), bar
    // the amounts Chinese writes in 万 and 亿 ("200 million" is 2亿), checked below.
    const digits = (text: string) =>
      (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, ''));
    const AMOUNTS: Record<string, string[]> = {
      '200 million': ['2亿'],
      '10 million': ['1000多万', '1000万'],
      '30 million': ['3000万'],
      '$1.32 billion': ['13.2亿美元'],
      '$1 billion': ['10亿美元'],
      '$2.5 billion': ['25亿美元'],
    };
    it.each(texts.filter(({ value }) => typeof value !== 'string'))(
      '$path keeps the same figures in both languages',
      ({ value }) => {
        let en = chooseText(value, ['en'], 'en').text;
        let zh = chooseText(value, ['zh-CN'], 'en').text;
        for (const [amount, chinese] of Object.entries(AMOUNTS)) {
          if (!en.includes(amount)) continue;
          expect(chinese.some((form) => zh.includes(form))).toBe(true);
          en = en.replaceAll(amount, '');
          for (const form of chinese) zh = zh.replaceAll(form, '');
        }
        // Days and months are words in English ("3 June"), digits in Chinese (6月3日).
        const figures = (text: string) =>
          digits(text).filter((n) => n.length === 4 || n.includes('.') || Number(n) > 31);
        expect(figures(zh).sort()).toEqual(figures(en).sort());
      },
    );
  });

  it('lists every entity name among its own aliases', () => {
    const pack = validatedSeedPack();
    const missing = pack.entities
      .filter(
        (entity) => !entity.aliases.some((alias) => fold(alias.text) === fold(own(entity.name))),
      )
      .map((entity) => entity.id);
    expect(missing).toEqual([]);
  });

  const REQUIRED_ENTITIES: [string, EntityKind][] = [
    ['Seedance 2.0', 'model'],
    ['Seedance', 'model'],
    ['Seed 2.0', 'model'],
    ['Doubao', 'product'],
    ['Dola', 'product'],
    ['Doubao Professional Edition', 'product'],
    ['Doubao-Seed-Code', 'model'],
    ['Seed-Code', 'model'],
    ['Trae', 'product'],
    ['Genie 3', 'model'],
    ['Wu Yonghui', 'person'],
    ['Zhou Chang', 'person'],
    ['Li Hang', 'person'],
    ['Wang Wenqian', 'person'],
    ['Fan Haoqi', 'person'],
    ['Hong Dingkun', 'person'],
    ['Guo Daya', 'person'],
    ['Dong Xin', 'person'],
    ['Liu Yu', 'person'],
    ['Vivix AI', 'company'],
    ['ByteDance', 'company'],
    ['Seed', 'team'],
    ['AI Lab', 'team'],
    ['Volcengine', 'organization'],
    ['Douyin', 'product'],
    ['Google', 'company'],
    ['Anthropic', 'company'],
    ['Claude Code', 'product'],
    ['OpenAI', 'company'],
    ['DeepSeek', 'company'],
    ['Zhipu', 'company'],
    ['GLM 5', 'model'],
    ['Moonshot AI', 'company'],
    ['Yuezhianmian', 'company'],
    ['K2', 'model'],
    ['Kimi K2', 'model'],
    ['SenseTime', 'company'],
    ['world model', 'concept'],
    ['world models', 'concept'],
    ['VLA', 'concept'],
    ['Visual-Language-Action', 'concept'],
    ['JEPA', 'concept'],
    ['embodied intelligence', 'concept'],
    ['dynamic generation', 'concept'],
    ['Anti-Scaling Law', 'concept'],
    ['Meta', 'company'],
    ['FAIR Lab', 'organization'],
    ['NVIDIA', 'company'],
    ['DeepMind', 'organization'],
    ['Alibaba', 'company'],
    ['Codex', 'product'],
    ['CodeX', 'product'],
    ['ChatGPT', 'product'],
    ['Claude', 'product'],
    ['Gemini', 'product'],
    ['36Kr', 'company'],
    ['Intelligent Emergence', 'organization'],
    ['Jiemian News', 'organization'],
    ['data ocean strategy', 'concept'],
    ['PPT generation', 'concept'],
    ['Seedance 2', 'model'],
  ];

  it.each(REQUIRED_ENTITIES)('recognises "%s" as a %s', (surface, kind) => {
    const entity = entityNamed(validatedSeedPack(), surface);
    expect(entity, `no entity is named or aliased "${surface}"`).toBeDefined();
    expect(entity?.kind).toBe(kind);
  });

  // The only Chinese names we are sure of (DESIGN.md); no others may be invented.
  const CHINESE_ALIASES: [string, string][] = [
    ['字节跳动', 'ByteDance'],
    ['豆包', 'Doubao'],
    ['吴永辉', 'Wu Yonghui'],
    ['周畅', 'Zhou Chang'],
    ['李航', 'Li Hang'],
    ['火山引擎', 'Volcengine'],
    ['抖音', 'Douyin'],
    ['智谱', 'Zhipu'],
    ['月之暗面', 'Moonshot AI'],
    ['深度求索', 'DeepSeek'],
    ['商汤', 'SenseTime'],
    ['36氪', '36Kr'],
    ['智能涌现', 'Intelligent Emergence'],
    ['界面新闻', 'Jiemian News'],
    // Issue 15: the forms Chinese tech media use for companies, products and concepts.
    ['字节', 'ByteDance'],
    ['谷歌', 'Google'],
    ['阿里巴巴', 'Alibaba'],
    ['阿里', 'Alibaba'],
    ['英伟达', 'NVIDIA'],
    ['世界模型', 'World model'],
    ['具身智能', 'Embodied intelligence'],
    ['动态生成', 'Dynamic generation'],
    ['豆包专业版', 'Doubao Professional Edition'],
    ['商汤科技', 'SenseTime'],
    ['视觉中国', 'Visual China'],
    ['PPT生成', 'PPT generation'],
    ['数据回流', 'Data backflow'],
  ];

  it.each(CHINESE_ALIASES)('gives %s (lang zh) to %s', (chinese, english) => {
    const entity = entityNamed(validatedSeedPack(), english);
    expect(entity && own(entity.name)).toBe(english);
    expect(entity?.aliases).toContainEqual(expect.objectContaining({ text: chinese, lang: 'zh' }));
  });

  it('has no Chinese aliases beyond the established ones', () => {
    const allowed = new Set(CHINESE_ALIASES.map(([chinese]) => chinese));
    const invented = validatedSeedPack()
      .entities.flatMap((entity) => entity.aliases)
      .filter((alias) => /\p{Script=Han}/u.test(alias.text) && !allowed.has(alias.text))
      .map((alias) => alias.text);
    expect(invented).toEqual([]);
  });

  // Each of these also names unrelated things: seed funding, meta tags, Claude Monet,
  // the Gemini sign, a codex manuscript, the K2 mountain, a genie, common Chinese
  // names, Trae Young, the Very Large Array, FAIR data principles.
  const AMBIGUOUS_ALIASES = [
    'Seed',
    'Meta',
    'Claude',
    'Gemini',
    'Codex',
    'CodeX',
    'K2',
    'Genie 3',
    'Liu Yu',
    'Dong Xin',
    'Li Hang',
    'Trae',
    'Dola',
    'AI Lab',
    'VLA',
    'JEPA',
    'FAIR',
    'FAIR Lab',
    'Seed-Code',
    'Anthropic',
    // Ordinary Chinese words as well: 字节 "byte", 阿里 (阿里山), 数据回流 in any data pipeline.
    '字节',
    '阿里',
    '数据回流',
    '豆包',
  ];

  it.each(AMBIGUOUS_ALIASES)(
    'guards the ambiguous alias "%s" with a case rule or context',
    (text) => {
      const alias = aliasNamed(validatedSeedPack(), text);
      expect(alias, `no alias "${text}"`).toBeDefined();
      expect(alias?.case === 'sensitive' || (alias?.context?.length ?? 0) > 0).toBe(true);
    },
  );

  // An ambiguous word cannot vouch for another one: "Claude" and "Gemini" as each other's
  // context would light both up on a page about Claude Monet and star signs.
  it('uses no guarded alias as a context term', () => {
    const pack = validatedSeedPack();
    const guarded = new Set(
      pack.entities.flatMap((entity) =>
        entity.aliases.filter((alias) => alias.context).map((alias) => alias.text.toLowerCase()),
      ),
    );
    const offending = pack.entities.flatMap((entity) =>
      entity.aliases.flatMap((alias) =>
        (alias.context ?? [])
          .filter((term) => guarded.has(term.toLowerCase()))
          .map((term) => `${alias.text} ← ${term}`),
      ),
    );
    expect(offending).toEqual([]);
  });

  it('leaves unambiguous names unguarded', () => {
    for (const text of ['Google', 'ByteDance', 'Doubao', 'Seedance 2.0', 'Claude Code']) {
      const alias = aliasNamed(validatedSeedPack(), text);
      expect(alias?.case, text).toBe('insensitive');
      expect(alias?.context, text).toBeUndefined();
    }
  });

  describe('against the source article', () => {
    const facts = rawPack.facts ?? [];

    it.skipIf(!articlePresent).each(facts)('quotes fact $id verbatim', ({ quote }) => {
      expect(article.includes(quote), `not in the article: ${quote}`).toBe(true);
    });

    it.skipIf(!articlePresent)(
      'lights up on its own article: guarded aliases find their context',
      () => {
        // What the article names, by the matcher's own word boundaries, whatever the case
        // and without context…
        const aliases = aliasSpecs(validatedSeedPack());
        const named = aliasesFoundIn(
          article,
          aliases.map(({ context: _context, ...alias }) => ({ ...alias, case: 'insensitive' })),
        );
        // …is lit on the page: its case rule holds and its context is there.
        const lit = aliasesFoundIn(article, aliases);
        expect(named.size).toBeGreaterThan(20);
        expect([...named].filter((alias) => !lit.has(alias))).toEqual([]);
      },
    );

    // Digits that belong to a name, not to a figure, with the reason each is exempt.
    const NAME_DIGITS: [string, string][] = [
      ['36Kr', 'name of the publisher'],
      ['Seedance 2.0', 'model name (version 2.0)'],
      ['Seed 2.0', 'model name (version 2.0)'],
      ['Genie 3', 'model name'],
      ['GLM 5', 'model name'],
      ['K2', 'model name (Kimi K2)'],
    ];

    /** Numeric tokens with attached unit letters: "2,000", "1.32", "10%", "3D". */
    function numericTokens(text: string): Set<string> {
      const tokens = text.match(/\d[\d,.]*[A-Za-z%]*/g) ?? [];
      return new Set(tokens.map((token) => token.replace(/[.,]+$/, '')));
    }

    it.skipIf(!articlePresent).each(NAME_DIGITS)(
      'exempts "%s" (%s) and finds it in the article',
      (name) => {
        expect(article.includes(name)).toBe(true);
        expect(entityNamed(validatedSeedPack(), name), `no entity for "${name}"`).toBeDefined();
      },
    );

    it.skipIf(!articlePresent)('quotes every number of the article in some fact', () => {
      // Longest names first, so "Seedance 2.0" is removed before "Seed 2.0" could be.
      const names = NAME_DIGITS.map(([name]) => name).sort((a, b) => b.length - a.length);
      const figuresOnly = names.reduce(
        (text, name) => text.replace(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'g'), ' '),
        article,
      );
      const quoted = new Set(facts.flatMap((fact) => [...numericTokens(fact.quote)]));
      const missing = [...numericTokens(figuresOnly)].filter((token) => !quoted.has(token));
      expect(
        missing,
        `numbers of the article that no quote contains: ${missing.join(', ')}`,
      ).toEqual([]);
    });

    // Figures written in words, which the digit scan above cannot see.
    const FIGURES_IN_WORDS = [
      '200 million',
      '10 million',
      '30 million',
      'tens of millions of yuan',
      'tens of billions of dollars',
      '3-4 times',
      '10% gap',
      'over 2,000 people',
      '$1.32 billion',
      '500 yuan',
      'June 3',
      '$1 billion',
      'six months',
      '$2.5 billion',
      'February 2026',
      'One year after its launch',
      'six years later',
      'a year ago',
      'April 2025',
      'August 2025',
      'November 2025',
      'May 2026',
      'second half of 2025',
      'late June',
    ];

    it.skipIf(!articlePresent).each(FIGURES_IN_WORDS)('quotes the figure "%s"', (figure) => {
      expect(article.includes(figure), 'the figure is not in the article').toBe(true);
      expect(facts.some((fact) => fact.quote.includes(figure))).toBe(true);
    });

    it.skipIf(!articlePresent)('writes claims and summaries in its own words', () => {
      // No run of 8 words of the article may reappear in our text.
      const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}'’.$%-]+/gu) ?? [];
      const articleWords = words(article);
      const runs = new Set<string>();
      for (let i = 0; i + 8 <= articleWords.length; i++) {
        runs.add(articleWords.slice(i, i + 8).join(' '));
      }
      const pack = validatedSeedPack();
      const ours = [
        ...pack.facts.map((fact) => [fact.id, own(fact.claim)] as const),
        ...pack.entities.map((entity) => [entity.id, own(entity.summary)] as const),
        ...pack.propositions.map(
          (proposition) => [proposition.id, own(proposition.summary)] as const,
        ),
        ['pack', own(pack.description)] as const,
      ];
      const copied = ours.filter(([, text]) => {
        const w = words(text);
        for (let i = 0; i + 8 <= w.length; i++)
          if (runs.has(w.slice(i, i + 8).join(' '))) return true;
        return false;
      });
      expect(copied.map(([id]) => id)).toEqual([]);
    });
  });

  it.each(rawPack.facts ?? [])('keeps fact $id short and in its own words', (fact) => {
    const { quote } = fact;
    const claim = own(fact.claim);
    expect(quote.length).toBeLessThanOrEqual(300);
    expect(claim.trim()).not.toBe(quote.trim());
    expect(claim).not.toContain(quote);
  });
});
