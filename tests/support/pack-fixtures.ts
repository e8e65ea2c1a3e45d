import type { FactPackInput } from '../../lib/pack/schema';
import { formatIssuePath, validatePack } from '../../lib/pack/validate';

/**
 * A small, valid fact pack for tests, and helpers to derive broken variants from it.
 * Only tests import this file; it is not part of the extension bundle.
 */

type SourceInput = FactPackInput['sources'][number];
type PropositionInput = NonNullable<FactPackInput['propositions']>[number];
type EntityInput = FactPackInput['entities'][number];
type AliasInput = EntityInput['aliases'][number];
type RelatedInput = NonNullable<EntityInput['related']>[number];
type FactInput = NonNullable<FactPackInput['facts']>[number];

type FixtureEntity = EntityInput & {
  aliases: [AliasInput, ...AliasInput[]];
  propositionIds: string[];
  related: [RelatedInput, ...RelatedInput[]];
};

/**
 * The fixture's lists are typed as tuples, so tests can write `pack.entities[1].aliases[0]`
 * without non-null assertions. Every list it has can still be pushed to or emptied.
 */
export interface FixturePack extends FactPackInput {
  publisher: { name: string; url?: string };
  sources: [SourceInput & { text: string }, SourceInput];
  propositions: [PropositionInput & { entityIds: string[] }];
  entities: [FixtureEntity, FixtureEntity];
  facts: [FactInput & { subjectIds: [string, ...string[]] }];
}

/**
 * A fresh minimal valid pack: two sources (the first ships its full text, the second
 * does not), one proposition, two related entities (one alias each, the second
 * case-sensitive with context terms) and one fact citing the first source.
 */
export function validPack(): FixturePack {
  return {
    format: 1,
    id: 'test-pack',
    version: '1.0.0',
    title: 'Test pack',
    description: 'A small pack used by the unit tests.',
    language: 'en',
    publishedAt: '2026-01-15',
    publisher: { name: 'Fact Lens tests', url: 'https://example.com/' },
    sources: [
      {
        id: 'src-report',
        title: 'Acme launches Widget',
        publisher: 'Example News',
        authors: ['Ann Author'],
        publishedAt: '2025-11',
        url: 'https://example.com/news/widget',
        kind: 'news-report',
        text: 'Acme launched the Widget model in November 2025, people familiar with it said.',
      },
      {
        id: 'src-blog',
        title: 'Introducing Widget',
        publisher: 'Acme',
        url: 'http://acme.example.com/blog/widget',
        kind: 'official-announcement',
      },
    ],
    propositions: [
      {
        id: 'prop-launch',
        title: 'Widget launch',
        summary: 'Acme released its Widget model.',
        entityIds: ['acme', 'widget'],
      },
    ],
    entities: [
      {
        id: 'acme',
        name: 'Acme',
        kind: 'company',
        summary: 'A company that makes widgets.',
        aliases: [{ text: 'Acme Corp', lang: 'en' }],
        propositionIds: ['prop-launch'],
        related: [{ entityId: 'widget', relation: 'makes' }],
      },
      {
        id: 'widget',
        name: 'Widget',
        kind: 'model',
        summary: 'A model made by Acme.',
        aliases: [{ text: 'Widget', lang: 'en', case: 'sensitive', context: ['Acme'] }],
        propositionIds: [],
        related: [{ entityId: 'acme', relation: 'made by' }],
      },
    ],
    facts: [
      {
        id: 'fact-launch',
        subjectIds: ['acme', 'widget'],
        propositionId: 'prop-launch',
        claim: 'Acme launched Widget in late 2025.',
        quote: 'Acme launched the Widget model in November 2025',
        sourceId: 'src-report',
        status: 'unnamed-sources',
        asOf: '2025-11',
      },
    ],
  };
}

/** A fresh valid pack changed by `mutate`; the mutator may break it on purpose. */
export function packWith(mutate: (pack: FixturePack) => void): FixturePack {
  const pack = validPack();
  mutate(pack);
  return pack;
}

/**
 * A view of any object that accepts values its type forbids, for building packs with
 * wrong enum values, wrong literals or unknown keys: `loose(pack).format = 2`.
 */
export function loose(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** What `validatePack` reports for `value`, with paths formatted as pack authors see them. */
export function issuesOf(value: unknown): { path: string; message: string }[] {
  const result = validatePack(value);
  return result.ok
    ? []
    : result.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** Marks a field to delete in `setAt`. */
export const OMIT: unique symbol = Symbol('omit');

/**
 * Sets (or, with `OMIT`, deletes) the value at a JSON path written the way
 * `formatIssuePath` prints it, e.g. `setAt(pack, '$.entities[0].aliases[0].text', ' Acme')`.
 * Every step but the last must exist.
 */
export function setAt(root: object, path: string, value: unknown): void {
  const matches = [...path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)];
  const steps = matches.map(([, name, index]) => name ?? Number(index));
  const last = steps.pop();
  if (last === undefined || `$${matches.map(([step]) => step).join('')}` !== path) {
    throw new Error(`setAt: unsupported path ${path}`);
  }
  let target: unknown = root;
  for (const step of steps) {
    target = (target as Record<string | number, unknown>)[step];
    if (typeof target !== 'object' || target === null) throw new Error(`setAt: nothing at ${path}`);
  }
  const parent = target as Record<string | number, unknown>;
  if (value === OMIT) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
}
