import { describe, expect, it } from 'vitest';
import { unexplained } from './web-ext-lint';

const eval_ = { code: 'DANGEROUS_EVAL', file: 'background.js', message: 'eval' };

describe('unexplained web-ext lint messages', () => {
  it('accepts an explained warning in the file it was explained for', () => {
    expect(unexplained([], [eval_])).toEqual([]);
  });

  it('keeps the same warning in another file, any other warning, and every error', () => {
    const elsewhere = { ...eval_, file: 'frame.js' };
    const missingId = { code: 'MISSING_ADDON_ID', file: 'manifest.json', message: 'no id' };
    const error = { ...eval_, message: 'as an error' };
    expect(unexplained([error], [elsewhere, missingId])).toEqual([error, elsewhere, missingId]);
  });
});
