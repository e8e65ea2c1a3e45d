import { describe, expect, it } from 'vitest';
import { isBuildInput } from './extension-browser';

describe('isBuildInput', () => {
  it.each([
    { file: 'lib/cards/page-cards.ts', expected: true },
    { file: 'components/hovercard/HoverCard.tsx', expected: true },
    { file: 'entrypoints/highlights.content.css', expected: true },
    { file: 'wxt.config.ts', expected: true },
    { file: 'lib/cards/display-text.test.ts', expected: false },
    { file: 'components/card/EntityCardView.test.tsx', expected: false },
    { file: 'lib/engine/page/README.md', expected: false },
  ])('$file: $expected', ({ file, expected }) => {
    expect(isBuildInput(file)).toBe(expected);
  });
});
