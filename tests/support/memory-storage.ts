/**
 * `browser.storage.local` in memory, for unit tests: `get` one key, `set` several, and the
 * stored items open to assertions.
 */
export function memoryArea(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    get: async (key: string): Promise<Record<string, unknown>> =>
      items.has(key) ? { [key]: items.get(key) } : {},
    set: async (values: Record<string, unknown>): Promise<void> => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
  };
}
