import type { EntityKind } from '../../lib/pack/schema';
import type { AliasSpec } from '../../lib/engine/types';
import { mulberry32 } from './prng';

/**
 * Deterministic generated aliases for benchmarks and size measurements: large packs we
 * do not have yet. The mix is meant to be harder than real packs, not prettier:
 * - a quarter CJK (2–4 Han characters, many sharing a first character),
 * - families sharing long prefixes ("Velora Model 1", "Velora Model 12", ...),
 * - two-word names from pseudo-syllables, so most Latin letters start some alias,
 * - ~10% case-sensitive, ~5% gated by context terms (from a small shared pool).
 */

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'shi',
  'an',
  'el',
  'dor',
  'qu',
  'zen',
  'bel',
  'ix',
  'no',
  'vi',
  'sa',
  'te',
  'gra',
  'phe',
  'lu',
  'mar',
  'co',
  'den',
  'ha',
  'jo',
  'wu',
  'yon',
];
const HAN =
  '字节跳动豆包火山引擎智谱月之暗面深度求索商汤科技模型视频生成大语言人工能力编程助手云计算数据中心芯片机器学习网络搜索平台开放实验室研究院团队产品发布公司集团国际';
const SERIES = ['Model', 'Pro', 'Edition', 'Vision', 'Coder', 'Chat', 'Lite', 'Max'];
const KINDS: readonly EntityKind[] = ['person', 'company', 'product', 'model', 'team', 'concept'];
const CONTEXT_POOL = ['AI', 'model', 'ByteDance', '人工智能', 'chatbot', 'video', '大模型', 'LLM'];

export function syntheticAliases(count: number, { seed }: { seed: number }): AliasSpec[] {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = (syllables: number): string => {
    let text = '';
    for (let i = 0; i < syllables; i++) text += pick(SYLLABLES);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const han = (length: number): string => {
    let text = '';
    for (let i = 0; i < length; i++) text += HAN.charAt(Math.floor(next() * HAN.length));
    return text;
  };

  const aliases: AliasSpec[] = [];
  let family = '';
  let member = 0;
  for (let i = 0; i < count; i++) {
    const roll = next();
    let text: string;
    if (roll < 0.25) {
      text = han(2 + Math.floor(next() * 3));
    } else if (roll < 0.6) {
      // Start a new family now and then; members number 1, 2, ..., 12, ... so that many
      // aliases are prefixes of others.
      if (family === '' || next() < 0.1) {
        family = `${word(2)} ${pick(SERIES)}`;
        member = 0;
      }
      text = `${family} ${++member}`;
    } else {
      text = `${word(1 + Math.floor(next() * 2))} ${word(2)}`;
    }
    const alias: AliasSpec = {
      text,
      case: next() < 0.1 ? 'sensitive' : 'insensitive',
      packId: 'synthetic',
      entityId: `entity-${i}`,
      entityKind: pick(KINDS),
    };
    if (next() < 0.05) alias.context = [pick(CONTEXT_POOL), pick(CONTEXT_POOL)];
    aliases.push(alias);
  }
  // Flat strings, as aliases are when they come out of IndexedDB or a message: the
  // concatenations above are ropes, which would make string work look slower than it is.
  return JSON.parse(JSON.stringify(aliases)) as AliasSpec[];
}
