/**
 * Packs built to be slow to validate, within every limit of `lib/pack/limits.ts`: quotes
 * checked against a source text of the largest size (issue 14, "Bounded work"). The bench
 * times `validatePackText` on each; the budget is that any pack within the limits is
 * accepted or refused in under 3 s.
 */
import { PACK_LIMITS as L } from '../../lib/pack/limits';
import { validatePackText } from '../../lib/pack/validate';

export interface WorstCasePack {
  label: string;
  text: string;
}

function packText(sourceText: string, quotes: readonly string[]): string {
  return JSON.stringify({
    format: 1,
    id: 'worst-case',
    version: '1.0.0',
    title: 'Worst case',
    description: 'Quotes built to be slow to check.',
    language: 'en',
    publishedAt: '2026-12-01',
    publisher: { name: 'Bench' },
    sources: [{ id: 'text', title: 'Text', publisher: 'Bench', kind: 'other', text: sourceText }],
    entities: [
      {
        id: 'thing',
        name: 'Thing',
        kind: 'concept',
        summary: 'A thing.',
        aliases: [{ text: 'Thing', lang: 'en' }],
      },
    ],
    facts: quotes.map((quote, i) => ({
      id: `f${i}`,
      subjectIds: ['thing'],
      claim: 'A claim.',
      quote,
      sourceId: 'text',
      status: 'official',
      asOf: '2026',
    })),
  });
}

export function worstCasePacks(): WorstCasePack[] {
  // Issue 14's case: near misses of a repetitive text, each a full scan for `includes`.
  const flat = 'a'.repeat(L.sourceTextLength);
  const nearMisses = Array.from({ length: 3_000 }, (_, i) => `${'a'.repeat(580)}b${i}`);
  // At the limits: 100,000 quotes whose every 8-character window occurs thousands of times
  // in a periodic text, and none of which occurs.
  const periodic = `${'a'.repeat(100)}b`.repeat(Math.floor(L.sourceTextLength / 101));
  const hostile: string[] = [];
  for (let x = 0; x < 100; x++)
    for (let j = 0; j < 100; j++)
      for (let y = 0; y < L.facts / 10_000; y++)
        hostile.push(`${'a'.repeat(x)}b${'a'.repeat(j)}b${'a'.repeat(y)}`);
  return [
    { label: '3,000 near-miss quotes × 200,000-character text', text: packText(flat, nearMisses) },
    {
      label: '100,000 hostile quotes × 200,000-character periodic text',
      text: packText(periodic, hostile),
    },
  ];
}

/** Milliseconds per run of `validatePackText` on each worst-case pack, and its verdict. */
export function measureWorstCaseValidation(
  runs: number,
): { label: string; samples: number[]; outcome: string }[] {
  return worstCasePacks().map(({ label, text }) => {
    const samples: number[] = [];
    let outcome = '';
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = validatePackText(text);
      samples.push(performance.now() - start);
      outcome = result.ok ? 'accepted' : `refused: ${result.issues[0]?.message ?? ''}`;
    }
    return { label, samples, outcome };
  });
}

// `npx tsx scripts/bench/worst-case-packs.ts`: the figures alone.
if (process.argv[1]?.endsWith('worst-case-packs.ts')) {
  for (const row of measureWorstCaseValidation(3)) {
    const ms = row.samples.map((sample) => sample.toFixed(0)).join(', ');
    console.log(`${row.label}: ${ms} ms — ${row.outcome.slice(0, 90)}`);
  }
}
