// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installMonospaceLayout, type FakeLayout } from '../../../tests/support/fake-layout';
import { dispatchTrusted } from '../../../tests/support/trusted-event';
import { aliasOf, markedIndex, matcherOf } from '../../../tests/support/marked-page';
import { trackHover, type HoverEvents } from './hover';
import type { MentionIndex } from './mention-index';
import type { Mention } from './mentions';

const matcher = matcherOf([aliasOf('Doubao'), aliasOf('ByteDance', 'company')]);

let layout: FakeLayout;
let index: MentionIndex;
/** Animation frames the test runs by hand. */
let frames: Map<number, FrameRequestCallback>;
const stops: (() => void)[] = [];

beforeEach(() => {
  document.body.innerHTML = '<p>Read Doubao, by ByteDance.</p>';
  layout = installMonospaceLayout(document);
  index = markedIndex(document.body, matcher);
  frames = new Map();
  let nextFrame = 1;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id));
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  layout.uninstall();
  vi.restoreAllMocks();
});

function runFrames(): void {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback(0);
}

/** Starts tracking; `log` lists each event as `enter Doubao` / `leave Doubao`. */
function track() {
  const log: string[] = [];
  const name = (mention: Mention) => mention.segment.text.slice(mention.start, mention.end);
  const events: HoverEvents = {
    enter: (mention) => log.push(`enter ${name(mention)}`),
    leave: (mention) => log.push(`leave ${name(mention)}`),
  };
  const stop = trackHover(document, index, events);
  stops.push(stop);
  return { log, stop };
}

/** The reader's pointer (a trusted event); `scripted` dispatches it as a page script would. */
function pointerAt(point: { x: number; y: number }, scripted = false): void {
  const event = new MouseEvent('pointermove', {
    clientX: point.x,
    clientY: point.y,
    bubbles: true,
  });
  if (scripted) document.dispatchEvent(event);
  else dispatchTrusted(document, event);
}

describe('trackHover', () => {
  it('hit-tests once per animation frame however many pointer events came', () => {
    const { log } = track();
    const caret = vi.spyOn(document, 'caretPositionFromPoint');
    pointerAt(layout.pointOf('Read', 1));
    pointerAt(layout.pointOf('Doubao', 1));
    pointerAt(layout.pointOf('Doubao', 3));
    expect(frames.size).toBe(1);
    expect(log).toEqual([]);
    runFrames();
    expect(caret).toHaveBeenCalledTimes(1);
    // The last position counts.
    expect(log).toEqual(['enter Doubao']);
  });

  it("ignores a page's scripted pointer events: only the reader's pointer opens cards", () => {
    const { log } = track();
    pointerAt(layout.pointOf('Doubao', 1), true);
    runFrames();
    expect(frames.size).toBe(0);
    expect(log).toEqual([]);
    pointerAt(layout.pointOf('Doubao', 1));
    runFrames();
    expect(log).toEqual(['enter Doubao']);
  });

  it('tells when the pointer enters a mention, moves to another and leaves it', () => {
    const { log } = track();
    pointerAt(layout.pointOf('Doubao', 1));
    runFrames();
    pointerAt(layout.pointOf('Doubao', 4)); // the same mention: nothing new
    runFrames();
    pointerAt(layout.pointOf('ByteDance', 2));
    runFrames();
    pointerAt(layout.pointOf('Read', 1));
    runFrames();
    expect(log).toEqual(['enter Doubao', 'leave Doubao', 'enter ByteDance', 'leave ByteDance']);
  });

  it('gives the line box under the pointer with each enter', () => {
    const enter = vi.fn();
    stops.push(trackHover(document, index, { enter, leave: () => {} }));
    pointerAt(layout.pointOf('ByteDance', 2));
    runFrames();
    const rect = enter.mock.calls[0]?.[1] as DOMRect | undefined;
    expect(rect && [rect.x, rect.y, rect.width, rect.height]).toEqual([160, 0, 90, 20]);
  });

  it('leaves the mention when the pointer leaves the document, not when it moves to another element', () => {
    const { log } = track();
    pointerAt(layout.pointOf('Doubao', 1));
    runFrames();
    dispatchTrusted(
      document,
      new MouseEvent('pointerout', { relatedTarget: document.body, bubbles: true }),
    );
    runFrames();
    expect(log).toEqual(['enter Doubao']);
    // A page's scripted pointerout does not move the reader's pointer.
    document.dispatchEvent(new MouseEvent('pointerout', { relatedTarget: null, bubbles: true }));
    runFrames();
    expect(log).toEqual(['enter Doubao']);
    dispatchTrusted(document, new MouseEvent('pointerout', { relatedTarget: null, bubbles: true }));
    runFrames();
    expect(log).toEqual(['enter Doubao', 'leave Doubao']);
  });

  it('hit-tests again when the page scrolls under a still pointer', () => {
    layout.uninstall();
    document.body.innerHTML = '<p>Read more Doubao</p>';
    layout = installMonospaceLayout(document, { lineChars: 10 }); // "Read more " / "Doubao"
    index = markedIndex(document.body, matcher);
    const { log } = track();
    const point = layout.pointOf('Read', 1);
    pointerAt(point);
    runFrames();
    expect(log).toEqual([]);
    layout.scrollTo(20); // one line up: "Doubao" is under the pointer now
    document.dispatchEvent(new Event('scroll'));
    runFrames();
    expect(log).toEqual(['enter Doubao']);
  });

  it('stops listening and cancels a frame still to come', () => {
    const { log, stop } = track();
    pointerAt(layout.pointOf('Doubao', 1));
    expect(frames.size).toBe(1);
    stop();
    expect(frames.size).toBe(0);
    pointerAt(layout.pointOf('Doubao', 1));
    document.dispatchEvent(new Event('scroll'));
    expect(frames.size).toBe(0);
    expect(log).toEqual([]);
  });
});
