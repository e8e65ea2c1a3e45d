import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard, type HoverCardActions } from '../../components/hovercard/HoverCard';
import { ui as uiText } from '../../components/i18n';
import { citationText } from '../../lib/cards/display-text';
import type { HoverCardController } from '../../lib/cards/hover-controller';
import type { PageCardActions } from '../../lib/content/card-ui';
import type { FrameLifetime } from '../../lib/content/lifetime';
import { TEST_HOOKS } from '../../lib/content/test-hooks';
import { OWN_UI_ATTRIBUTE } from '../../lib/engine/page/regions';
// Inlined into this script: the card's styles go into its shadow root, and no stylesheet is
// left for a page to fetch. The tokens and the shared classes come first, as on the
// extension pages (components/README.md).
import cardCss from '../../components/card/card.css?inline';
import sharedCss from '../../components/styles/shared.css?inline';
import tokensCss from '../../components/styles/tokens.css?inline';

/**
 * The shadow root's stylesheet. The tokens are written for a page's `:root`; in a shadow
 * root they go on `:host`, the element the card's tree inherits from.
 */
const SHADOW_CSS = [tokensCss, sharedCss, cardCss].join('\n').replaceAll(':root', ':host');

/**
 * What `createShadowRootUi` asks of a WXT content-script context, which the bootstrap no longer
 * has (lib/content/lifetime.ts says why): in wxt 0.20.27 (`utils/content-script-ui/
 * shadow-root.mjs`) it reads `options.cssInjectionMode` (not "ui": the card's styles are
 * inlined below) and registers the UI's removal with `onInvalidated`. The card leaves the
 * page when the frame's lifetime ends.
 */
function uiContext(lifetime: Pick<FrameLifetime, 'onEnd'>): ContentScriptContext {
  const used: Pick<ContentScriptContext, 'options' | 'onInvalidated'> = {
    options: { cssInjectionMode: 'manual' },
    onInvalidated: (listener) => lifetime.onEnd(listener),
  };
  return used as ContentScriptContext;
}

/**
 * Mounts the hover card in its own shadow root, appended to <html> rather than <body> so
 * the page's body keeps exactly its own children. The host carries OWN_UI_ATTRIBUTE: the
 * scanner never reads our own text.
 *
 * The root is closed: the page's scripts get `null` for the host's `shadowRoot`, so they
 * can neither read a card, rewrite what it says under our name, nor click its buttons (and
 * the content script's isolated world keeps its own `attachShadow`). Only the test-hooks
 * build leaves it open, because Playwright's locators pierce open roots only.
 */
export async function mountHoverCard(
  lifetime: Pick<FrameLifetime, 'onEnd'>,
  controller: HoverCardController,
  pageActions: PageCardActions,
): Promise<void> {
  const actions: HoverCardActions = {
    ...pageActions,
    copyCitation: (card) => navigator.clipboard.writeText(citationText(uiText, card)),
  };
  const ui = await createShadowRootUi<Root>(uiContext(lifetime), {
    name: 'fact-lens-card',
    mode: TEST_HOOKS ? 'open' : 'closed',
    css: SHADOW_CSS,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      const root = createRoot(container);
      root.render(
        <StrictMode>
          <HoverCard controller={controller} actions={actions} />
        </StrictMode>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}
