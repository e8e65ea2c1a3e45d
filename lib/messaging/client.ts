import { defineExtensionMessaging } from '@webext-core/messaging';
import type { FactLensProtocol, MessageType, Payload, Reply, ReplyValue } from './protocol';

/** Shared by the background (listening) and every other context (sending). */
export const messenger = defineExtensionMessaging<FactLensProtocol>({ logger: undefined });

/** Sends a request; a failed delivery (no background, closed port) becomes an `internal` reply. */
export async function request<T extends MessageType>(
  type: T,
  ...payload: Payload<T> extends undefined ? [] : [Payload<T>]
): Promise<Reply<ReplyValue<T>>> {
  try {
    const send = messenger.sendMessage as (type: T, data: unknown) => Promise<Reply<ReplyValue<T>>>;
    return await send(type, payload[0]);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** For callers that treat any failure as an exception. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new Error(reply.error.message);
}
