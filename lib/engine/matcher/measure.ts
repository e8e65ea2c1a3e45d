/**
 * Measures the matcher in Node. Not a test (nothing is asserted); the project benchmark
 * measures in Chromium.
 *
 *   npx tsx lib/engine/matcher/measure.ts            compile, size, load, scan rates
 *   npx tsx lib/engine/matcher/measure.ts --cold N   one compile of N synthetic aliases in
 *                                                    this fresh process (JIT cold, caches empty)
 *
 * Times are the best of several runs (wall clock): the shared 2-core machine is often busy,
 * and the minimum is the run least disturbed by other processes. Scan rates are also given
 * as a ratio to the bare `charCodeAt` loop over the same text, measured alongside.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AliasSpec } from '../types';
import { compileMatcher } from './compile';
import { foldAllUnits } from './fold';
import { Matcher } from './matcher';
import { syntheticAliases } from './synthetic';

const PAGES = resolve(import.meta.dirname, '../../../../shared/pages');
const SEED_PACK = resolve(import.meta.dirname, '../../../seeds/bytedance-ai-2026.pack.json');

function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

/** Crude tag stripping; flattened, as text read from the DOM is (not a rope of replacements). */
function pageText(file: string, times: number): string {
  const text = readFileSync(resolve(PAGES, file), 'utf8')
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#?\w+;/g, ' ')
    .repeat(times);
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function seedAliases(): AliasSpec[] {
  const pack = JSON.parse(readFileSync(SEED_PACK, 'utf8')) as {
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

/** A worst case for hits: the pages' own most frequent words and Han bigrams as aliases. */
function frequentTerms(count: number, english: string, chinese: string): AliasSpec[] {
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

function sumUnits(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

function measureCold(count: number): void {
  const aliases = syntheticAliases(count, { seed: 1 });
  const compile = best(1, () => compileMatcher(aliases, 'cold'));
  const compiled = compileMatcher(aliases, 'cold');
  const load = best(1, () => Matcher.fromCompiled(compiled));
  console.log(`${count} aliases, cold: compile ${fmt(compile)} ms, load ${fmt(load)} ms`);
}

function measureAll(): void {
  // First, before anything fills the lazy caches.
  console.log(`fold table filled eagerly (all 65,536 units): ${fmt(best(1, foldAllUnits))} ms`);

  const english = pageText('wikipedia-2.html', 2);
  const chinese = pageText('qq.html', 40);
  const texts: [string, string][] = [
    [`English ${fmt(english.length / 1e6, 2)} M units`, english],
    [`Chinese ${fmt(chinese.length / 1e6, 2)} M units`, chinese],
  ];
  const sets: [string, AliasSpec[]][] = [
    ['seed pack', seedAliases()],
    ['synthetic 10k', syntheticAliases(10_000, { seed: 1 })],
    ['synthetic 100k', syntheticAliases(100_000, { seed: 1 })],
    ['frequent page words 2k', frequentTerms(2_000, english, chinese)],
  ];

  // The floor is measured alongside each scan (interleaved runs), so both see the same
  // machine; here only warmed up on both texts.
  for (let i = 0; i < 20; i++) for (const [, text] of texts) sumUnits(text);

  for (const [name, aliases] of sets) {
    const compile = best(5, () => compileMatcher(aliases, name));
    const compiled = compileMatcher(aliases, name);
    const json = JSON.stringify(compiled);
    const tables = Object.values(compiled.tables).reduce((sum, table) => sum + table.length, 0);
    const parsed = JSON.parse(json) as typeof compiled;
    const load = best(5, () => Matcher.fromCompiled(parsed));
    console.log(
      `${name}: ${aliases.length} aliases; compile ${fmt(compile)} ms (warm); ` +
        `JSON ${fmt(json.length / 1e6, 2)} MB, of which tables ${fmt(tables / 1e6, 2)} MB; ` +
        `load ${fmt(load, 2)} ms`,
    );
    const matcher = Matcher.fromCompiled(parsed);
    // Warm up on both scripts: the first hits and the first CJK text deoptimise `scan`
    // once; a page reaches that steady state within its first blocks.
    for (let i = 0; i < 10; i++) for (const [, text] of texts) matcher.scan(text);
    for (const [label, text] of texts) {
      const hits = matcher.scan(text).candidates.length;
      let scan = Infinity;
      let floor = Infinity;
      for (let i = 0; i < 30; i++) {
        scan = Math.min(
          scan,
          best(1, () => matcher.scan(text)),
        );
        floor = Math.min(
          floor,
          best(1, () => sumUnits(text)),
        );
      }
      console.log(
        `  scan ${label}: ${fmt(scan, 2)} ms = ${fmt(text.length / scan / 1e3, 0)} M units/s; ` +
          `charCodeAt loop ${fmt(floor, 2)} ms; ratio ${fmt(scan / floor)}; ${hits} candidates`,
      );
    }
  }
}

const cold = process.argv.indexOf('--cold');
if (cold >= 0) measureCold(Number(process.argv[cold + 1] ?? 10_000));
else measureAll();
