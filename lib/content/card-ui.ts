import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverCardActions } from '../../components/hovercard/HoverCard';
import type { HoverCardController } from '../cards/hover-controller';

/**
 * The hover card's UI (React, its components and styles) is a separate script, `card-ui.js`,
 * that a frame loads on its first hover intent, not at start: most frames are never hovered,
 * and React alone is ten times the bootstrap every frame evaluates (issue 13).
 *
 * The bootstrap imports it with `import()` from the extension's own URL. It is a web-accessible
 * resource with `use_dynamic_url` (wxt.config.ts), so a page can neither fetch it at a fixed
 * address nor detect the extension through it: the URL changes every browser session and is
 * known only to our content scripts. The module is evaluated in the content script's isolated
 * world (Firefox: its sandbox), where it leaves its mount function for the bootstrap; the
 * page's own scripts cannot see that global.
 */

/** Mounts the card into the document; resolves once it is mounted. */
export type MountCard = (
  ctx: ContentScriptContext,
  controller: HoverCardController,
  actions: PageCardActions,
) => Promise<void>;

/**
 * The card's actions that need the content script (its messaging, the site's mutes); the
 * card UI adds the rest itself (copying a citation), so their code stays out of the bootstrap.
 */
export type PageCardActions = Omit<HoverCardActions, 'copyCitation'>;

/** The card UI's path inside the extension. */
export const CARD_UI_PATH = '/card-ui.js';

const CARD_UI_GLOBAL = '__factLensMountCard';

type CardGlobal = typeof globalThis & { [CARD_UI_GLOBAL]?: MountCard };

/** Called by card-ui.js as it is evaluated. */
export function publishCardUi(mount: MountCard, global: object = globalThis): void {
  (global as CardGlobal)[CARD_UI_GLOBAL] = mount;
}

/**
 * Loads the card UI once per document and answers its mount function. `importScript` is
 * `(url) => import(url)` in the content script; a failed load is not kept, so the next hover
 * tries again.
 */
export function cardUiLoader(
  url: string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<MountCard> {
  let loading: Promise<MountCard> | null = null;
  return () => {
    loading ??= importScript(url).then(() => {
      const mount = (global as CardGlobal)[CARD_UI_GLOBAL];
      if (!mount) throw new Error(`${url} did not provide the card`);
      return mount;
    });
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}

/**
 * What the controller's `onIntent` calls: loads and mounts the card the first time, then
 * nothing. A failed load or mount is forgotten, so the next hover tries again.
 */
export function mountOnFirstIntent(
  load: () => Promise<MountCard>,
  mount: (mountCard: MountCard) => Promise<void>,
  warn: (message: string, error: unknown) => void = console.warn,
): () => void {
  let mounted: Promise<void> | null = null;
  return () => {
    mounted ??= load()
      .then(mount)
      .catch((error: unknown) => {
        warn('Fact Lens: the card could not be shown here', error);
        mounted = null;
      });
  };
}
