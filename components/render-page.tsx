import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
// Every extension page: the design tokens, the classes shared with the card, the page's own
// element styles. A page's entrypoint adds its block stylesheets (components/README.md).
import './styles/tokens.css';
import './styles/shared.css';
import './styles/page.css';
import { messagesLanguage, t } from './i18n';
import type { MessageId } from '../lib/i18n/ui-text';

/**
 * Renders an extension page's app (popup, options) into the `#root` of its HTML file, in
 * the language of the browser's messages: `lang` (screen readers, fonts for Chinese) and the
 * title (the HTML files' <title> is the English one, seen only before this runs).
 */
export function renderPage(app: ReactNode, title: MessageId): void {
  document.documentElement.lang = messagesLanguage();
  document.title = t(title);
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
