import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/sync/subscriptions';

/**
 * Asks to read a subscription's origin (an optional host permission). Browsers grant a
 * request only during a user gesture, so call this straight from the click or submit
 * handler, before anything is awaited; its body reaches `permissions.request` synchronously.
 */
export async function requestHostPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}
