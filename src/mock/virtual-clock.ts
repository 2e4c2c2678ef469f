import type { Clock } from '../core/clock.js';

/** A clock whose time moves only when a test says so. Pass it to both the client and the mock API. */
export interface VirtualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing every sleep that falls due, in order, and letting the work each
   * one starts (promises, intercepted fetches) settle before the next. Resolves when done.
   */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending sleep and fires it; resolves `false` when nothing is pending. */
  next(): Promise<boolean>;
  /** Lets pending promise and I/O callbacks run without moving time. */
  settle(): Promise<void>;
  /** How many sleeps are pending. */
  readonly pending: number;
  /** When the next pending sleep falls due (clock milliseconds), or `null` when none is pending. */
  readonly nextAt: number | null;
}

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

// Captured at load, so the clock keeps working when a test fakes the global timers.
const realSetTimeout = globalThis.setTimeout;
const macrotask = () => new Promise<void>((resolve) => realSetTimeout(resolve, 0));
// Enough turns for a fetch intercepted by MSW to answer and its handlers to run.
const SETTLE_TURNS = 12;

/** Options of {@link createVirtualClock}. */
export interface VirtualClockOptions {
  /**
   * Macrotask turns given to the work each fired sleep starts. Defaults to `12`: enough for a fetch
   * intercepted by MSW. A fetch answered in memory (as `gptimage2-react/testing` does) needs fewer.
   */
  settleTurns?: number;
}

/** Makes a virtual clock starting at `start` (milliseconds since the epoch; defaults to 2026-01-01). */
export function createVirtualClock(
  start = Date.UTC(2026, 0, 1),
  options: VirtualClockOptions = {},
): VirtualClock {
  let now = start;
  let order = 0;
  const timers: Timer[] = [];
  const turns = options.settleTurns ?? SETTLE_TURNS;

  const settle = async () => {
    for (let turn = 0; turn < turns; turn++) await macrotask();
  };

  const fireNext = async (limit: number): Promise<boolean> => {
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const timer = timers[0];
    if (!timer || timer.at > limit) return false;
    timers.shift();
    now = Math.max(now, timer.at);
    timer.fire();
    await settle();
    return true;
  };

  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer: Timer = {
          at: now + Math.max(0, ms),
          order: order++,
          fire: () => {
            signal?.removeEventListener('abort', abort);
            resolve();
          },
        };
        const abort = () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
        timers.push(timer);
      });
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      while (await fireNext(target));
      now = target;
      await settle();
    },
    next: () => fireNext(Infinity),
    settle,
    get pending() {
      return timers.length;
    },
    get nextAt() {
      return timers.reduce<number | null>(
        (soonest, timer) => (soonest === null || timer.at < soonest ? timer.at : soonest),
        null,
      );
    },
  };
}
