import type {
  EntityKind,
  FactPack,
  LocalizedText,
  FactStatus,
  PackAlias,
  PackEntity,
  PackFact,
  PackProposition,
  PackSource,
} from '../../lib/pack/schema';
import { Random } from './prng';

/**
 * A deterministic, schema-valid pack of any size, for the search benchmark (DESIGN.md: "Popup
 * search under 10 ms per keystroke over 10,000 entities and 50,000 facts"). Not bundled.
 *
 * Made to be harder than a real pack, not prettier:
 * - pinyin person names from a small pool, so many share a surname or given name with seed
 *   people ("Wu Yongjie" next to "Wu Yonghui") and typo queries have close neighbours;
 * - model families sharing long prefixes ("Velora Coder 1" … "Velora Coder 12");
 * - a quarter of entities Chinese-named, and Chinese aliases on many others, from a small
 *   pool of Han characters, so CJK bigrams have long posting lists;
 * - claims and quotes from one shared vocabulary (with "DAU", "ARR", figures), so common
 *   words and prefixes match thousands of documents.
 */

export interface SyntheticPackSize {
  entities: number;
  facts: number;
  sources: number;
  propositions: number;
}

export const LARGE_PACK: SyntheticPackSize = {
  entities: 10_000,
  facts: 50_000,
  sources: 1_000,
  propositions: 200,
};

const SURNAMES = ['Wu', 'Zhou', 'Li', 'Wang', 'Zhang', 'Chen', 'Liu', 'Yang', 'Huang', 'Zhao'];
const GIVEN = (
  'yong hui chang hang wen qian hao qi ding kun jie ming hua wei jun qiang lei yang ' +
  'tao ping gang fang xin yu'
).split(' ');
const HAN_SURNAMES = '吴周李王张陈刘杨黄赵';
const HAN_GIVEN = '永辉畅航文谦浩琪鼎坤杰明华伟军强磊洋勇艳娜静敏丽涛超平刚桂英芳欣宇';
const HAN_POOL =
  '字节跳动豆包火山引擎智谱月之暗面深度求索商汤科技模型视频生成大语言人工能力编程助手云计算数据中心芯片机器学习网络搜索平台开放实验室研究院团队产品发布公司集团国际';
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'shi', 'an', 'el', 'dor', 'qu', 'zen'];
const SERIES = ['Model', 'Pro', 'Edition', 'Vision', 'Coder', 'Chat', 'Lite', 'Max'];
const KINDS: readonly EntityKind[] = ['company', 'product', 'model', 'team', 'concept'];
const STATUSES: readonly FactStatus[] = ['unnamed-sources', 'official', 'disclosed', 'target'];
const PUBLISHERS = ['Harbour Daily', 'Tech Ledger', 'Valley Wire', '界面新闻', '36Kr', 'Data Desk'];
const WORDS = (
  'the of and to in a is that for it as was with by on not this are from at which have an ' +
  'has will more time year people new about over after market model team product research ' +
  'company said growth users video coding office world data training release budget engineer ' +
  'quarter plan report figure source early later across within between during million ' +
  'billion percent daily active launch version update system network service platform mobile ' +
  'public private internal revenue subscription overseas enterprise chatbot assistant ' +
  'strategy evaluation inference generation dynamic leadership hiring valuation'
).split(' ');
const METRICS = ['DAU', 'MAU', 'ARR', 'revenue', 'downloads', 'valuation'];

interface Generator {
  random: Random;
  names: string[];
}

/**
 * Alias texts already taken, lowercased: a pack may not give two entities the same alias
 * (`references.ts`), and the small pools here repeat often.
 */
class AliasTexts {
  private readonly used = new Set<string>();

  claim(text: string): boolean {
    const key = text.toLowerCase();
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }

  /** `make()` until it gives a free text; a numbered variant after a few tries. */
  unique(make: () => string): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const text = make();
      if (this.claim(text)) return text;
    }
    for (let n = 2; ; n++) {
      const text = `${make()} ${n}`;
      if (this.claim(text)) return text;
    }
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function pseudoWord(random: Random, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
  return capitalize(word);
}

function han(random: Random, pool: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pool.charAt(random.int(0, pool.length - 1));
  return text;
}

function words(random: Random, min: number, max: number): string {
  const out: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) out.push(random.pick(WORDS));
  return out.join(' ');
}

function alias(text: string, lang: string): PackAlias {
  return { text, lang, case: 'insensitive' };
}

function personName(random: Random): string {
  const syllables = random.chance(0.3) ? 3 : 2;
  let given = '';
  for (let i = 0; i < syllables; i++) given += random.pick(GIVEN);
  return `${random.pick(SURNAMES)} ${capitalize(given)}`;
}

interface Family {
  name: string;
  member: number;
}

/** The next member of the current family ("Kaloven Coder 12"), now and then a new family. */
function familyMember(random: Random, family: Family, taken: AliasTexts): string {
  for (;;) {
    if (family.name === '' || random.chance(0.1)) {
      family.name = `${pseudoWord(random, 2)} ${random.pick(SERIES)}`;
      family.member = 0;
    }
    const name = `${family.name} ${++family.member}`;
    if (taken.claim(name)) return name;
    family.name = '';
  }
}

/** Person, model family member or Chinese-named company: name, kind, aliases. */
function entityNames(random: Random, family: Family, taken: AliasTexts) {
  const roll = random.float();
  if (roll < 0.4) {
    const name = taken.unique(() => personName(random));
    const aliases = [alias(name, 'en')];
    if (random.chance(0.5)) {
      const chinese = () => han(random, HAN_SURNAMES, 1) + han(random, HAN_GIVEN, 2);
      aliases.push(alias(taken.unique(chinese), 'zh'));
    }
    return { name, kind: 'person' as const, aliases };
  }
  if (roll < 0.75) {
    const name = familyMember(random, family, taken);
    const aliases = [alias(name, 'en')];
    if (random.chance(0.3)) {
      aliases.push(
        alias(
          taken.unique(() => han(random, HAN_POOL, random.int(2, 4))),
          'zh',
        ),
      );
    }
    return { name, kind: random.pick(KINDS), aliases };
  }
  const name = taken.unique(() => han(random, HAN_POOL, random.int(2, 4)));
  const latin = taken.unique(
    () => `${pseudoWord(random, random.int(2, 3))} ${random.pick(['AI', 'Labs', 'Tech', 'Group'])}`,
  );
  return { name, kind: random.pick(KINDS), aliases: [alias(name, 'zh'), alias(latin, 'en')] };
}

function sentence(gen: Generator, min: number, max: number): string {
  const { random } = gen;
  const parts = [words(random, min, max)];
  parts.splice(random.int(0, 1), 0, random.pick(gen.names));
  if (random.chance(0.2)) {
    parts.push(`${random.pick(METRICS)} reached ${random.int(2, 900)} million`);
  }
  const text = parts.join(' ');
  return `${capitalize(text)}.`;
}

function chineseSentence(gen: Generator): string {
  const { random } = gen;
  return `${han(random, HAN_POOL, random.int(4, 10))}${random.pick(gen.names)}${han(random, HAN_POOL, random.int(4, 12))}。`;
}

function sources(gen: Generator, count: number): PackSource[] {
  const { random } = gen;
  return Array.from({ length: count }, (_, i) => ({
    id: `s-${i}`,
    title: `${capitalize(words(random, 3, 8))} on ${random.pick(gen.names)}`,
    publisher: random.pick(PUBLISHERS),
    authors: random.chance(0.6)
      ? [`${random.pick(SURNAMES)} ${capitalize(random.pick(GIVEN))}`]
      : [],
    editors: [],
    kind: 'news-report',
  }));
}

function facts(gen: Generator, size: SyntheticPackSize): PackFact[] {
  const { random } = gen;
  return Array.from({ length: size.facts }, (_, i) => {
    const subjects = new Set<string>();
    for (let n = random.int(1, 3); n > 0; n--)
      subjects.add(`e-${random.int(0, size.entities - 1)}`);
    const fact: PackFact = {
      id: `f-${i}`,
      subjectIds: [...subjects],
      claim: sentence(gen, 8, 20),
      quote: random.chance(0.25) ? chineseSentence(gen) : sentence(gen, 6, 14),
      sourceId: `s-${random.int(0, size.sources - 1)}`,
      status: random.pick(STATUSES),
      asOf: `${random.int(2020, 2026)}-0${random.int(1, 9)}`,
    };
    if (size.propositions > 0 && random.chance(0.5)) {
      fact.propositionId = `p-${random.int(0, size.propositions - 1)}`;
    }
    return fact;
  });
}

function propositions(gen: Generator, size: SyntheticPackSize): PackProposition[] {
  const { random } = gen;
  return Array.from({ length: size.propositions }, (_, i) => ({
    id: `p-${i}`,
    title: capitalize(words(random, 4, 9)),
    summary: `${sentence(gen, 15, 30)} ${sentence(gen, 10, 20)}`,
    entityIds: [`e-${random.int(0, size.entities - 1)}`],
  }));
}

export interface SyntheticPackOptions {
  /**
   * Format 2 with every summary, proposition, claim and Chinese-aliased name also in `zh-CN`
   * (issue 15: search in every language a pack carries). Drawn from a second random stream,
   * so the English content is the same with or without it.
   */
  chinese?: boolean;
}

/** The pack's texts also in Chinese: `zh-CN` beside each English text (see `chinese`). */
function addChinese(pack: FactPack, seed: number, names: string[]): FactPack {
  const gen: Generator = { random: new Random(seed + 0x5eed), names };
  const zh = (en: LocalizedText, chinese: string) => ({
    en: typeof en === 'string' ? en : (en.en ?? ''),
    'zh-CN': chinese,
  });
  const { random } = gen;
  return {
    ...pack,
    format: 2,
    title: zh(pack.title, `合成事实包${seed}`),
    description: zh(pack.description, '为搜索基准测试生成。'),
    propositions: pack.propositions.map((proposition) => ({
      ...proposition,
      title: zh(proposition.title, han(random, HAN_POOL, random.int(4, 10))),
      summary: zh(proposition.summary, chineseSentence(gen) + chineseSentence(gen)),
    })),
    entities: pack.entities.map((entity) => {
      const chinese = entity.aliases.find((alias) => alias.lang === 'zh')?.text;
      const name =
        chinese === undefined || chinese === entity.name ? entity.name : zh(entity.name, chinese);
      return { ...entity, name, summary: zh(entity.summary, chineseSentence(gen)) };
    }),
    facts: pack.facts.map((fact) => ({ ...fact, claim: zh(fact.claim, chineseSentence(gen)) })),
  };
}

/** The same `seed`, `size` and options give the same pack, byte for byte. */
export function syntheticPack(
  seed: number,
  size: SyntheticPackSize = LARGE_PACK,
  options: SyntheticPackOptions = {},
): FactPack {
  const random = new Random(seed);
  const family: Family = { name: '', member: 0 };
  const taken = new AliasTexts();
  const made = Array.from({ length: size.entities }, () => entityNames(random, family, taken));
  const gen: Generator = { random, names: made.map(({ name }) => name) };
  const entities: PackEntity[] = made.map(({ name, kind, aliases }, i) => ({
    id: `e-${i}`,
    name,
    kind,
    role: 'subject',
    summary: sentence(gen, 12, 30),
    aliases,
    propositionIds: [],
    related: [],
  }));
  const pack: FactPack = {
    format: 1,
    id: `synthetic-${seed}`,
    version: '1.0.0',
    title: `Synthetic pack ${seed}`,
    description: 'Generated for the search benchmark.',
    language: 'en',
    publishedAt: '2026-01-01',
    publisher: { name: 'Fact Lens benchmark' },
    sources: sources(gen, size.sources),
    propositions: propositions(gen, size),
    entities,
    facts: facts(gen, size),
  };
  const result = options.chinese ? addChinese(pack, seed, gen.names) : pack;
  // Flat strings, as rows are when they come out of IndexedDB: the concatenations above are
  // ropes, which would make tokenizing look slower than it is.
  return JSON.parse(JSON.stringify(result)) as FactPack;
}
