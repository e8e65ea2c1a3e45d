import type { SyncReport } from '../../lib/domain/subscription';
import { formatCount } from '../../lib/i18n/ui-text';
import { t, ui } from '../i18n';
import { asSentence, type Feedback } from './feedback';

/**
 * One report in a sentence or a few, each a whole message: "Installed Acme facts 1.2.0.",
 * "Up to date.", or why it failed (the background's words, as a sentence).
 */
export function summarizeSync(report: SyncReport): string {
  const installed = report.packs.flatMap((pack) =>
    pack.outcome === 'installed' ? [`${pack.title} ${pack.version}`] : [],
  );
  const sentences = installed.length > 0 ? [t('sync_installed', installed.join(', '))] : [];
  const declined = report.packs.flatMap((pack) =>
    pack.outcome === 'declined' ? [pack.packId] : [],
  );
  if (declined.length > 0) sentences.push(t('sync_declined', declined.join(', ')));
  if (report.outcome === 'failed') {
    sentences.push(report.error ? asSentence(report.error.message) : t('sync_failed'));
  } else if (installed.length === 0) {
    sentences.push(t(report.outcome === 'not-modified' ? 'sync_notModified' : 'sync_upToDate'));
  }
  return sentences.join(' ');
}

/** What "Sync now" (one subscription) or "Sync all now" found. */
export function describeSync(reports: readonly SyncReport[]): Feedback {
  const tone = reports.some((report) => report.outcome === 'failed') ? 'alert' : 'status';
  const [only] = reports;
  if (reports.length === 1 && only) return { tone, text: summarizeSync(only) };
  if (reports.length === 0) return { tone, text: t('sync_nothing') };
  return {
    tone,
    text: t('sync_checked', formatCount(ui, reports.length)),
    details: reports.map((report) => `${report.url}: ${summarizeSync(report)}`),
  };
}

/** The outcome of subscribing: the subscription exists either way; its first check may fail. */
export function describeFirstSync(report: SyncReport): Feedback {
  const failed = report.outcome === 'failed';
  return {
    tone: failed ? 'alert' : 'status',
    text: t(failed ? 'sync_subscribedFailed' : 'sync_subscribed', summarizeSync(report)),
  };
}
