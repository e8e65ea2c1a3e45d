import { describe, expect, it } from 'vitest';
import { navigationDirection, stepIndex, type KeyLike } from './keyboard-nav';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  isTrusted: true,
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('navigationDirection', () => {
  it.each<[string, KeyLike, ReturnType<typeof navigationDirection>]>([
    ['Alt+Shift+N', key('KeyN'), 'next'],
    ['Alt+Shift+P', key('KeyP'), 'previous'],
    ['Alt+N', key('KeyN', { shiftKey: false }), null],
    ['Shift+N', key('KeyN', { altKey: false }), null],
    ['Ctrl+Alt+Shift+N', key('KeyN', { ctrlKey: true }), null],
    ['Meta+Alt+Shift+N', key('KeyN', { metaKey: true }), null],
    ['Alt+Shift+M', key('KeyM'), null],
    ["a page's scripted Alt+Shift+N", key('KeyN', { isTrusted: false }), null],
    ["a page's scripted Alt+Shift+P", key('KeyP', { isTrusted: false }), null],
  ])('%s', (_, event, expected) => {
    expect(navigationDirection(event)).toBe(expected);
  });
});

describe('stepIndex', () => {
  it.each<[number, number, 'next' | 'previous', number]>([
    [0, -1, 'next', -1],
    [3, -1, 'next', 0],
    [3, -1, 'previous', 2],
    [3, 0, 'next', 1],
    [3, 2, 'next', 0],
    [3, 0, 'previous', 2],
    [3, 7, 'next', 0],
  ])('length %i from %i going %s → %i', (length, current, direction, expected) => {
    expect(stepIndex(length, current, direction)).toBe(expected);
  });
});
