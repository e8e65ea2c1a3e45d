/**
 * Dispatches a jsdom event as the browser would for the reader's own input (`isTrusted`
 * true), for tests of handlers that ignore a page's scripted events (`dispatchEvent` always
 * makes them untrusted). jsdom keeps the flag and the dispatch algorithm on implementation
 * objects behind a symbol described "impl"; a real page has no such way, which is the point.
 * Only tests import this file.
 */
type Impl = { isTrusted: boolean; _dispatch(event: Impl): boolean };

function implOf(wrapper: object): Impl {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((s) => s.description === 'impl');
  if (!symbol) throw new Error('dispatchTrusted(): not a jsdom object');
  return (wrapper as Record<symbol, Impl>)[symbol] as Impl;
}

export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const eventImpl = implOf(event);
  eventImpl.isTrusted = true;
  return implOf(target)._dispatch(eventImpl);
}
