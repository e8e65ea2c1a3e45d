import { describe, expect, it } from 'vitest';
import { createSliceScheduler } from './scheduler';

describe('createSliceScheduler', () => {
  it('runs work until it reports done, yielding when the budget is spent', async () => {
    let clock = 0;
    const scheduler = createSliceScheduler(() => clock, 8);
    const slices: number[] = [];
    let steps = 0;
    scheduler.run((shouldYield) => {
      slices.push(steps);
      while (steps < 10) {
        steps += 1;
        clock += 3; // each step costs 3 ms
        if (shouldYield()) return false;
      }
      return true;
    });
    await scheduler.whenIdle();
    expect(steps).toBe(10);
    // 8 ms budget, 3 ms steps: three steps per slice.
    expect(slices).toEqual([0, 3, 6, 9]);
  });

  it('runs queued work in order and is idle at once when empty', async () => {
    const scheduler = createSliceScheduler(() => 0, 8);
    await scheduler.whenIdle();
    const order: string[] = [];
    scheduler.run(() => (order.push('a'), true));
    scheduler.run(() => (order.push('b'), true));
    await scheduler.whenIdle();
    expect(order).toEqual(['a', 'b']);
  });
});
