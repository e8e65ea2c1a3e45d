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

  describe('holdUntil', () => {
    /** A scheduler whose hold timers the test fires by hand. */
    function held() {
      const timers: (() => void)[] = [];
      const scheduler = createSliceScheduler(() => 0, 8, { set: (run) => timers.push(run) });
      return { scheduler, timers };
    }
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('runs nothing until what it waits for settles, then what was queued meanwhile', async () => {
      const { scheduler } = held();
      let release = () => {};
      scheduler.holdUntil(new Promise<void>((resolve) => (release = resolve)), 100);
      const ran: string[] = [];
      scheduler.run(() => (ran.push('a'), true));
      await tick();
      await tick();
      expect(ran).toEqual([]);
      release();
      await scheduler.whenIdle();
      expect(ran).toEqual(['a']);
    });

    it('lets go after atMostMs when nothing settles, and after a failure at once', async () => {
      const { scheduler, timers } = held();
      scheduler.holdUntil(new Promise(() => {}), 100);
      const ran: string[] = [];
      scheduler.run(() => (ran.push('a'), true));
      await tick();
      expect(ran).toEqual([]);
      timers[0]?.();
      await scheduler.whenIdle();
      expect(ran).toEqual(['a']);

      scheduler.holdUntil(Promise.reject(new Error('failed')), 100);
      scheduler.run(() => (ran.push('b'), true));
      await scheduler.whenIdle();
      expect(ran).toEqual(['a', 'b']);
    });

    it('ends the slice of the job that begins it', async () => {
      const { scheduler } = held();
      let release = () => {};
      const ran: string[] = [];
      let calls = 0;
      scheduler.run((shouldYield) => {
        calls++;
        if (calls === 1) {
          scheduler.holdUntil(new Promise<void>((resolve) => (release = resolve)), 100);
          ran.push(shouldYield() ? 'yielded' : 'went on');
          return false;
        }
        ran.push('resumed');
        return true;
      });
      scheduler.run(() => (ran.push('next'), true));
      await tick();
      await tick();
      expect(ran).toEqual(['yielded']);
      release();
      await scheduler.whenIdle();
      expect(ran).toEqual(['yielded', 'resumed', 'next']);
    });
  });
});
