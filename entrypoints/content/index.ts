import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarking } from '../../lib/engine/page/start';
import { request } from '../../lib/messaging/client';
import './style.css';
import highlightCss from './style.css?inline';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Every frame marks its own document: same-origin, cross-origin and srcdoc frames.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const reply = await request('getMatcher');
    if (!reply.ok) {
      console.warn('Fact Lens: no matcher', reply.error.message);
      return;
    }
    const marker = startMarking(document, reply.value, { highlightCss });
    ctx.onInvalidated(() => marker.stop());
  },
});
