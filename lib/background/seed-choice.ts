import type { SettingsArea } from '../settings/store';

/**
 * The reader's choice about the bundled pack, kept in `browser.storage.local` under
 * `bundledPackRemoved`. Removing the bundled pack sets it; "Restore the bundled pack" (or
 * the removal's undo) clears it. While it stands, `ensureSeedPack` leaves an empty pack
 * database empty instead of healing it, so removing the only installed pack sticks.
 *
 * In `storage.local` rather than IndexedDB: it is a setting-sized fact about the reader's
 * wishes, it needs no schema version, and it survives the browser wiping the databases
 * (then the reader's "no bundled pack" still holds).
 */
export const SEED_REMOVED_KEY = 'bundledPackRemoved';

export interface SeedChoice {
  /** Whether the reader removed the bundled pack and has not restored it since. */
  removed(): Promise<boolean>;
  setRemoved(removed: boolean): Promise<void>;
}

export function seedChoice(area: SettingsArea): SeedChoice {
  return {
    async removed() {
      return (await area.get(SEED_REMOVED_KEY))[SEED_REMOVED_KEY] === true;
    },
    async setRemoved(removed) {
      await area.set({ [SEED_REMOVED_KEY]: removed });
    },
  };
}
