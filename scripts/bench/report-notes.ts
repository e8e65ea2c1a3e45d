/** Notes the extension sections add under their tables, worded once. */

/** Says which sources changed after the measured build, or null when none did. */
export function staleBuildNote(newerSources: readonly string[], rebuild: string): string | null {
  if (newerSources.length === 0) return null;
  const shown = newerSources
    .slice(0, 5)
    .map((f) => `\`${f}\``)
    .join(', ');
  const more = newerSources.length > 5 ? ` and ${newerSources.length - 5} more` : '';
  return (
    `⚠️ Sources changed after this build (${shown}${more}): \`${rebuild}\` and rerun to ` +
    'measure the current code.'
  );
}

/** Says how many loads failed and the first few reasons, or null when none did. */
export function failedLoadsNote(errors: readonly string[]): string | null {
  if (errors.length === 0) return null;
  const first = errors.slice(0, 5).join('; ');
  return `**${errors.length} load(s) failed** and are not in the figures: ${first}${errors.length > 5 ? ' …' : ''}.`;
}
