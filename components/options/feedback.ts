import type { ReplyError } from '../../lib/messaging/protocol';

/** A problem list can run to fifty lines; the first few say enough to fix a file. */
const DETAIL_LINES = 8;

/** A follow-up the reader may take from a message, e.g. "Undo" or "Install anyway". */
export interface FeedbackAction {
  label: string;
  run: () => Promise<Feedback | null>;
  /** Shown while `run` runs, e.g. "Restoring…". */
  pending?: string;
  /**
   * Moves focus to the follow-up once shown: set when the control the reader used is gone
   * (a removed pack's buttons), so keyboard focus does not fall back to the top of the page.
   */
  focus?: boolean;
}

/** What an action tells the reader: progress or success (a status), or a failure (an alert). */
export interface Feedback {
  tone: 'status' | 'alert';
  text: string;
  /** Itemised detail, e.g. the JSON paths of a rejected pack file. */
  details?: readonly string[];
  action?: FeedbackAction;
}

/**
 * Background and library messages are sentence fragments ("only http and https addresses
 * can be subscribed to"); on screen they stand alone, so they start with a capital and end
 * with a full stop.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export function saying(text: string): Feedback {
  return { tone: 'status', text };
}

export function failure(error: ReplyError | string): Feedback {
  if (typeof error === 'string') return { tone: 'alert', text: asSentence(error) };
  const details = error.details?.slice(0, DETAIL_LINES);
  return {
    tone: 'alert',
    text: asSentence(error.message),
    ...(details?.length ? { details } : {}),
  };
}
