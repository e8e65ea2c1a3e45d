// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { aliasOf, markedIndex, matcherOf } from '../../../tests/support/marked-page';
import type { Mention } from './mentions';
import { createWrapPainter, MARK_TAG } from './wrap-painter';

const matcher = matcherOf([aliasOf('Doubao'), aliasOf('ByteDance', 'company')]);

/** The page's mentions, found before anything is wrapped. */
function mentionsIn(root: Element): Mention[] {
  return markedIndex(root, matcher).all();
}

const marks = (root: Element) =>
  [...root.querySelectorAll(MARK_TAG)].map(
    (mark) => `${mark.textContent}:${(mark as HTMLElement).dataset.kind}`,
  );

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('createWrapPainter', () => {
  it('wraps each mention in its own element, named by kind, and leaves the text as it was', () => {
    document.body.innerHTML = '<p>Doubao is made by ByteDance; Doubao again.</p>';
    const p = document.querySelector('p') as HTMLElement;
    createWrapPainter(document).paint(mentionsIn(p));
    expect(marks(p)).toEqual(['Doubao:product', 'ByteDance:company', 'Doubao:product']);
    expect(p.textContent).toBe('Doubao is made by ByteDance; Doubao again.');
    expect(p.innerHTML).toBe(
      `<${MARK_TAG} data-kind="product">Doubao</${MARK_TAG}> is made by ` +
        `<${MARK_TAG} data-kind="company">ByteDance</${MARK_TAG}>; ` +
        `<${MARK_TAG} data-kind="product">Doubao</${MARK_TAG}> again.`,
    );
  });

  it('leaves a mention that spans two text nodes unwrapped', () => {
    document.body.innerHTML = '<p>Dou<b>bao</b> and ByteDance</p>';
    const p = document.querySelector('p') as HTMLElement;
    const mentions = mentionsIn(p);
    expect(mentions.map((m) => m.segment.text.slice(m.start, m.end))).toEqual([
      'Doubao',
      'ByteDance',
    ]);
    createWrapPainter(document).paint(mentions);
    expect(marks(p)).toEqual(['ByteDance:company']);
  });

  it('clear puts back the very text nodes it split, and touches nothing else', () => {
    document.body.innerHTML = '<p>Doubao by ByteDance.</p>';
    const p = document.querySelector('p') as HTMLElement;
    const text = p.firstChild as Text;
    // The page's own split text (two adjacent nodes) is not ours to merge.
    const pageText = [document.createTextNode(' One'), document.createTextNode(' two')];
    p.append(...pageText);
    const before = p.innerHTML;
    const painter = createWrapPainter(document);
    painter.paint(mentionsIn(p));
    painter.clear();
    expect(p.innerHTML).toBe(before);
    expect([...p.childNodes]).toEqual([text, ...pageText]);
    expect(text.data).toBe('Doubao by ByteDance.');
  });

  it('paints afresh on every paint: a later paint replaces what an earlier one wrapped', () => {
    document.body.innerHTML = '<p>Doubao by ByteDance.</p><p>Doubao again.</p>';
    const mentions = mentionsIn(document.body);
    const painter = createWrapPainter(document);
    painter.paint(mentions);
    painter.paint(mentions.filter((mention) => mention.entityKey === 'p/bytedance'));
    expect(marks(document.body)).toEqual(['ByteDance:company']);
    painter.paint(mentions);
    expect(marks(document.body)).toEqual(['Doubao:product', 'ByteDance:company', 'Doubao:product']);
    // No mark inside a mark, no text lost or doubled.
    expect(document.querySelectorAll(`${MARK_TAG} ${MARK_TAG}`)).toHaveLength(0);
    expect(document.body.textContent).toBe('Doubao by ByteDance.Doubao again.');
    painter.clear();
    expect(document.body.innerHTML).toBe('<p>Doubao by ByteDance.</p><p>Doubao again.</p>');
  });
});
