import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderPackJsonSchema, SCHEMA_FILE } from '../../scripts/export-json-schema';
import { PACK_JSON_SCHEMA_ID, packJsonSchema } from './json-schema';
import { PACK_LIMITS } from './limits';
import { httpUrlSchema, partialDateSchema } from './schema';
import { ENTITY_KINDS, FACT_STATUSES, SOURCE_KINDS } from './vocabulary';

type Node = Record<string, unknown>;

/** Every object in the schema, with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, Node]> {
  if (typeof node !== 'object' || node === null) return;
  if (!Array.isArray(node)) yield [pointer || '/', node as Node];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${pointer}/${key}`);
}

function at(schema: object, ...keys: string[]): Node {
  let node: unknown = schema;
  for (const key of keys) node = (node as Node)[key];
  return node as Node;
}

const schema = packJsonSchema() as Node;
const props = (node: Node) => node.properties as Record<string, Node>;
const sourceItem = at(schema, 'properties', 'sources', 'items');
const entityItem = at(schema, 'properties', 'entities', 'items');
const aliasItem = at(entityItem, 'properties', 'aliases', 'items');
const factItem = at(schema, 'properties', 'facts', 'items');

describe('seeds/fact-pack.schema.json', () => {
  it('is up to date with lib/pack/schema.ts', async () => {
    const expected = await renderPackJsonSchema();
    const actual = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    expect(
      actual,
      'seeds/fact-pack.schema.json is stale: run `npm run schema:export` and commit it',
    ).toBe(expected);
  });
});

describe('packJsonSchema', () => {
  it('introduces itself to pack authors', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: PACK_JSON_SCHEMA_ID,
      title: 'Fact Lens fact pack',
      type: 'object',
    });
    const description = schema.description as string;
    for (const rule of ['unique', 'resolves', 'names one entity', 'verbatim']) {
      expect(description).toContain(rule);
    }
  });

  it('starts with $schema, $id, title and description', () => {
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(packJsonSchema())).toBe(JSON.stringify(schema));
  });

  it('describes the input: fields with defaults are optional', () => {
    expect(at(schema, 'required')).toEqual([
      'format',
      'id',
      'version',
      'title',
      'description',
      'language',
      'publishedAt',
      'publisher',
      'sources',
      'entities',
    ]);
    expect(at(aliasItem, 'required')).toEqual(['text', 'lang']);
    expect(props(aliasItem).case).toMatchObject({ default: 'insensitive' });
  });

  it('closes every object, like the strict Zod objects', () => {
    // A text per language (format 2) is a map, closed by its keys' pattern instead.
    const objects = [...walk(schema)].filter(
      ([, node]) => node.type === 'object' && node.propertyNames === undefined,
    );
    expect(objects.length).toBeGreaterThanOrEqual(8);
    for (const [pointer, node] of objects) {
      expect(node.additionalProperties, pointer).toBe(false);
    }
  });

  it.each([
    ['pack title', props(schema).title],
    ['pack description', props(schema).description],
    ['entity name', props(entityItem).name],
    ['entity summary', props(entityItem).summary],
    ['entity whyNamed', props(entityItem).whyNamed],
    ['fact claim', props(factItem).claim],
  ])('lets the %s be a string or a text per language tag', (_field, node) => {
    const [plain, byLanguage] = (node as { anyOf: Node[] }).anyOf;
    expect(plain).toMatchObject({ type: 'string' });
    expect(byLanguage).toMatchObject({
      type: 'object',
      propertyNames: { type: 'string', maxLength: PACK_LIMITS.languageTagLength },
      additionalProperties: plain,
      minProperties: 1,
      maxProperties: PACK_LIMITS.languagesPerText,
    });
    const tags = new RegExp((byLanguage?.propertyNames as Node).pattern as string, 'u');
    expect(['en', 'zh-CN', 'zh-Hans-CN', 'es-419'].filter((tag) => !tags.test(tag))).toEqual([]);
    expect(['EN', 'xx-', '-en', 'en_US'].filter((tag) => tags.test(tag))).toEqual([]);
  });

  it('never lets a quote or a source title be localized', () => {
    expect(props(factItem).quote).toMatchObject({ type: 'string' });
    expect(props(sourceItem).title).toMatchObject({ type: 'string' });
  });

  it('carries the enums and the bounds', () => {
    expect(props(schema).format).toMatchObject({ enum: [1, 2] });
    expect(props(sourceItem).kind).toMatchObject({ enum: [...SOURCE_KINDS] });
    expect(props(entityItem).kind).toMatchObject({ enum: [...ENTITY_KINDS] });
    expect(props(factItem).status).toMatchObject({ enum: [...FACT_STATUSES] });
    expect(props(factItem).quote).toMatchObject({ maxLength: PACK_LIMITS.quoteLength });
    expect(props(entityItem).aliases).toMatchObject({
      minItems: 1,
      maxItems: PACK_LIMITS.aliasesPerEntity,
    });
    expect(props(schema).entities).toMatchObject({ maxItems: PACK_LIMITS.entities });
    expect(props(schema).facts).toMatchObject({ maxItems: PACK_LIMITS.facts });
  });

  it('bounds every string and every list', () => {
    const nodes = [...walk(schema)];
    for (const [pointer, node] of nodes) {
      if (node.type === 'array') expect(node.maxItems, pointer).toEqual(expect.any(Number));
      // A string without maxLength must have a fixed-size pattern (the dates).
      if (node.type === 'string' && node.maxLength === undefined && node.enum === undefined) {
        expect(node.pattern, pointer).toMatch(/^\^.*\$$/);
        expect(node.pattern, pointer).not.toMatch(/[*+]|\{\d+,\d*\}/);
      }
    }
  });

  it('every pattern is a valid ECMA-262 unicode regular expression', () => {
    const patterns = [...walk(schema)].flatMap(([pointer, node]) =>
      typeof node.pattern === 'string' ? [[pointer, node.pattern] as const] : [],
    );
    expect(patterns.length).toBeGreaterThan(10);
    for (const [pointer, pattern] of patterns) {
      expect(() => new RegExp(pattern, 'u'), pointer).not.toThrow();
    }
  });

  // JSON Schema patterns carry no flags: each must decide like the Zod schema does.
  it.each([
    'https://example.com/',
    'HTTPS://EXAMPLE.COM/',
    'Http://example.com',
    'javascript:alert(1)',
    'data:text/html,x',
    'ftp://example.com',
    '/relative',
    'https://exa mple.com',
  ])('the url pattern agrees with Zod on %j', (url) => {
    const pattern = new RegExp(props(sourceItem).url?.pattern as string, 'u');
    expect(pattern.test(url)).toBe(httpUrlSchema.safeParse(url).success);
  });

  it.each(['2025', '2025-11', '2025-11-30', '2024-02-29', '2025-02-29', '2026-13', '2026-02-30'])(
    'the partial date pattern agrees with Zod on %j',
    (date) => {
      const pattern = new RegExp(props(factItem).asOf?.pattern as string, 'u');
      expect(pattern.test(date)).toBe(partialDateSchema.safeParse(date).success);
    },
  );
});
