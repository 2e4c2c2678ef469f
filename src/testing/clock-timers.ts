import { timeoutManager, type TimeoutCallback, type TimeoutProvider } from '@tanstack/react-query';
import type { Clock } from '../core/clock.js';

/**
 * TanStack Query's timers (`refetchInterval`, retries, `staleTime`, `gcTime`) through a clock. One
 * provider is installed once and routes each timer to the clock in force when it was set, or to the
 * platform's timers when none is: switching providers per test would make TanStack Query log that a
 * provider changed after use, and timers of one provider cannot be cleared through another.
 */
let current: Clock | null = null;
let installed = false;
let lastId = 0;

/** A timer on a clock: an object, so it cannot be mistaken for a platform timer's numeric id. */
class ClockTimer {
  readonly controller = new AbortController();
  readonly id = ++lastId;
  [Symbol.toPrimitive]() {
    return this.id;
  }
}

/** Runs `callback` after `ms` on `clock`, again and again while `repeat`; returns the timer. */
function schedule(
  clock: Clock,
  callback: TimeoutCallback,
  ms: number,
  repeat: boolean,
): ClockTimer {
  const timer = new ClockTimer();
  const { controller } = timer;
  // An interval of 0 would fire forever at one instant: at least 1 ms between two runs.
  const delay = repeat ? Math.max(1, ms) : Math.max(0, ms);
  const tick = () => {
    clock.sleep(delay, controller.signal).then(
      () => {
        callback();
        if (repeat && !controller.signal.aborted) tick();
      },
      () => {},
    );
  };
  tick();
  return timer;
}

function clear(id: unknown, clearReal: (id: never) => void) {
  if (id instanceof ClockTimer) id.controller.abort();
  else if (id !== undefined) clearReal(id as never);
}

const routing: TimeoutProvider = {
  setTimeout: (callback, ms) =>
    current
      ? schedule(current, callback, ms, false)
      : (globalThis.setTimeout(callback, ms) as unknown as number),
  clearTimeout: (id) => clear(id, globalThis.clearTimeout),
  setInterval: (callback, ms) =>
    current
      ? schedule(current, callback, ms, true)
      : (globalThis.setInterval(callback, ms) as unknown as number),
  clearInterval: (id) => clear(id, globalThis.clearInterval),
};

/**
 * Makes TanStack Query's timers run on `clock` until {@link releaseQueryTimers} (or the next call).
 * Timers already set keep the clock they were set on.
 */
export function driveQueryTimers(clock: Clock) {
  if (typeof timeoutManager?.setTimeoutProvider !== 'function') {
    throw new Error(
      'gptimage2-react/testing: this @tanstack/react-query has no timeoutManager, so its polling cannot run on a test clock. ' +
        'Install @tanstack/react-query 5.108 or later (the peer range of gptimage2-react).',
    );
  }
  if (!installed) {
    timeoutManager.setTimeoutProvider(routing);
    installed = true;
  }
  current = clock;
}

/** Puts TanStack Query's new timers back on the platform's timers (if `clock` is still the one in force). */
export function releaseQueryTimers(clock: Clock) {
  if (current === clock) current = null;
}
