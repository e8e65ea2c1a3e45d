import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
// Every extension page: the design tokens, the classes shared with the card, the page's own
// element styles. A page's entrypoint adds its block stylesheets (components/README.md).
import './styles/tokens.css';
import './styles/shared.css';
import './styles/page.css';

/** Renders an extension page's app (popup, options) into the `#root` of its HTML file. */
export function renderPage(app: ReactNode): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
