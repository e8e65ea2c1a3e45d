import { describe, expect, it, vi } from 'vitest';
import { answerWire, sendWire, type MessageEvents, type WireReply } from './wire';

type Listener = Parameters<MessageEvents<string>['addListener']>[0];

/**
 * A message bus like `runtime.onMessage`: every listener sees the message; the first that
 * returns true answers through sendResponse; nobody answering gives undefined.
 */
function bus() {
  const listeners = new Set<Listener>();
  const events: MessageEvents<string> = {
    addListener: (listener) => listeners.add(listener),
    removeListener: (listener) => listeners.delete(listener),
  };
  const send = (message: unknown) =>
    new Promise<unknown>((resolve) => {
      for (const listener of listeners) {
        if (listener(message, 'sender-record', (reply: WireReply) => resolve(reply))) return;
      }
      resolve(undefined);
    });
  return { events, send, listeners };
}

describe('the wire envelope', () => {
  it('carries a request to its handler, with the sender, and the value back', async () => {
    const { events, send } = bus();
    const handler = vi.fn(async (data: unknown, sender: string) => ({ echo: data, sender }));
    answerWire(events, { ping: handler });
    await expect(sendWire(send, 'ping', { n: 1 })).resolves.toEqual({
      echo: { n: 1 },
      sender: 'sender-record',
    });
  });

  it('turns what a handler throws into an error for the sender', async () => {
    const { events, send } = bus();
    answerWire(events, {
      fail: () => {
        throw new Error('not today');
      },
    });
    await expect(sendWire(send, 'fail', undefined)).rejects.toThrow('not today');
  });

  it.each<[string, unknown]>([
    ['a type nobody handles', { id: 1, type: 'other', data: null, timestamp: 1 }],
    ['a message without the envelope', { type: 'ping' }],
    ['a string', 'ping'],
    ['an inherited name', { id: 1, type: 'toString', data: null, timestamp: 1 }],
  ])('leaves %s to other listeners', async (_, message) => {
    const { events, send } = bus();
    const handler = vi.fn();
    answerWire(events, { ping: handler });
    await expect(send(message)).resolves.toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it('fails clearly when nobody answers, and stops listening when asked', async () => {
    const { events, send, listeners } = bus();
    const stop = answerWire(events, { ping: () => 'pong' });
    await expect(sendWire(send, 'ping', undefined)).resolves.toBe('pong');
    stop();
    expect(listeners.size).toBe(0);
    await expect(sendWire(send, 'ping', undefined)).rejects.toThrow('No answer to ping');
  });
});
