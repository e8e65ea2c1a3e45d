import { describe, expect, it, vi } from 'vitest';
import { ManualTimers } from '../../tests/support/publisher';
import { frameLifetime } from './lifetime';

describe('frameLifetime', () => {
  it('runs timers while the extension is there', () => {
    const runtime: { id?: string } = { id: 'ext' };
    const clock = new ManualTimers();
    const lifetime = frameLifetime(runtime, clock);
    const run = vi.fn();
    lifetime.timers.set(run, 100);
    clock.fireAll();
    expect(run).toHaveBeenCalledOnce();
    expect(lifetime.alive()).toBe(true);
  });

  it('ends, once, at the first timer due after the extension is gone, which does not run', () => {
    const runtime: { id?: string } = { id: 'ext' };
    const clock = new ManualTimers();
    const lifetime = frameLifetime(runtime, clock);
    const ended = vi.fn();
    lifetime.onEnd(ended);
    const run = vi.fn();
    lifetime.timers.set(run, 100);
    lifetime.timers.set(run, 200);
    delete runtime.id;
    expect(ended).not.toHaveBeenCalled(); // nobody looked yet
    clock.fireAll();
    expect(run).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledOnce();
    expect(lifetime.alive()).toBe(false);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('tells a listener added after the end at once, and a removed one never', () => {
    const runtime: { id?: string } = { id: 'ext' };
    const lifetime = frameLifetime(runtime, new ManualTimers());
    const removed = vi.fn();
    lifetime.onEnd(removed)();
    delete runtime.id;
    expect(lifetime.alive()).toBe(false);
    expect(removed).not.toHaveBeenCalled();
    const late = vi.fn();
    lifetime.onEnd(late);
    expect(late).toHaveBeenCalledOnce();
  });

  it('clears a timer through the clock', () => {
    const clock = new ManualTimers();
    const lifetime = frameLifetime({ id: 'ext' }, clock);
    const run = vi.fn();
    lifetime.timers.clear(lifetime.timers.set(run, 100));
    clock.fireAll();
    expect(run).not.toHaveBeenCalled();
  });
});
