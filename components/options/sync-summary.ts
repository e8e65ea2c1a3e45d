import type { SyncReport } from '../../lib/domain/subscription';
import { asSentence, type Feedback } from './feedback';

/** One report in a few words: "Installed Acme facts 1.2.0", "Up to date", or why it failed. */
export function summarizeSync(report: SyncReport): string {
  const installed = report.packs.flatMap((pack) =>
    pack.outcome === 'installed' ? [`${pack.title} ${pack.version}`] : [],
  );
  const parts = installed.length > 0 ? [`Installed ${installed.join(', ')}`] : [];
  const declined = report.packs.flatMap((pack) =>
    pack.outcome === 'declined' ? [pack.packId] : [],
  );
  if (declined.length > 0) parts.push(`Left out (you removed them): ${declined.join(', ')}`);
  if (report.outcome === 'failed') {
    parts.push(report.error?.message ?? 'the check failed');
  } else if (installed.length === 0) {
    parts.push(report.outcome === 'not-modified' ? 'Not modified' : 'Up to date');
  }
  return parts.map(asSentence).join(' ');
}

/** What "Sync now" (one subscription) or "Sync all now" found. */
export function describeSync(reports: readonly SyncReport[]): Feedback {
  const tone = reports.some((report) => report.outcome === 'failed') ? 'alert' : 'status';
  const [only] = reports;
  if (reports.length === 1 && only) return { tone, text: summarizeSync(only) };
  if (reports.length === 0) return { tone, text: 'There is nothing to check.' };
  return {
    tone,
    text: `Checked ${reports.length} subscriptions.`,
    details: reports.map((report) => `${report.url}: ${summarizeSync(report)}`),
  };
}

/** The outcome of subscribing: the subscription exists either way; its first check may fail. */
export function describeFirstSync(report: SyncReport): Feedback {
  if (report.outcome === 'failed') {
    return {
      tone: 'alert',
      text: `Subscribed, but the first check failed. ${summarizeSync(report)}`,
    };
  }
  return { tone: 'status', text: `Subscribed. ${summarizeSync(report)}` };
}
