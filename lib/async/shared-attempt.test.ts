import { describe, expect, it, vi } from 'vitest';
import { sharedAttempt } from './shared-attempt';

describe('sharedAttempt', () => {
  it('runs the job once for callers who ask together and after it succeeded', async () => {
    const job = vi.fn(async () => 7);
    const attempt = sharedAttempt(job);
    expect(await Promise.all([attempt.get(), attempt.get()])).toEqual([7, 7]);
    expect(await attempt.get()).toBe(7);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('forgets a failure, and a reset, so the next call runs the job again', async () => {
    const job = vi.fn(async () => 1);
    job.mockRejectedValueOnce(new Error('down'));
    const attempt = sharedAttempt(job);
    await expect(attempt.get()).rejects.toThrow('down');
    await expect(attempt.get()).resolves.toBe(1);
    attempt.reset();
    await attempt.get();
    expect(job).toHaveBeenCalledTimes(3);
  });
});
