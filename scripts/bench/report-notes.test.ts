import { describe, expect, it } from 'vitest';
import { failedLoadsNote, staleBuildNote } from './report-notes';

describe('report notes', () => {
  it('names up to five changed sources and counts the rest', () => {
    expect(staleBuildNote([], 'npm run build')).toBeNull();
    const note = staleBuildNote(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'npm run build');
    expect(note).toContain('`a`, `b`, `c`, `d`, `e` and 2 more');
    expect(note).toContain('`npm run build` and rerun');
  });

  it('counts failed loads and shows the first five reasons', () => {
    expect(failedLoadsNote([])).toBeNull();
    expect(failedLoadsNote(['x'])).toBe('**1 load(s) failed** and are not in the figures: x.');
    expect(failedLoadsNote(['1', '2', '3', '4', '5', '6'])).toMatch(/: 1; 2; 3; 4; 5 …\.$/);
  });
});
