import { timeoutManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVirtualClock } from '../../src/mock/index.js';
import { driveQueryTimers, releaseQueryTimers } from '../../src/testing/clock-timers.js';

const clock = createVirtualClock();
afterEach(() => releaseQueryTimers(clock));

describe('driveQueryTimers', () => {
  it('runs TanStack Query’s timeouts on the clock, in order, and only as it advances', async () => {
    driveQueryTimers(clock);
    const fired: string[] = [];
    timeoutManager.setTimeout(() => fired.push('b'), 2000);
    timeoutManager.setTimeout(() => fired.push('a'), 1000);
    const cleared = timeoutManager.setTimeout(() => fired.push('never'), 1500);
    timeoutManager.clearTimeout(cleared);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toEqual([]);
    await clock.advance(1000);
    expect(fired).toEqual(['a']);
    await clock.advance(5000);
    expect(fired).toEqual(['a', 'b']);
  });

  it('repeats intervals at their period until cleared', async () => {
    driveQueryTimers(clock);
    const times: number[] = [];
    const start = clock.now();
    const interval = timeoutManager.setInterval(() => times.push(clock.now() - start), 3500);
    await clock.advance(11_000);
    expect(times).toEqual([3500, 7000, 10_500]);
    timeoutManager.clearInterval(interval);
    await clock.advance(10_000);
    expect(times).toHaveLength(3);
    expect(clock.pending).toBe(0);
  });

  it('hands new timers back to the platform once released, and still clears the clock’s own', async () => {
    driveQueryTimers(clock);
    const onClock = vi.fn();
    const id = timeoutManager.setTimeout(onClock, 100);
    releaseQueryTimers(clock);
    const real = await new Promise<number>((resolve) => {
      const started = Date.now();
      timeoutManager.setTimeout(() => resolve(Date.now() - started), 5);
    });
    expect(real).toBeGreaterThanOrEqual(4);
    timeoutManager.clearTimeout(id);
    await clock.advance(1000);
    expect(onClock).not.toHaveBeenCalled();
  });

  it('keeps a platform timer apart from a clock timer with the same number', async () => {
    driveQueryTimers(clock);
    const onClock = vi.fn();
    const clockTimer = timeoutManager.setTimeout(onClock, 100);
    releaseQueryTimers(clock);
    const onPlatform = vi.fn();
    const platformTimer = timeoutManager.setTimeout(onPlatform, 1);
    // Clearing the platform timer leaves the clock's alone, whatever their numbers.
    timeoutManager.clearTimeout(platformTimer);
    await clock.advance(100);
    expect(onClock).toHaveBeenCalledTimes(1);
    expect(Number(clockTimer)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onPlatform).not.toHaveBeenCalled();
  });
});
