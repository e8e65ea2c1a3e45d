/**
 * The measurements behind `NEAR_CHARS` and `ABOUT_PACK_MENTIONS` (lib/engine/page/nearness.ts):
 * for each page of the demo, the precision set and `../shared/pages`, how often the seed pack's
 * subjects are named, and how far from each conditional mention (a gated alias, a context
 * entity) the nearest thing that lets it in stands. Run in jsdom with the real matcher and
 * mention index, "near" reaching without limit, so the distances are what a limit would cut.
 *
 *     npx tsx scripts/measure-nearness.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { compileMatcher } from '../lib/engine/matcher/compile';
import { Matcher } from '../lib/engine/matcher/matcher';
import { MentionIndex } from '../lib/engine/page/mention-index';
import { createRelevance } from '../lib/engine/page/relevance';
import { collectSegments } from '../lib/engine/page/segments';
import { seedAliases } from './bench/seed-aliases';

const root = path.resolve(import.meta.dirname, '..');
const folders = [
  path.join(root, 'tests/demo'),
  path.join(root, 'tests/demo/precision'),
  path.join(root, '../shared/pages'),
];

const aliases = await seedAliases(path.join(root, 'seeds/bytedance-ai-2026.pack.json'));
const matcher = Matcher.fromCompiled(compileMatcher(aliases, 'measure'));

console.log(
  '| page | subject mentions | conditional mentions | farthest context term | farthest subject |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const folder of folders) {
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.html'));
  } catch {
    continue;
  }
  for (const file of files.sort()) {
    const dom = new JSDOM(readFileSync(path.join(folder, file), 'utf8'));
    const { document, Node, StaticRange, ShadowRoot } = dom.window;
    // The page code reads these as globals, as it does in a browser.
    Object.assign(globalThis, { Node, StaticRange, ShadowRoot });
    const index = new MentionIndex(
      matcher,
      { paint: () => {}, clear: () => {} },
      { nearChars: Number.MAX_SAFE_INTEGER, relevance: { create: createRelevance } },
    );
    const { segments } = collectSegments(document.body);
    index.add(
      segments,
      segments.map((segment) => matcher.scan(segment.text)),
    );
    const mentions = index.all();
    const subjects = mentions.filter((m) => m.why.role === 'subject' && !m.why.contextTerm).length;
    const conditional = mentions.filter((m) => m.why.contextTerm || m.why.role === 'context');
    const farthest = (distances: number[]) => (distances.length ? Math.max(...distances) : '–');
    const termDistances = conditional.flatMap((m) =>
      m.why.contextTerm && m.why.contextTerm.side !== 'page' ? [m.why.contextTerm.distance] : [],
    );
    const subjectDistances = conditional.flatMap((m) =>
      m.why.passing?.rule === 'near-subject' ? [m.why.passing.subject.distance] : [],
    );
    const name = `${path.basename(folder)}/${file}`;
    console.log(
      `| ${name} | ${subjects} | ${conditional.length} | ${farthest(termDistances)} | ${farthest(subjectDistances)} |`,
    );
  }
}
