import type { AliasSpec } from '../../lib/engine/types';

/**
 * A case-insensitive alias of pack `p`, its entity id the lower-cased text, for the page-side
 * tests: `aliasOf('Doubao')` is entity `p/doubao`.
 */
export const aliasOf = (
  text: string,
  entityKind: AliasSpec['entityKind'] = 'product',
): AliasSpec => ({
  text,
  case: 'insensitive',
  packId: 'p',
  entityId: text.toLowerCase(),
  entityKind,
});
