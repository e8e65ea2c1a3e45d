import { describe, expect, it } from 'vitest';
import { bigTable, cjkArticle, englishArticle, generatePages, manyNodes } from './generate-pages';

describe('generated pages', () => {
  it('are the same bytes for the same seed, and differ for another', () => {
    expect(englishArticle(7, 50_000).html).toBe(englishArticle(7, 50_000).html);
    expect(englishArticle(8, 50_000).html).not.toBe(englishArticle(7, 50_000).html);
  });

  it.each([
    { page: () => englishArticle(1), name: 'Seedance' },
    { page: () => cjkArticle(1), name: '豆包' },
  ])('reach about 1 MB with seed names in them ($name)', ({ page, name }) => {
    const { html } = page();
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(1_000_000);
    expect(Buffer.byteLength(html)).toBeLessThan(1_100_000);
    expect(html).toContain(name);
  });

  it('has the asked number of table cells', () => {
    expect(bigTable(1, 1_000).html.match(/<td>/g)).toHaveLength(1_000);
  });

  it('has about the asked number of element and text nodes in <main>', () => {
    const { html } = manyNodes(1, 20_000);
    const main = html.slice(html.indexOf('<main>') + '<main>'.length, html.lastIndexOf('</main>'));
    const elements = main.match(/<[a-z]+>/g)?.length ?? 0;
    const texts = main.split(/<[^>]+>/).filter((text) => text !== '').length;
    expect(elements + texts).toBeGreaterThanOrEqual(20_000);
    expect(elements + texts).toBeLessThan(20_200);
  });

  it('have distinct names', () => {
    const names = generatePages(1).map((page) => page.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
