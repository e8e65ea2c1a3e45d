import { packWith, validPack, type FixturePack } from './pack-fixtures';
import { validatePack } from '../../lib/pack/validate';
import type { FactPack } from '../../lib/pack/schema';
import { PackDatabase } from '../../lib/store/pack-database';
import { UserDatabase } from '../../lib/store/user-database';

/** A fresh, uniquely named pair of databases on fake-indexeddb (see vitest setupFiles). */
export function freshDatabases(): { packDb: PackDatabase; userDb: UserDatabase } {
  const suffix = crypto.randomUUID();
  return {
    packDb: new PackDatabase(`test-packs-${suffix}`),
    userDb: new UserDatabase(`test-user-${suffix}`),
  };
}

/**
 * What a user makes in the user database: a site rule muting one entity of the fixture pack,
 * and a subscription delivering another pack. For tests proving a pack operation leaves it be.
 */
export async function addUserData(userDb: UserDatabase): Promise<void> {
  await userDb.siteRules.put({
    host: 'example.com',
    mutedEntities: ['test-pack/acme'],
    updatedAt: 3,
  });
  await userDb.subscriptions.put({
    url: 'https://packs.example/other.json',
    addedAt: 1,
    packIds: ['other-pack'],
    failures: 0,
    nextCheckAt: 2,
  });
}

/** Validates a fixture and fails the test loudly if the fixture itself is broken. */
export function parsedPack(input: unknown): FactPack {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.issues)}`);
  return result.pack;
}

/**
 * The fixture pack (`validPack`) in three versions: 1.1.0 rewords the fact's claim and adds
 * the entity "Orbit Gadget"; 1.2.0 also gives that entity a second alias.
 */
export function packVersions(): { v1: FactPack; v2: FactPack; v3: FactPack } {
  const v2 = (pack: FixturePack) => {
    pack.version = '1.1.0';
    pack.facts[0].claim = 'Acme launched Widget in November 2025.';
    pack.entities.push({
      id: 'gadget',
      name: 'Orbit Gadget',
      kind: 'product',
      summary: 'A gadget made by Acme.',
      aliases: [{ text: 'Orbit Gadget', lang: 'en' }],
      propositionIds: [],
      related: [{ entityId: 'acme', relation: 'made by' }],
    });
  };
  return {
    v1: parsedPack(validPack()),
    v2: parsedPack(packWith(v2)),
    v3: parsedPack(
      packWith((pack) => {
        v2(pack);
        pack.version = '1.2.0';
        pack.entities.at(-1)?.aliases.push({ text: 'Gadget', lang: 'en', case: 'sensitive' });
      }),
    ),
  };
}

/**
 * A pack with every list sorted by id, to compare a document rebuilt from rows (which come
 * back in key order) with the one installed.
 */
export function listsById(pack: FactPack): FactPack {
  const sorted = <Item extends { id: string }>(items: Item[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...pack,
    sources: sorted(pack.sources),
    propositions: sorted(pack.propositions),
    entities: sorted(pack.entities),
    facts: sorted(pack.facts),
  };
}
