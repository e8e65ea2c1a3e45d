/** `--section TEXT`: pick report sections by id, the way `--only` picks pages by name. */

/**
 * The sections whose id contains any of `wanted` (case-insensitive), in their own order; all
 * of them without `wanted`. A TEXT that matches no section is a typo, not a request to run
 * nothing, so it throws with the ids there are.
 */
export function selectSections<T extends { id: string }>(
  all: readonly T[],
  wanted: readonly string[] | undefined,
): T[] {
  if (wanted === undefined) return [...all];
  const matches = (section: T, text: string) => section.id.includes(text.toLowerCase());
  for (const text of wanted) {
    if (!all.some((section) => matches(section, text))) {
      const ids = all.map((s) => s.id).join(', ');
      throw new Error(`--section: no section id contains "${text}" (there are: ${ids})`);
    }
  }
  return all.filter((section) => wanted.some((text) => matches(section, text)));
}
