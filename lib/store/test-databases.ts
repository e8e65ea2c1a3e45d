import { validatePack } from '../pack/validate';
import type { FactPack } from '../pack/schema';
import { PackDatabase } from './pack-database';
import { UserDatabase } from './user-database';

/** A fresh, uniquely named pair of databases on fake-indexeddb (see vitest setupFiles). */
export function freshDatabases(): { packDb: PackDatabase; userDb: UserDatabase } {
  const suffix = crypto.randomUUID();
  return {
    packDb: new PackDatabase(`test-packs-${suffix}`),
    userDb: new UserDatabase(`test-user-${suffix}`),
  };
}

/** Validates a fixture and fails the test loudly if the fixture itself is broken. */
export function parsedPack(input: unknown): FactPack {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.issues)}`);
  return result.pack;
}
