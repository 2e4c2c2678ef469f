import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/mock/index.js';

describe('the virtual clock', () => {
  it('starts at 2026-01-01 (or the given time) and moves only when told', async () => {
    expect(createVirtualClock().now()).toBe(Date.UTC(2026, 0, 1));
    const clock = createVirtualClock(1000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toBe(1000);
    await clock.advance(250);
    expect(clock.now()).toBe(1250);
  });

  it('fires sleeps in time order as it advances, each at its own time', async () => {
    const clock = createVirtualClock(0);
    const fired: [string, number][] = [];
    const sleep = (name: string, ms: number) =>
      clock.sleep(ms).then(() => void fired.push([name, clock.now()]));
    void sleep('b', 200);
    void sleep('a', 100);
    void sleep('c', 300);
    expect(clock.pending).toBe(3);
    await clock.advance(250);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    expect(clock.pending).toBe(1);
    expect(await clock.next()).toBe(true);
    expect(fired.at(-1)).toEqual(['c', 300]);
    expect(await clock.next()).toBe(false);
  });

  it('fires sleeps that earlier ones start, within the same advance', async () => {
    const clock = createVirtualClock(0);
    const times: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1000);
        times.push(clock.now());
      }
    };
    const done = loop();
    await clock.advance(3000);
    await done;
    expect(times).toEqual([1000, 2000, 3000]);
  });

  it('rejects a sleep when its signal aborts, and forgets it', async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pending).toBe(0);
    await expect(clock.sleep(10, controller.signal)).rejects.toThrow('stop');
  });

  it('tells when the next sleep falls due, so a caller can step timer by timer', async () => {
    const clock = createVirtualClock(0);
    expect(clock.nextAt).toBeNull();
    const controller = new AbortController();
    void clock.sleep(500);
    clock.sleep(200, controller.signal).catch(() => {});
    expect(clock.nextAt).toBe(200);
    controller.abort(new Error('stop'));
    expect(clock.nextAt).toBe(500);
    await clock.next();
    expect(clock.nextAt).toBeNull();
  });
});
