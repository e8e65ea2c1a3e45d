import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { SiteRuleRow, SubscriptionRow } from './rows';

export const USER_DB_NAME = 'fact-lens-user';

/**
 * What the user made: per-site rules and subscriptions. A separate database from pack
 * content, so no pack install, update, rollback or removal can reach it. (The reader's
 * settings are not here: they live in `browser.storage.local`, see lib/settings.)
 *
 * Schema history is append-only: never edit a released `version(n)`, add n+1.
 */
export class UserDatabase extends Dexie {
  siteRules!: EntityTable<SiteRuleRow, 'host'>;
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
    // v3: `settings` and `notes` go: nothing ever wrote them (settings live in extension
    // storage, lib/settings). Site rules lose `disabled`, which nothing read (sites are
    // switched off in the settings); a rule that muted nothing said only that, and goes too.
    this.version(3)
      .stores({ settings: null, notes: null })
      .upgrade((tx) =>
        tx
          .table<SiteRuleRow & { disabled?: boolean }>('siteRules')
          .toCollection()
          .modify((rule, ctx) => {
            delete rule.disabled;
            if (rule.mutedEntities.length === 0) delete (ctx as { value?: unknown }).value;
          }),
      );
  }
}
