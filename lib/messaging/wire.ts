/**
 * How a request and its reply travel through `runtime.sendMessage` / `tabs.sendMessage`:
 * `{ id, type, data, timestamp }` out, `{ res }` or `{ err }` back (the frame
 * @webext-core/messaging used, kept so tests and the benchmark can still speak it).
 *
 * Our own, in a few lines, because the content script of every frame carries it, and the
 * library with its error serialiser was 3 kB of the 40 kB that script may weigh (issue 13).
 * The typed protocols (protocol.ts, page-protocol.ts) and the access checks (dispatch.ts) are
 * unchanged; this is only the envelope.
 */

export interface WireRequest {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}

/** A handler's answer, or the message of what it threw. */
export type WireReply = { res: unknown } | { err: { message: string } };

let nextId = Math.floor(Math.random() * 10_000);

/** The envelope for one request. */
export function wireRequest(type: string, data: unknown): WireRequest {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/**
 * Sends a request with `send` (runtime.sendMessage, or tabs.sendMessage to one frame) and
 * answers the reply's value; throws when nobody answered or the handler threw.
 */
export async function sendWire(
  send: (request: WireRequest) => Promise<unknown>,
  type: string,
  data: unknown,
): Promise<unknown> {
  const reply = (await send(wireRequest(type, data))) as Partial<WireReply> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`No answer to ${type}`);
  if ('err' in reply && reply.err != null) {
    const { message } = reply.err as { message?: unknown };
    throw new Error(typeof message === 'string' ? message : `${type} failed`);
  }
  return 'res' in reply ? reply.res : undefined;
}

/** What a handler gets: the payload and the browser's record of who sent it. */
export type WireHandler<Sender> = (data: unknown, sender: Sender) => unknown;

type Listener<Sender> = (
  message: unknown,
  sender: Sender,
  sendResponse: (reply: WireReply) => void,
) => boolean;

/** `runtime.onMessage`, or the part of it this needs. */
export interface MessageEvents<Sender> {
  addListener(listener: Listener<Sender>): void;
  removeListener(listener: Listener<Sender>): void;
}

/**
 * Answers requests of the given types; anything else (other envelopes, other types) is left
 * to other listeners. Replies go through `sendResponse` (returning true keeps the channel
 * open), which Chromium and Firefox both honour. Answers a function that stops listening.
 */
export function answerWire<Sender>(
  events: MessageEvents<Sender>,
  handlers: Readonly<Record<string, WireHandler<Sender>>>,
): () => void {
  const listener: Listener<Sender> = (message, sender, sendResponse) => {
    const request = message as Partial<WireRequest> | null;
    if (typeof request?.type !== 'string' || typeof request.timestamp !== 'number') return false;
    if (!Object.hasOwn(handlers, request.type)) return false;
    const handler = handlers[request.type] as WireHandler<Sender>;
    void (async () => handler(request.data, sender))().then(
      (res) => sendResponse({ res }),
      (error: unknown) =>
        sendResponse({ err: { message: error instanceof Error ? error.message : String(error) } }),
    );
    return true;
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
