import type { CompiledMatcher } from '../engine/types';
import type { KeyedMatcher } from './hybrid-scanner';
import type { LazyScript } from './lazy-script';

/**
 * Decoding and running the automaton here (lib/engine/matcher) is only for documents whose
 * text is too large to send to the background, so it is a script of its own,
 * `local-matcher.js`, loaded by those documents alone (lazy-script.ts).
 */
export type DecodeMatcher = (compiled: CompiledMatcher) => KeyedMatcher;

export const LOCAL_MATCHER: LazyScript<DecodeMatcher> = {
  path: '/local-matcher.js',
  global: '__factLensDecodeMatcher',
};
