import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard, type HoverCardActions } from '../../components/hovercard/HoverCard';
import { citationText } from '../../lib/cards/format';
import type { HoverCardController } from '../../lib/cards/hover-controller';
import type { PageCardActions } from '../../lib/content/card-ui';
import { OWN_UI_ATTRIBUTE } from '../../lib/engine/page/regions';
// Inlined into this script: the card's styles go into its shadow root, and no stylesheet is
// left for a page to fetch.
import cardCss from '../../components/card/card.css?inline';

/**
 * Mounts the hover card in its own shadow root, appended to <html> rather than <body> so
 * the page's body keeps exactly its own children. The host carries OWN_UI_ATTRIBUTE: the
 * scanner never reads our own text.
 */
export async function mountHoverCard(
  ctx: ContentScriptContext,
  controller: HoverCardController,
  pageActions: PageCardActions,
): Promise<void> {
  const actions: HoverCardActions = {
    ...pageActions,
    copyCitation: (card) => navigator.clipboard.writeText(citationText(card)),
  };
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'fact-lens-card',
    // The stylesheet is shared with the popup, where its variables sit on :root.
    css: cardCss.replaceAll(':root', ':host'),
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
