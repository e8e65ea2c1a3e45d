import type Dexie from 'dexie';

/**
 * Every row of every table, in key order. Used to prove that a refused install or a
 * failed update left the database exactly as it was.
 */
export async function dumpDatabase(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  const dump: Record<string, unknown[]> = {};
  await db.transaction('r', tables, async () => {
    for (const table of tables) dump[table.name] = await table.toArray();
  });
  return dump;
}
