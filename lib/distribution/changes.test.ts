import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactPack, PackEntity } from '../pack/schema';
import { packWith, validPack, type FixturePack } from '../../tests/support/pack-fixtures';
import { validatePack } from '../pack/validate';
import {
  countChanges,
  describePackChanges,
  diffPacks,
  shortenLabel,
  type ListChanges,
} from './changes';

/** The fixture as the extension stores it: validated, defaults filled in. */
function parsed(input: FixturePack): FactPack {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.issues)}`);
  return result.pack;
}

const NOTHING: ListChanges = { added: [], removed: [], changed: [] };

/** An entity to add to the fixture: a product related to the fixture's Acme. */
function lantern(id = 'orbit-lantern', name = 'Orbit Lantern'): FixturePack['entities'][number] {
  return {
    id,
    name,
    kind: 'product',
    summary: 'A lantern made by Acme.',
    aliases: [{ text: name, lang: 'en' }],
    propositionIds: [],
    related: [{ entityId: 'acme', relation: 'made by' }],
  };
}

/** A parsed entity for property tests, which need no valid pack around it. */
function conceptEntity(id: string, summary = `About ${id}.`): PackEntity {
  return {
    id,
    name: `Entity ${id}`,
    kind: 'concept',
    role: 'subject',
    summary,
    aliases: [{ text: `Alias ${id}`, lang: 'en', case: 'insensitive' }],
    propositionIds: [],
    related: [],
  };
}

/** A copy with every object's keys in reverse order. */
function reverseKeys<Value>(value: Value): Value {
  if (Array.isArray(value)) return value.map(reverseKeys) as Value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  ) as Value;
}

describe('diffPacks', () => {
  it('lists everything as added on first install', () => {
    const changes = diffPacks(null, parsed(validPack()));
    expect(changes).toEqual({
      packId: 'test-pack',
      from: null,
      to: '1.0.0',
      entities: {
        added: [
          { id: 'acme', label: 'Acme' },
          { id: 'widget', label: 'Widget' },
        ],
        removed: [],
        changed: [],
      },
      facts: {
        added: [{ id: 'fact-launch', label: 'Acme launched Widget in late 2025.' }],
        removed: [],
        changed: [],
      },
      propositions: {
        added: [{ id: 'prop-launch', label: 'Widget launch' }],
        removed: [],
        changed: [],
      },
      sources: {
        added: [
          { id: 'src-blog', label: 'Introducing Widget' },
          { id: 'src-report', label: 'Acme launches Widget' },
        ],
        removed: [],
        changed: [],
      },
      metadataFields: [],
    });
    expect(countChanges(changes)).toBe(6);
  });

  it('reports the fields of a changed fact', () => {
    const before = parsed(validPack());
    const after = parsed(
      packWith((pack) => {
        pack.version = '1.1.0';
        pack.facts[0].claim = 'Acme launched Widget in November 2025.';
        pack.facts[0].status = 'official';
      }),
    );
    const changes = diffPacks(before, after);
    expect(changes.facts).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: 'fact-launch',
          label: 'Acme launched Widget in November 2025.',
          fields: ['claim', 'status'],
        },
      ],
    });
    expect(changes.entities).toEqual(NOTHING);
    expect(changes.metadataFields).toEqual([]);
    expect(countChanges(changes)).toBe(1);
  });

  it('reports an added and a removed entity, labelled from the version that has them', () => {
    const before = parsed(validPack());
    const after = parsed(
      packWith((pack) => {
        pack.entities.push(lantern());
        pack.propositions[0].entityIds = ['acme'];
        pack.entities[0].related = [{ entityId: 'orbit-lantern', relation: 'makes' }];
        pack.facts[0].subjectIds = ['acme'];
        pack.entities.splice(1, 1);
      }),
    );
    const changes = diffPacks(before, after);
    expect(changes.entities.added).toEqual([{ id: 'orbit-lantern', label: 'Orbit Lantern' }]);
    expect(changes.entities.removed).toEqual([{ id: 'widget', label: 'Widget' }]);
    expect(changes.entities.changed).toEqual([{ id: 'acme', label: 'Acme', fields: ['related'] }]);
    expect(changes.facts.changed).toEqual([
      { id: 'fact-launch', label: 'Acme launched Widget in late 2025.', fields: ['subjectIds'] },
    ]);
    expect(changes.propositions.changed[0]?.fields).toEqual(['entityIds']);
  });

  it('ignores key order and list order, and matches items by id', () => {
    const pack = parsed(validPack());
    const shuffled: FactPack = {
      ...reverseKeys(pack),
      sources: [...pack.sources].reverse(),
      entities: reverseKeys([...pack.entities].reverse()),
    };
    const changes = diffPacks(pack, shuffled);
    expect(countChanges(changes)).toBe(0);
    expect(describePackChanges(changes)).toEqual([
      'test-pack 1.0.0 → 1.0.0',
      'No content changes.',
    ]);
  });

  it('reports changed pack fields, but not version or $schema', () => {
    const before = parsed(validPack());
    const after = parsed(
      packWith((pack) => {
        pack.$schema = './fact-pack.schema.json';
        pack.version = '2.0.0';
        pack.title = 'Test pack, revised';
        pack.publisher = { name: 'Fact Lens tests' };
      }),
    );
    const changes = diffPacks(before, after);
    expect(changes.metadataFields).toEqual(['publisher', 'title']);
    expect(countChanges(changes)).toBe(2);
  });

  it('counts an optional field appearing as a change', () => {
    const after = parsed(packWith((pack) => delete pack.sources[1].url));
    expect(diffPacks(parsed(validPack()), after).sources.changed).toEqual([
      { id: 'src-blog', label: 'Introducing Widget', fields: ['url'] },
    ]);
  });

  it('finds nothing between a pack and itself', () => {
    const pack = parsed(validPack());
    const changes = diffPacks(pack, structuredClone(pack));
    for (const list of [changes.entities, changes.facts, changes.propositions, changes.sources]) {
      expect(list).toEqual(NOTHING);
    }
    expect(changes.metadataFields).toEqual([]);
  });

  it('finds nothing between any set of entities and itself', () => {
    const base = parsed(validPack());
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/)), (ids) => {
        const pack = { ...base, entities: ids.map((id) => conceptEntity(id)) };
        expect(countChanges(diffPacks(pack, reverseKeys(pack)))).toBe(0);
      }),
    );
  });

  it('matches set difference for any two sets of entities', () => {
    const base = parsed(validPack());
    const ids = Array.from({ length: 8 }, (_, index) => `e${index}`);
    const entity = (id: string, edited: boolean) =>
      edited ? conceptEntity(id, `Edited ${id}.`) : conceptEntity(id);
    const subset = fc.subarray(ids);
    fc.assert(
      fc.property(subset, subset, subset, (before, after, edited) => {
        const changes = diffPacks(
          { ...base, entities: before.map((id) => entity(id, false)) },
          { ...base, entities: [...after].reverse().map((id) => entity(id, edited.includes(id))) },
        );
        const ids = (items: readonly { id: string }[]) => items.map(({ id }) => id);
        expect(ids(changes.entities.added)).toEqual(after.filter((id) => !before.includes(id)));
        expect(ids(changes.entities.removed)).toEqual(before.filter((id) => !after.includes(id)));
        expect(ids(changes.entities.changed)).toEqual(
          after.filter((id) => before.includes(id) && edited.includes(id)),
        );
        expect(changes.entities.changed.every(({ fields }) => fields?.join() === 'summary')).toBe(
          true,
        );
      }),
    );
  });
});

describe('shortenLabel', () => {
  it.each([
    ['short', 'short'],
    ['  two\n lines  ', 'two lines'],
    ['x'.repeat(80), 'x'.repeat(80)],
    ['x'.repeat(81), `${'x'.repeat(79)}…`],
    [`${'word '.repeat(15)}end of the sentence`, `${'word '.repeat(15)}end…`],
    ['豆'.repeat(100), `${'豆'.repeat(79)}…`],
  ])('%j', (text, label) => {
    expect(shortenLabel(text)).toBe(label);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(shortenLabel('😀'.repeat(81))).toBe(`${'😀'.repeat(79)}…`);
  });
});

describe('describePackChanges', () => {
  const before = parsed(validPack());

  it('names added items and changed fields, and leaves out lists that did not change', () => {
    const after = parsed(
      packWith((pack) => {
        pack.version = '1.1.0';
        pack.entities.push(lantern());
        pack.facts[0].status = 'official';
        pack.facts[0].asOf = '2025-12';
        pack.description = 'A revised description.';
      }),
    );
    expect(describePackChanges(diffPacks(before, after))).toEqual([
      'test-pack 1.0.0 → 1.1.0',
      'Pack details changed: description',
      'Entities: 1 added (Orbit Lantern), 0 removed, 0 changed',
      'Facts: 0 added, 0 removed, 1 changed (Acme launched Widget in late 2025. — asOf, status)',
    ]);
  });

  it('describes a first install', () => {
    expect(describePackChanges(diffPacks(null, before))).toEqual([
      'test-pack 1.0.0 (first install)',
      'Entities: 2 added (Acme; Widget), 0 removed, 0 changed',
      'Facts: 1 added (Acme launched Widget in late 2025.), 0 removed, 0 changed',
      'Propositions: 1 added (Widget launch), 0 removed, 0 changed',
      'Sources: 2 added (Introducing Widget; Acme launches Widget), 0 removed, 0 changed',
    ]);
  });

  it('summarises names beyond the maximum', () => {
    const many = parsed(
      packWith((pack) => {
        for (const letter of 'abcde') {
          pack.entities.push(lantern(`lantern-${letter}`, `Lantern ${letter.toUpperCase()}`));
        }
      }),
    );
    const changes = diffPacks(before, many);
    expect(describePackChanges(changes, 2)).toEqual([
      'test-pack 1.0.0 → 1.0.0',
      'Entities: 5 added (Lantern A; Lantern B; and 3 more), 0 removed, 0 changed',
    ]);
    expect(describePackChanges(changes, 0)[1]).toBe('Entities: 5 added, 0 removed, 0 changed');
    expect(describePackChanges(changes)[1]).toContain('Lantern E), 0 removed');
  });
});
