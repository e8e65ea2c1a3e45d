import { browser } from 'wxt/browser';
import type { MessageType, Payload, Reply, ReplyValue } from './protocol';
import { sendWire } from './wire';

/**
 * Sends a request to the background; a failed delivery (no background, closed port) becomes
 * an `internal` reply, so callers handle one shape.
 */
export async function request<T extends MessageType>(
  type: T,
  ...payload: Payload<T> extends undefined ? [] : [Payload<T>]
): Promise<Reply<ReplyValue<T>>> {
  try {
    const reply = await sendWire(
      (message) => browser.runtime.sendMessage(message),
      type,
      payload[0],
    );
    return reply as Reply<ReplyValue<T>>;
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
