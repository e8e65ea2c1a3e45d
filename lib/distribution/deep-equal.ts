/**
 * Structural equality of JSON values (null, booleans, numbers, strings, arrays, plain
 * objects). Object key order never matters: two packs that say the same thing are equal
 * however their authors ordered the keys. A key holding `undefined` counts as absent, the
 * way `JSON.stringify` drops it, because parsed optional fields may come back either way.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && arraysEqual(a, b);
  }
  return objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
}

function objectsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysOfA = definedKeys(a);
  const keysOfB = definedKeys(b);
  if (keysOfA.length !== keysOfB.length) return false;
  return keysOfA.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

/** Own keys whose value is not `undefined`. */
export function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
