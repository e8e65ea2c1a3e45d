import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard, type HoverCardActions } from '../../components/hovercard/HoverCard';
import type { HoverCardController } from '../../lib/cards/hover-controller';
import { OWN_UI_ATTRIBUTE } from '../../lib/engine/page/regions';

/**
 * Mounts the hover card in its own shadow root, appended to <html> rather than <body> so
 * the page's body keeps exactly its own children. The host carries OWN_UI_ATTRIBUTE: the
 * scanner never reads our own text.
 */
export async function mountHoverCard(
  ctx: ContentScriptContext,
  controller: HoverCardController,
  actions: HoverCardActions,
): Promise<void> {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'fact-lens-card',
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
