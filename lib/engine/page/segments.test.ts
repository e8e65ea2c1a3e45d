// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectSegments, nodeIndexAt } from './segments';

function texts(html: string): string[] {
  document.body.innerHTML = html;
  return collectSegments(document.body).segments.map((segment) => segment.text);
}

describe('collectSegments', () => {
  it.each([
    ['joins text across inline markup', '<p>Wu <b>Yonghui</b> said</p>', ['Wu Yonghui said']],
    ['nested inline markup', '<p><a href="#">Dou<em>bao</em></a>’s</p>', ['Doubao’s']],
    ['never across blocks', '<div>Wu</div><div>Yonghui</div>', ['Wu', 'Yonghui']],
    ['a nested block splits its parent', '<div>Wu<p>x</p>Yonghui</div>', ['Wu', 'x', 'Yonghui']],
    ['a line break splits', '<p>Wu<br>Yonghui</p>', ['Wu', 'Yonghui']],
    ['table cells are blocks', '<table><tr><td>Dou</td><td>bao</td></tr></table>', ['Dou', 'bao']],
    ['list items are blocks', '<ul><li>a</li><li>b</li></ul>', ['a', 'b']],
    ['skips script', '<p>a</p><script>var Doubao = 1</script>', ['a']],
    ['skips style', '<style>.Doubao{}</style><p>a</p>', ['a']],
    ['skips noscript', '<noscript>Doubao</noscript><p>a</p>', ['a']],
    ['skips template', '<template><p>Doubao</p></template><p>a</p>', ['a']],
    ['skips textarea', '<textarea>Doubao</textarea><p>a</p>', ['a']],
    ['skips select options', '<select><option>Doubao</option></select><p>a</p>', ['a']],
    ['skips contenteditable', '<div contenteditable="true"><p>Doubao</p></div><p>a</p>', ['a']],
    ['skips contenteditable=""', '<div contenteditable=""><p>Doubao</p></div><p>a</p>', ['a']],
    ['reads contenteditable=false', '<div contenteditable="false">Doubao</div>', ['Doubao']],
    ['skips aria-hidden', '<div aria-hidden="true"><p>Doubao</p></div><p>a</p>', ['a']],
    ['reads aria-hidden=false', '<p aria-hidden="false">Doubao</p>', ['Doubao']],
    ['skips our own UI', '<div data-fact-lens-ui><p>Doubao</p></div><p>a</p>', ['a']],
    ['drops whitespace-only runs', '<div>\n  <p>a</p>\n</div>', ['a']],
  ])('%s', (_label, html, expected) => {
    expect(texts(html)).toEqual(expected);
  });

  it.each([
    ['a div', '<div id="host"></div>'],
    ['a custom element inside a list', '<ul><li><x-card id="host"></x-card></li></ul>'],
  ])('descends into an open shadow root on %s and reports it', (_label, hostHtml) => {
    document.body.innerHTML = `<p>before</p>${hostHtml}<p>after</p>`;
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside <b>shadow</b></p>';
    const { segments, shadowRoots } = collectSegments(document.body);
    expect(segments.map((s) => s.text)).toEqual(['before', 'inside shadow', 'after']);
    expect(shadowRoots).toEqual([shadow]);
  });

  it('enters the shadow root of the root it starts from', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Seedance 2.0</p>';
    document.body.replaceChildren(host);
    const { segments, shadowRoots } = collectSegments(host);
    expect(segments.map((s) => s.text)).toEqual(['Seedance 2.0']);
    expect(shadowRoots).toEqual([host.shadowRoot]);
  });

  it('records where each node starts in the joined text', () => {
    document.body.innerHTML = '<p>Wu <b>Yonghui</b> said</p>';
    const [segment] = collectSegments(document.body).segments;
    expect(segment?.starts).toEqual([0, 3, 10]);
    expect(segment?.nodes.map((node) => node.data)).toEqual(['Wu ', 'Yonghui', ' said']);
  });
});

describe('nodeIndexAt', () => {
  const segment = { text: 'Wu Yonghui said', starts: [0, 3, 10], nodes: [] };
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [9, 1],
    [10, 2],
    [14, 2],
  ])('offset %i is in node %i', (offset, expected) => {
    expect(nodeIndexAt(segment, offset)).toBe(expected);
  });
});
