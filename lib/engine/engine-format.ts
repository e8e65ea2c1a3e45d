/**
 * Version of the compiled matcher layout and of the rules it encodes (folding, word
 * boundaries). Part of the matcher cache key: bump it whenever lib/engine/matcher
 * changes what it builds, so browsers holding an old cached matcher rebuild it.
 */
export const ENGINE_FORMAT = 3;
