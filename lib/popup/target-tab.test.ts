import { describe, expect, it } from 'vitest';
import { targetTabId } from './target-tab';

const OWN = 'chrome-extension://abc/';

describe('targetTabId', () => {
  it.each<[string, string, { id?: number; url?: string }[], number | null]>([
    ['the named tab', '?tab=42', [{ id: 7 }], 42],
    ['the active tab', '', [{ id: 7, url: 'https://a.com/' }], 7],
    ['not the popup itself', '', [{ id: 3, url: `${OWN}popup.html` }], null],
    ['an invalid name falls back', '?tab=abc', [{ id: 7 }], 7],
    ['no tab', '', [], null],
  ])('%s', async (_, search, tabs, expected) => {
    expect(await targetTabId(search, async () => tabs, OWN)).toBe(expected);
  });
});
