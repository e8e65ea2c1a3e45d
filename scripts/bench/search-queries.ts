/**
 * What the search benchmark types into the index: names typed keystroke by keystroke (every
 * prefix is a query, as in the popup), typos, Chinese, and topic words, over both corpora.
 */
import { textInPackLanguage } from '../../lib/pack/localized';
import type { FactPack, PackEntity } from '../../lib/pack/schema';

/** "seed" → "s", "se", "see", "seed"; by code point, so no query ends in half a surrogate pair. */
export function keystrokes(text: string): string[] {
  const characters = [...text];
  return characters.map((_, i) => characters.slice(0, i + 1).join('')).filter((q) => q.trim());
}

/** Typed one keystroke at a time: seed-pack names in Latin and Chinese, and a two-word topic. */
const TYPED = [
  'seedance',
  'wu yonghui',
  'doubao dau',
  'claude code',
  'bytedance',
  '豆包',
  '吴永辉',
  '字节跳动',
  '火山引擎',
];

/** Entered whole (pasted, or the typo noticed at the end). */
const WHOLE = [
  'wu yonhui',
  'seedanse',
  'bytedanse',
  'volcengin',
  'zhou chnag',
  'antrhopic',
  'dau',
  'genie 3',
  'world model',
  'revenue',
  'subscription',
  'model',
  'data',
  '月之暗面',
  '智谱',
];

/**
 * A person, a model and a Chinese-named company of the generated pack, typed too, so the
 * large corpus is also searched for what it contains. Picked by position: the same names on
 * every run, since the pack is generated from a fixed seed.
 */
function generatedNames(pack: FactPack): string[] {
  const from = Math.floor(pack.entities.length / 2);
  const later = pack.entities.slice(from);
  const name = (entity: PackEntity) => textInPackLanguage(entity.name, pack.language);
  const pick = (test: (name: string) => boolean) => later.find((entity) => test(name(entity)));
  return [
    pick((name) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name)),
    pick((name) => / \d+$/.test(name)),
    pick((name) => /^\p{Script=Han}+$/u.test(name)),
  ].flatMap((entity) => (entity ? [name(entity)] : []));
}

export function searchQueries(generated: FactPack): string[] {
  const typed = [...TYPED, ...generatedNames(generated)].flatMap(keystrokes);
  return [...typed, ...WHOLE];
}
