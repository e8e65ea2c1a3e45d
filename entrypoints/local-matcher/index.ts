import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLazyExport } from '../../lib/content/lazy-script';
import { LOCAL_MATCHER } from '../../lib/content/local-matcher';
import { Matcher } from '../../lib/engine/matcher/matcher';

/**
 * The automaton decoder and scanner, loaded by a content script once its document is too
 * large to match in the background (lib/content/local-matcher.ts).
 */
export default defineUnlistedScript(() => {
  publishLazyExport(LOCAL_MATCHER, (compiled) => Matcher.fromCompiled(compiled));
});
