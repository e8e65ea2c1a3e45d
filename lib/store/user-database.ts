import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { NoteRow, SettingRow, SiteRuleRow } from './rows';

export const USER_DB_NAME = 'fact-lens-user';

/**
 * What the user made: settings, per-site rules, notes. A separate database from
 * pack content, so no pack install, update, rollback or removal can reach it.
 */
export class UserDatabase extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  siteRules!: EntityTable<SiteRuleRow, 'host'>;
  notes!: EntityTable<NoteRow, 'id'>;

  constructor(name = USER_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
      siteRules: 'host',
      notes: '++id, [packId+entityId]',
    });
  }
}
