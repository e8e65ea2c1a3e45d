import type { VocabularyEntry } from '../messaging/protocol';
import { activeVocabulary, findMentions, type Mention } from './find-mentions';

export const HIGHLIGHT_NAME = 'fact-lens-mention';

/** Elements whose text is code, form input or hidden: never ours to mark. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT']);

function isSkipped(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) {
    if (SKIPPED.has(el.tagName)) return true;
    if (el.getAttribute('aria-hidden') === 'true') return true;
    if ((el as HTMLElement).isContentEditable) return true;
  }
  return false;
}

export interface PageMention extends Mention {
  range: Range;
}

/**
 * Finds the first `limit` mentions in the document's text nodes and paints them with
 * the CSS Custom Highlight API, leaving the DOM untouched. Returns what it painted.
 */
export function markDocument(
  doc: Document,
  vocabulary: readonly VocabularyEntry[],
  limit = 50,
): PageMention[] {
  const body = doc.body;
  if (!body) return [];
  const active = activeVocabulary(vocabulary, body.textContent ?? '');
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const painted: PageMention[] = [];
  for (let node = walker.nextNode(); node && painted.length < limit; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.trim() === '' || isSkipped(node.parentElement)) continue;
    for (const mention of findMentions(text, active)) {
      if (painted.length >= limit) break;
      const range = doc.createRange();
      range.setStart(node, mention.start);
      range.setEnd(node, mention.end);
      painted.push({ ...mention, range });
    }
  }
  const highlights = doc.defaultView?.CSS?.highlights;
  if (highlights && typeof Highlight !== 'undefined') {
    highlights.set(HIGHLIGHT_NAME, new Highlight(...painted.map((m) => m.range)));
  }
  return painted;
}
