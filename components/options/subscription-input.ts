import { isPublicKeyText } from '../../lib/distribution/signature';
import { normalizeSubscriptionUrl, SubscriptionError } from '../../lib/sync/subscriptions';
import { asSentence } from './feedback';
import { t } from '../i18n';

export type SubscriptionField = 'url' | 'publicKey';

export type CheckedSubscription =
  | { ok: true; url: string; publicKey?: string }
  | { ok: false; field: SubscriptionField; message: string };

/**
 * Checks the subscribe form before anything is sent, synchronously: the host permission
 * must be requested in the same user gesture, so nothing may be awaited before it.
 */
export function checkSubscriptionInput(urlText: string, keyText: string): CheckedSubscription {
  if (!urlText.trim()) {
    return { ok: false, field: 'url', message: t('options_enterUrl') };
  }
  let url: string;
  try {
    url = normalizeSubscriptionUrl(urlText);
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    return { ok: false, field: 'url', message: asSentence(error.message) };
  }
  const publicKey = keyText.trim();
  if (!publicKey) return { ok: true, url };
  if (!isPublicKeyText(publicKey)) {
    return {
      ok: false,
      field: 'publicKey',
      message: t('options_badKey'),
    };
  }
  return { ok: true, url, publicKey };
}
