import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { NoteRow, SettingRow, SiteRuleRow, SubscriptionRow } from './rows';

export const USER_DB_NAME = 'fact-lens-user';

/**
 * What the user made: settings, per-site rules, notes. A separate database from
 * pack content, so no pack install, update, rollback or removal can reach it.
 */
export class UserDatabase extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  siteRules!: EntityTable<SiteRuleRow, 'host'>;
  notes!: EntityTable<NoteRow, 'id'>;
  subscriptions!: EntityTable<SubscriptionRow, 'url'>;

  constructor(name = USER_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
      siteRules: 'host',
      notes: '++id, [packId+entityId]',
    });
    // v2: pack subscriptions (lib/sync). The user made them, so they live here.
    this.version(2).stores({ subscriptions: 'url' });
  }
}
