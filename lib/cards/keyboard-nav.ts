/**
 * The keyboard way to the cards: Alt+Shift+N / Alt+Shift+P move to the next / previous
 * marked mention in reading order and open its card. Alt+Shift+letter is free in Chrome,
 * Firefox and the big sites' own shortcut sets; keys are read by `code` so layouts that
 * turn Alt+Shift+N into another character (macOS) still work.
 */
export type NavDirection = 'next' | 'previous';

export interface KeyLike {
  /** False for a page's scripted events: those never move to a mention or open a card. */
  isTrusted: boolean;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export function navigationDirection(event: KeyLike): NavDirection | null {
  if (!event.isTrusted) return null;
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyN') return 'next';
  if (event.code === 'KeyP') return 'previous';
  return null;
}

/** Typing in a field or editor is never hijacked, whatever the keys. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as Element;
  return (
    element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
    null
  );
}

/**
 * The index to move to from `current` (an index into the list, or -1 for none): the next
 * or previous one, wrapping around at the ends. -1 when the list is empty.
 */
export function stepIndex(length: number, current: number, direction: NavDirection): number {
  if (length === 0) return -1;
  if (current < 0 || current >= length) return direction === 'next' ? 0 : length - 1;
  return direction === 'next' ? (current + 1) % length : (current - 1 + length) % length;
}
