import type { SettingsArea, SettingsEvents } from '../settings/store';

/**
 * A broadcast from the background to every open tab: "the enabled packs changed". The
 * background bumps one key in `storage.local`; content scripts, which already listen to
 * storage for settings, fetch the matcher again and re-mark the page without a reload.
 * Storage rather than tab messaging: it reaches every frame of every tab, needs no tab
 * list, and no permission beyond `storage`.
 */
export const PACKS_REVISION_KEY = 'packsRevision';

export async function announcePacksChanged(area: SettingsArea, now: () => number): Promise<void> {
  await area.set({ [PACKS_REVISION_KEY]: now() });
}

/** Calls `listener` after each announcement; answers a function that stops listening. */
export function watchPacksRevision(events: SettingsEvents, listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && PACKS_REVISION_KEY in changes) listener();
  };
  events.addListener(onChanged);
  return () => events.removeListener(onChanged);
}
