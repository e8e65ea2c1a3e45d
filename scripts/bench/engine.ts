/**
 * Where the benchmark gets the engine's Node-side pieces (page-entry.ts imports the in-page
 * part): the matcher compiler the background runs, and the generated large alias sets.
 */
export { compileMatcher } from '../../lib/engine/matcher/compile';
export { syntheticAliases } from '../../tests/support/synthetic-aliases';

/** Printed in the report header: which engine produced the figures. */
export const ENGINE_LABEL =
  '`lib/engine` (`compileMatcher` in Node, `markPage` bundled into the page by Vite)';
