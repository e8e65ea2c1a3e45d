export type Alignment = 'left' | 'right';

/**
 * Rows of text as aligned columns, two spaces apart, header first. Widths count UTF-16
 * units, which is right for the ids, versions and numbers the CLI shows.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  return all.map((row) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}
