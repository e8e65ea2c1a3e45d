import { describe, expect, it } from 'vitest';
import { createSliceScheduler } from '../../lib/engine/page/scheduler';
import { timeSlices } from './slice-timing';

describe('timeSlices', () => {
  it('reports the longest slice of the scheduler it wraps', async () => {
    let clock = 0;
    const { scheduler, longestSliceMs } = timeSlices(
      createSliceScheduler(() => clock, 8),
      () => clock,
    );
    let steps = 0;
    scheduler.run((shouldYield) => {
      while (steps < 10) {
        steps += 1;
        clock += 3; // each step costs 3 ms; 8 ms budget: three steps per slice
        if (shouldYield()) return false;
      }
      return true;
    });
    // A second job in the same slice as the first one's end counts towards that slice.
    scheduler.run(() => {
      clock += 1;
      return true;
    });
    await scheduler.whenIdle();
    expect(steps).toBe(10);
    expect(longestSliceMs()).toBe(9);
  });
});
