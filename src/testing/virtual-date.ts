import type { Clock } from '../core/clock.js';

/**
 * Makes `Date.now()` and `new Date()` read `clock` until the returned function is called, so code that
 * measures time with `Date` (an elapsed-time display, a timeout) sees virtual time. Everything else of
 * `Date` is the one in place before (a fake timer library's `Date` included). Once released, the
 * replacement reads the `Date` before it again, and is taken out unless something replaced `Date`
 * since (say, `vi.useRealTimers()`, or a newer wrapper), which then keeps it.
 */
export function followClockWithDate(clock: Clock): () => void {
  const Before = globalThis.Date;
  let released = false;
  const VirtualDate = new Proxy(Before, {
    // `new Date()` is now on the clock; `new Date(value)` is unchanged.
    construct: (target, args, newTarget) =>
      Reflect.construct(
        target,
        args.length || released ? args : [clock.now()],
        newTarget,
      ) as object,
    // `Date()` called as a function gives the time as a string.
    apply: (target) => new target(released ? target.now() : clock.now()).toString(),
    get: (target, key, receiver) =>
      key === 'now' && !released ? () => clock.now() : Reflect.get(target, key, receiver),
  });
  globalThis.Date = VirtualDate;
  return () => {
    released = true;
    if (globalThis.Date === VirtualDate) globalThis.Date = Before;
  };
}
