// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installMonospaceLayout, type FakeLayout } from '../../../tests/support/fake-layout';
import { aliasOf, markedIndex, matcherOf } from '../../../tests/support/marked-page';
import { caretAt, mentionAtPoint, mentionRects } from './hit-test';
import type { Mention } from './mentions';

const matcher = matcherOf([aliasOf('Doubao'), aliasOf('ByteDance', 'company')]);
const textOf = (mention: Mention | undefined) =>
  mention ? mention.segment.text.slice(mention.start, mention.end) : null;
/** A box as plain numbers: a DOMRect's fields are getters, which `toEqual` does not compare. */
const box = (rect: DOMRect | undefined) =>
  rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };

let layout: FakeLayout;
afterEach(() => layout.uninstall());

describe('caretAt', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p>Doubao</p>';
    layout = installMonospaceLayout(document);
  });

  it('reads the standard caretPositionFromPoint', () => {
    const text = document.querySelector('p')?.firstChild;
    expect(caretAt(document, 31, 5)).toEqual({ node: text, offset: 3 });
  });

  it('falls back to WebKit’s caretRangeFromPoint', () => {
    layout.uninstall();
    const text = document.querySelector('p')?.firstChild as Text;
    const doc = document as unknown as Record<string, unknown>;
    doc.caretRangeFromPoint = () => {
      const range = document.createRange();
      range.setStart(text, 2);
      return range;
    };
    try {
      expect(caretAt(document, 20, 5)).toEqual({ node: text, offset: 2 });
    } finally {
      delete doc.caretRangeFromPoint;
    }
  });

  it('answers null without either API, or where there is no text', () => {
    layout.uninstall();
    expect(caretAt(document, 10, 5)).toBeNull();
    (document as unknown as Record<string, unknown>).caretPositionFromPoint = () => null;
    expect(caretAt(document, 10, 5)).toBeNull();
  });
});

describe('mentionAtPoint', () => {
  beforeEach(() => {
    // One line: "Read Doubao, by ByteDance. Doubao." with ByteDance split over two nodes.
    document.body.innerHTML = '<p>Read Doubao, by <b>Byte</b>Dance. Doubao.</p>';
    layout = installMonospaceLayout(document);
  });

  it('finds the mention under the pointer and the box it is in', () => {
    const index = markedIndex(document.body, matcher);
    const { x, y } = layout.pointOf('Doubao', 2);
    const hit = mentionAtPoint(document, index, x, y);
    expect(textOf(hit?.mention)).toBe('Doubao');
    expect(hit?.mention).toBe(index.all()[0]);
    expect(box(hit?.rect)).toEqual({ x: 50, y: 0, width: 60, height: 20 });
  });

  it('counts the caret’s offset from the start of its segment, not of its text node', () => {
    const index = markedIndex(document.body, matcher);
    // "Dance" is the third text node of the paragraph's segment.
    const { x, y } = layout.pointOf('Dance', 1);
    expect(textOf(mentionAtPoint(document, index, x, y)?.mention)).toBe('ByteDance');
    const later = layout.pointOf('Dance. Doubao', 8);
    expect(mentionAtPoint(document, index, later.x, later.y)?.mention).toBe(index.all()[2]);
  });

  it('finds nothing on text that is not a mention', () => {
    const index = markedIndex(document.body, matcher);
    const { x, y } = layout.pointOf('Read', 1);
    expect(mentionAtPoint(document, index, x, y)).toBeNull();
  });

  it('finds nothing where the caret snaps to a mention the pointer is not on', () => {
    const index = markedIndex(document.body, matcher);
    // Just left of "Doubao": the nearest caret position is its start, but its box is not here.
    const { x, y } = layout.pointOf(' Doubao,', 0);
    expect(caretAt(document, x, y)?.offset).toBe(5);
    expect(mentionAtPoint(document, index, x, y)).toBeNull();
    // Below the text (the page's margin): the caret snaps to the last line.
    const below = layout.pointOf('Doubao', 2);
    expect(mentionAtPoint(document, index, below.x, below.y + 40)).toBeNull();
  });

  it('finds nothing on a mention that is not painted (muted, or not first in "first" density)', () => {
    const first = markedIndex(document.body, matcher, { density: 'first' });
    const { x, y } = layout.pointOf('Dance. Doubao', 8);
    expect(mentionAtPoint(document, first, x, y)).toBeNull();

    const muted = markedIndex(document.body, matcher);
    muted.setMuted(new Set(['p/bytedance']));
    muted.paint();
    const onByteDance = layout.pointOf('Byte', 1);
    expect(mentionAtPoint(document, muted, onByteDance.x, onByteDance.y)).toBeNull();
    const onDoubao = layout.pointOf('Doubao', 1);
    expect(textOf(mentionAtPoint(document, muted, onDoubao.x, onDoubao.y)?.mention)).toBe('Doubao');
  });

  it('answers the line box under the pointer for a mention that wraps', () => {
    layout.uninstall();
    document.body.innerHTML = '<p>Hello ByteDance</p>';
    // Eight characters a line: "Hello By" / "teDance".
    layout = installMonospaceLayout(document, { lineChars: 8 });
    const index = markedIndex(document.body, matcher);
    const [mention] = index.all();
    if (!mention) throw new Error('not marked');
    expect(mentionRects(document, mention).map(box)).toEqual([
      { x: 60, y: 0, width: 20, height: 20 },
      { x: 0, y: 20, width: 70, height: 20 },
    ]);
    const hit = mentionAtPoint(document, index, 25, 30);
    expect(hit?.mention).toBe(mention);
    expect(box(hit?.rect)).toEqual({ x: 0, y: 20, width: 70, height: 20 });
  });
});
