import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Settings } from '../lib/settings/schema';
import { loadSettings, readSettings, updateSettings } from '../lib/settings/store';
import { watchSettings } from '../lib/settings/watch';

export interface SettingsHandle {
  settings: Settings | null;
  /** Stores a change; resolves once stored (every open tab hears it through storage). */
  update: (change: (current: Settings) => Settings) => Promise<void>;
  error: string | null;
}

/** The reader's settings for an extension page, kept current when another page changes them. */
export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings(browser.storage.local).then((loaded) => live && setSettings(loaded));
    const stop = watchSettings(browser.storage.onChanged, readSettings, setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);
  const update = useCallback(async (change: (current: Settings) => Settings) => {
    // Shown at once (controls are controlled inputs), then stored; storage has the last word.
    setSettings((current) => (current ? change(current) : current));
    try {
      setSettings(await updateSettings(browser.storage.local, change));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSettings(await loadSettings(browser.storage.local));
    }
  }, []);
  return { settings, update, error };
}
