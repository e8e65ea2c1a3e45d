import { SETTINGS_KEY, type Settings } from './schema';
import type { SettingsEvents } from './store';

/**
 * Calls `listener` with the new settings whenever another context changes them, read from the
 * stored value by `read`: `readSettings` (store.ts) on extension pages, `readFrameSettings`
 * (frame-settings.ts) in frames.
 */
export function watchSettings(
  events: SettingsEvents,
  read: (stored: unknown) => Settings,
  listener: (settings: Settings) => void,
): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || !change) return;
    listener(read(change.newValue));
  };
  events.addListener(onChanged);
  return () => events.removeListener(onChanged);
}
