/**
 * Measures the matcher in Node: `npx tsx lib/engine/matcher/measure.ts [pagesDir]`.
 * Not a test (timings are not asserted); the project benchmark measures in Chromium.
 * Reports medians of several runs, in CPU milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AliasSpec } from '../types';
import { compileMatcher } from './compile';
import { foldAllUnits } from './fold';
import { Matcher } from './matcher';
import { syntheticAliases } from './synthetic';

const pagesDir = process.argv[2] ?? resolve(import.meta.dirname, '../../../../shared/pages');
const seedPack = resolve(import.meta.dirname, '../../../seeds/bytedance-ai-2026.pack.json');

/**
 * Median process CPU time of `runs` runs, in ms. CPU time rather than wall time because the
 * shared 2-core machine is often busy with other work, which inflates wall time arbitrarily.
 */
function median(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Crude tag stripping; flattened, as text read from the DOM is (not a rope of replacements). */
function pageText(file: string, times: number): string {
  const text = readFileSync(join(pagesDir, file), 'utf8')
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#?\w+;/g, ' ')
    .repeat(times);
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function seedAliases(): AliasSpec[] {
  const pack = JSON.parse(readFileSync(seedPack, 'utf8')) as {
    id: string;
    entities: { id: string; kind: AliasSpec['entityKind']; aliases: Omit<AliasSpec, 'packId'>[] }[];
  };
  return pack.entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      text: alias.text,
      case: alias.case,
      context: alias.context,
      packId: pack.id,
      entityId: entity.id,
      entityKind: entity.kind,
    })),
  );
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

// Must run first, before anything fills the fold cache lazily.
console.log(`fold table, all 65,536 units eagerly: ${fmt(median(1, foldAllUnits))} ms CPU`);

const english = pageText('wikipedia-2.html', 2);
const chinese = pageText('qq.html', 40);

/** A worst case for hits: the pages' own most frequent words and Han bigrams as aliases. */
function frequentTerms(count: number): AliasSpec[] {
  const tally = new Map<string, number>();
  const add = (term: string): void => void tally.set(term, (tally.get(term) ?? 0) + 1);
  for (const [word] of english.matchAll(/\p{L}{4,}/gu)) add(word);
  for (const [run] of chinese.matchAll(/\p{scx=Han}{2,}/gu)) {
    for (let i = 0; i + 2 <= run.length; i++) add(run.slice(i, i + 2));
  }
  return [...tally]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([text], i) => ({
      text,
      case: 'insensitive',
      packId: 'words',
      entityId: `w${i}`,
      entityKind: 'concept',
    }));
}

const sets: [string, AliasSpec[]][] = [
  ['seed pack', seedAliases()],
  ['synthetic 10k', syntheticAliases(10_000, { seed: 1 })],
  ['synthetic 100k', syntheticAliases(100_000, { seed: 1 })],
  ['frequent page words 2k', frequentTerms(2_000)],
];
const texts: [string, string][] = [
  [`English (wikipedia-2 ×2, ${fmt(english.length / 1e6, 2)} M chars)`, english],
  [`Chinese (qq ×40, ${fmt(chinese.length / 1e6, 2)} M chars)`, chinese],
];

/** The floor: reading every code unit once, as any scan must. */
function sumUnits(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

const floors = new Map<string, number>();
for (const [label, text] of texts) {
  let sum = 0;
  const floor = median(9, () => (sum = sumUnits(text)));
  floors.set(label, floor);
  console.log(`${label}: charCodeAt loop ${fmt(floor, 2)} ms [checksum ${sum}]`);
}

for (const [name, aliases] of sets) {
  const cold = median(1, () => compileMatcher(aliases, name));
  const warm = median(5, () => compileMatcher(aliases, name));
  const compiled = compileMatcher(aliases, name);
  const json = JSON.stringify(compiled);
  const tables = Object.values(compiled.tables).reduce((sum, table) => sum + table.length, 0);
  const states = Matcher.fromCompiled(compiled);
  const parsed = JSON.parse(json) as typeof compiled;
  const load = median(5, () => Matcher.fromCompiled(parsed));
  console.log(
    `${name}: ${aliases.length} aliases; compile ${fmt(cold)} ms cold, ${fmt(warm)} ms warm; ` +
      `JSON ${fmt(json.length / 1e6, 2)} MB (tables ${fmt(tables / 1e6, 2)} MB); load ${fmt(load, 2)} ms`,
  );
  for (const [label, text] of texts) {
    let hits = 0;
    const time = median(5, () => {
      hits = states.scan(text).candidates.length;
    });
    console.log(
      `  scan ${label}: ${fmt(time)} ms, ${fmt(text.length / time / 1e3)} M chars/s, ` +
        `${fmt(time / (floors.get(label) ?? 1))}× the loop, ${hits} candidates`,
    );
  }
}
