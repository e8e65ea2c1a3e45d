import type { HoverCardActions } from '../../components/hovercard/HoverCard';
import type { HoverCardController } from '../cards/hover-controller';
import type { LazyScript } from './lazy-script';
import type { FrameLifetime } from './lifetime';

/**
 * The hover card's UI (React, its components and styles) is a separate script, `card-ui.js`,
 * that a frame loads on its first hover intent, not at start: most frames are never hovered,
 * and React alone is several times the bootstrap every frame evaluates. How it is loaded, and
 * why that way: lazy-script.ts.
 */

/** Mounts the card into the document, until `lifetime` ends; resolves once it is mounted. */
export type MountCard = (
  lifetime: Pick<FrameLifetime, 'onEnd'>,
  controller: HoverCardController,
  actions: PageCardActions,
) => Promise<void>;

/**
 * The card's actions that need the content script (its messaging, the site's mutes); the
 * card UI adds the rest itself (copying a citation), so their code stays out of the bootstrap.
 */
export type PageCardActions = Omit<HoverCardActions, 'copyCitation'>;

/** The card UI script and the global it leaves its mount function under. */
export const CARD_UI: LazyScript<MountCard> = {
  path: '/card-ui.js',
  global: '__factLensMountCard',
};

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
