/**
 * Version of the compiled matcher: its layout and the rules it encodes (folding, word
 * boundaries). Written into every `CompiledMatcher` (its `format` field) and part of the
 * matcher cache key, so bump it whenever lib/engine/matcher changes what it builds: browsers
 * holding an older cached matcher then rebuild it, and content scripts refuse one they
 * cannot read.
 */
export const MATCHER_VERSION = 5;
