import type { CreateRelevance } from '../engine/page/relevance';
import type { LazyScript } from './lazy-script';

/**
 * The nearness rules (lib/engine/page/relevance.ts) decide only about gated aliases and context
 * entities, so they are a script of their own, `relevance.js`, that a document loads the first
 * time it holds one of those (lazy-script.ts): frames that name no bystander, which are most of
 * them, never evaluate it.
 */
export const RELEVANCE: LazyScript<CreateRelevance> = {
  path: '/relevance.js',
  global: '__factLensRelevance',
};
