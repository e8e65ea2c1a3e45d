import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../../lib/messaging/client';
import { markDocument } from '../../lib/marking/mark-document';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main() {
    const reply = await request('getVocabulary');
    if (!reply.ok) {
      console.warn('Fact Lens: no vocabulary', reply.error.message);
      return;
    }
    markDocument(document, reply.value);
  },
});
