import { describe, expect, it } from 'vitest';
import { selectSections } from './select-sections';

const all = [{ id: 'page-scan' }, { id: 'matcher-build' }, { id: 'hover-latency' }];
const ids = (sections: readonly { id: string }[]) => sections.map((s) => s.id);

describe('selectSections', () => {
  it('keeps every section without --section', () => {
    expect(ids(selectSections(all, undefined))).toEqual([
      'page-scan',
      'matcher-build',
      'hover-latency',
    ]);
  });

  it('picks by part of the id, case-insensitively', () => {
    expect(ids(selectSections(all, ['hover']))).toEqual(['hover-latency']);
    expect(ids(selectSections(all, ['MATCHER']))).toEqual(['matcher-build']);
  });

  it('keeps report order whatever the order of the options', () => {
    expect(ids(selectSections(all, ['hover', 'page']))).toEqual(['page-scan', 'hover-latency']);
  });

  it('rejects a text that matches no section, naming the ids', () => {
    expect(() => selectSections(all, ['hover', 'search'])).toThrow(
      /no section id contains "search".*page-scan, matcher-build, hover-latency/,
    );
  });
});
