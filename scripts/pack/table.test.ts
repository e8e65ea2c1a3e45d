import { describe, expect, it } from 'vitest';
import { formatTable } from './table';

describe('formatTable', () => {
  it('pads columns to their widest cell, aligned as asked', () => {
    expect(
      formatTable(
        ['pack', 'size', 'file'],
        [
          ['a', '1,234', 'a-1.0.0.pack.json'],
          ['longer-id', '5', 'b.json'],
        ],
        ['left', 'right'],
      ),
    ).toEqual([
      'pack        size  file',
      'a          1,234  a-1.0.0.pack.json',
      'longer-id      5  b.json',
    ]);
  });

  it('prints only the header when there are no rows, and tolerates short rows', () => {
    expect(formatTable(['a', 'b'], [])).toEqual(['a  b']);
    expect(formatTable(['a', 'b'], [['x']])).toEqual(['a  b', 'x']);
  });
});
