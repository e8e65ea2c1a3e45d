import type { SyncErrorCode } from '../domain/subscription';

/**
 * A sync failure: one of the `SyncErrorCode`s (lib/domain/subscription.ts) with a sentence a
 * user can act on, as recorded on the subscription and shown in the options page.
 */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Anything unexpected is wrapped as `internal`, so a message always reaches the screen. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SyncError('internal', `unexpected failure (${reason})`);
}
