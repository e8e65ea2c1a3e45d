// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { outermostRoots, rootFor, rootsForRecords } from './dirty-roots';

async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('rootFor', () => {
  it.each([
    ['a block element is its own root', () => byId('p'), 'p'],
    ['inline markup belongs to its block', () => byId('b'), 'p'],
    ['text belongs to its block', () => byId('b').firstChild as Node, 'p'],
    ['a block inside a block is its own root', () => byId('d'), 'd'],
  ])('%s', (_label, pick, expected) => {
    document.body.innerHTML = '<div id="d"><p id="p">Wu <b id="b">Yonghui</b></p></div>';
    expect((rootFor(pick()) as Element).id).toBe(expected);
  });
});

describe('rootsForRecords', () => {
  it('rescans an appended block on its own, not the whole list', async () => {
    document.body.innerHTML = '<ul id="feed"><li>one</li></ul>';
    const records = await recordsOf(() => {
      const item = document.createElement('li');
      item.id = 'new';
      byId('feed').append(item);
    });
    expect([...rootsForRecords(records)].map((n) => (n as Element).id)).toEqual(['new']);
  });

  it('rescans the block of edited text', async () => {
    document.body.innerHTML = '<p id="p">Wu <b>Yonghui</b></p>';
    const records = await recordsOf(() => {
      (byId('p').lastChild?.firstChild as Text).data = 'Chang';
    });
    expect([...rootsForRecords(records)].map((n) => (n as Element).id)).toEqual(['p']);
  });

  it('rescans a block that lost inline content, not one that lost a child block', async () => {
    document.body.innerHTML =
      '<p id="p">Wu <b id="b">Yonghui</b></p><ul id="u"><li id="li">x</li></ul>';
    const records = await recordsOf(() => {
      byId('b').remove();
      byId('li').remove();
    });
    expect([...rootsForRecords(records)].map((n) => (n as Element).id)).toEqual(['p']);
  });

  it('ignores changes inside editable regions and form fields', async () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p id="ep">draft</p></div>';
    const records = await recordsOf(() => {
      (byId('ep').firstChild as Text).data = 'Doubao';
      byId('e').append(document.createElement('p'));
    });
    expect(rootsForRecords(records).size).toBe(0);
  });
});

describe('outermostRoots', () => {
  it('keeps only roots not inside another root, and only connected ones', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><p id="c">y</p>';
    const gone = document.createElement('p');
    const roots = outermostRoots(new Set<Node>([byId('b'), byId('a'), byId('c'), gone]));
    expect(roots.map((n) => (n as Element).id)).toEqual(['a', 'c']);
  });
});
