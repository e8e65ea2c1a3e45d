import axe from 'axe-core';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Mock } from 'vitest';
import type { request } from '../../lib/messaging/client';
import type { MessageType, Payload, Reply, ReplyValue } from '../../lib/messaging/protocol';
import type { ListedPack } from '../../lib/domain/pack';
import type { Subscription } from '../../lib/domain/subscription';

/**
 * Helpers for the component tests of the extension's pages (options, popup): rendering,
 * finding controls the way a reader names them, and a fake background answering `request`.
 */

// React warns unless it is told this is a test environment that wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * `request` (lib/messaging/client.ts) mocked, with its own type: every payload and reply the
 * tests fake is checked against the protocol (lib/messaging/protocol.ts), so a change there
 * breaks them at `tsc`, not at run time.
 */
export type RequestMock = Mock<typeof request>;

/** The background's answer to one request: the protocol's payload in, its reply out (or later). */
export type FakeHandler<T extends MessageType> = (
  payload: Payload<T>,
) => Reply<ReplyValue<T>> | Promise<Reply<ReplyValue<T>>>;
export type FakeHandlers = { [T in MessageType]?: FakeHandler<T> };

/**
 * A successful reply. `T` comes from where the reply goes (a `FakeHandler`'s return type, a
 * `finish` callback's parameter), never from `value`, so `value` is checked against the
 * protocol's reply type, extra properties included.
 */
export function ok<T>(value: NoInfer<T>): Reply<T> {
  return { ok: true, value };
}

/** Answers each request with its handler, and lists `packs` and `subscriptions` as they are now. */
export function fakeBackground(
  requestMock: RequestMock,
  state: { packs: ListedPack[]; subscriptions: Subscription[] },
  handlers: FakeHandlers = {},
): void {
  const all: FakeHandlers = {
    listPacks: () => ok(state.packs),
    listSubscriptions: () => ok(state.subscriptions),
    ...handlers,
  };
  const answer = async <T extends MessageType>(
    type: T,
    ...payload: Payload<T> extends undefined ? [] : [Payload<T>]
  ): Promise<Reply<ReplyValue<T>>> => {
    const handler = all[type] as FakeHandler<T> | undefined;
    return handler
      ? handler(payload[0] as Payload<T>)
      : { ok: false, error: { code: 'internal', message: `no fake for ${type}` } };
  };
  requestMock.mockImplementation(answer);
}

/** The payloads `request` was called with for one type. */
export function sent<T extends MessageType>(requestMock: RequestMock, type: T): Payload<T>[] {
  return requestMock.mock.calls
    .filter(([called]) => called === type)
    .map((call) => call[1] as Payload<T>);
}

export function pack(overrides: Partial<ListedPack> = {}): ListedPack {
  return {
    format: 1,
    id: 'acme-facts',
    version: '1.1.0',
    title: 'Acme facts',
    description: 'Facts about Acme.',
    language: 'en',
    publishedAt: '2026-01-01',
    publisher: { name: 'Acme Research' },
    origin: 'file',
    installedAt: Date.UTC(2026, 0, 2, 10, 30),
    enabled: true,
    counts: { sources: 3, propositions: 0, entities: 7, aliases: 9, facts: 11 },
    languages: ['en'],
    previousVersion: null,
    ...overrides,
  } as ListedPack;
}

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    url: 'https://packs.example.org/index.json',
    addedAt: Date.UTC(2026, 0, 1),
    packIds: [],
    failures: 0,
    nextCheckAt: Date.UTC(2026, 0, 3),
    ...overrides,
  };
}

let mounted: (() => void) | undefined;

/** Renders into a fresh container; `unmountAll` (in `afterEach`) removes it. */
export function render(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  mounted = () => {
    act(() => root.unmount());
    container.remove();
  };
  return container;
}

export function unmountAll(): void {
  mounted?.();
  mounted = undefined;
}

/** Lets every pending request and re-render finish. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The section under a heading, by the heading's text. */
export function section(container: HTMLElement, heading: string): HTMLElement {
  const found = [...container.querySelectorAll('section')].find(
    (candidate) => candidate.querySelector('h2')?.textContent === heading,
  );
  if (!found) throw new Error(`no section "${heading}"`);
  return found;
}

/** An installed pack's item, by its title. */
export function packItem(container: HTMLElement, title: string): HTMLElement {
  const found = [...container.querySelectorAll('article')].find(
    (candidate) => candidate.querySelector('h3')?.textContent === title,
  );
  if (!found) throw new Error(`no pack "${title}"`);
  return found;
}

export function findButton(within: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...within.querySelectorAll('button')].find((button) => button.textContent === name);
}

export function button(within: HTMLElement, name: string): HTMLButtonElement {
  const found = findButton(within, name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** The input labelled `label`. */
export function field(within: HTMLElement, label: string): HTMLInputElement {
  const labelElement = [...within.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = labelElement?.control;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field "${label}"`);
  return input;
}

/** The text an input's `aria-describedby` points at: its hint and error. */
export function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

/** Types into a React-controlled input (React listens for `input` and reads the native value). */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Text of the live regions of one kind (`status` or `alert`) within an element. */
export function liveText(within: HTMLElement, role: 'status' | 'alert'): string {
  return [...within.querySelectorAll(`[role="${role}"]`)]
    .map((region) => region.textContent)
    .join(' ')
    .trim();
}

/** Ids of serious or critical axe violations. Contrast needs layout, which jsdom lacks. */
export async function seriousViolations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id);
}
