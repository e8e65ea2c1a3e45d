/**
 * Why a sync failed, as recorded on the subscription and shown in the options page. Every
 * failure is one of these with a sentence a user can act on; anything unexpected is wrapped
 * as `internal` so a message always reaches the screen.
 */
export type SyncErrorCode =
  | 'permission'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'not-text'
  | 'not-json'
  | 'invalid-index'
  | 'invalid-pack'
  | 'checksum'
  | 'unsigned'
  | 'signature'
  | 'not-newer'
  | 'conflict'
  | 'storage'
  | 'internal';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SyncError('internal', `unexpected failure (${reason})`);
}
