import type { Clock } from '../../src/core/clock.js';

/** Virtual time: a clock whose sleeps and timers fire only when told, in order. */
export interface VirtualTime {
  /** The clock to hand the client and the mock (reads and sleeps on the same virtual time). */
  readonly clock: Clock;
  /** Virtual milliseconds since the epoch. */
  now(): number;
  /**
   * Fires every timer due up to `now() + ms`, in order, letting each callback's promises, fetches
   * and renders settle before the next; ends at exactly `now() + ms`.
   */
  advance(ms: number): Promise<void>;
  /** Fires timers until `done()` holds (checked after each), or throws past `limitMs`. */
  runUntil(done: () => boolean, limitMs: number): Promise<void>;
  /** Lets pending promise, I/O and scheduler work run without moving time. */
  settle(): Promise<void>;
  /** How many timers are pending. */
  readonly pending: number;
}

interface Timer {
  id: number;
  at: number;
  order: number;
  every: number | null;
  callback: () => void;
}

/** A handle Node code can call `unref()` on and TanStack Query can coerce to a number. */
class Handle {
  constructor(readonly id: number) {}
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  hasRef() {
    return true;
  }
  [Symbol.toPrimitive]() {
    return this.id;
  }
}

// Real turns of the event loop: setImmediate stays real, so I/O and React's scheduler keep running.
const realImmediate = globalThis.setImmediate;
const turn = () => new Promise<void>((resolve) => realImmediate(resolve));

/** What {@link createVirtualTime} adds for {@link installVirtualTime}: timer functions on its time. */
interface Timers {
  setTimeout: typeof setTimeout;
  setInterval: typeof setInterval;
  clearTimeout: (handle: unknown) => void;
}

/**
 * Replaces `Date.now`, `setTimeout`, `setInterval` and their `clear*` with virtual time starting at
 * `start`. Install it before importing the code under test, which may capture the timer functions.
 */
export function installVirtualTime(start: number, settleTurns = 6): VirtualTime {
  const time = createVirtualTime(start, settleTurns);
  const { setTimeout, setInterval, clearTimeout } = time.timers;
  Object.assign(globalThis, { setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout });
  Date.now = () => time.now();
  return time;
}

/**
 * Virtual time starting at `start`, touching no globals: hand `clock` to the client and the mock.
 * `settleTurns` real event-loop turns run after each instant's timers (enough for a mocked fetch and a
 * React commit).
 */
export function createVirtualTime(
  start: number,
  settleTurns = 6,
): VirtualTime & { timers: Timers } {
  let now = start;
  let order = 0;
  let nextId = 1;
  // Live timers by id; the heap may hold stale entries (cleared or rescheduled), skipped when popped.
  const timers = new Map<number, Timer>();
  const heap = new TimerHeap();

  const schedule = (timer: Timer) => {
    timers.set(timer.id, timer);
    heap.push(timer);
  };
  const add = (callback: () => void, ms: number | undefined, every: boolean): Handle => {
    const id = nextId++;
    const delay = Math.max(0, Number(ms) || 0);
    schedule({
      id,
      at: now + delay,
      order: order++,
      every: every ? Math.max(1, delay) : null,
      callback,
    });
    return new Handle(id);
  };
  const clear = (handle: unknown) => {
    if (handle !== undefined && handle !== null) timers.delete(Number(handle));
  };
  /** The next live timer due by `limit` (and set before `before`), left in place. */
  const due = (limit: number, before = Infinity): Timer | undefined => {
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (timers.get(top.id) !== top) {
        heap.pop();
        continue;
      }
      return top.at <= limit && top.order < before ? top : undefined;
    }
    return undefined;
  };

  const settle = async () => {
    for (let i = 0; i < settleTurns; i++) await turn();
  };

  // Every timer due at the earliest instant, in order, with microtasks between them (as Node's timers
  // phase runs them), then real turns for I/O and renders.
  const fireInstant = async (first: Timer) => {
    now = Math.max(now, first.at);
    // Timers set meanwhile wait for the next round, as in Node.
    const cutoff = order;
    for (let timer: Timer | undefined = first; timer; timer = due(now, cutoff)) {
      heap.pop();
      timers.delete(timer.id);
      if (timer.every !== null) schedule({ ...timer, at: now + timer.every, order: order++ });
      timer.callback();
      for (let i = 0; i < 3; i++) await Promise.resolve();
    }
    await settle();
  };

  const set = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    add(() => callback(...args), ms, false)) as unknown as typeof setTimeout;
  const every = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    add(() => callback(...args), ms, true)) as unknown as typeof setInterval;

  const clock: Clock = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const handle = add(
          () => {
            signal?.removeEventListener('abort', abort);
            resolve();
          },
          ms,
          false,
        );
        const abort = () => {
          clear(handle);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
      }),
  };

  return {
    clock,
    timers: { setTimeout: set, setInterval: every, clearTimeout: clear },
    now: () => now,
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let timer = due(target); timer; timer = due(target)) await fireInstant(timer);
      now = target;
      await settle();
    },
    async runUntil(done, limitMs) {
      const limit = now + limitMs;
      await settle();
      while (!done()) {
        const timer = due(limit);
        if (!timer) throw new Error(`Still not done after ${limitMs} ms of virtual time`);
        await fireInstant(timer);
      }
    },
    settle,
    get pending() {
      return timers.size;
    },
  };
}

/** A binary min-heap of timers by time, then by the order they were set. */
class TimerHeap {
  private items: Timer[] = [];
  private before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.order < b.order);

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(timer: Timer) {
    const { items } = this;
    items.push(timer);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && this.before(items[left]!, items[least]!)) least = left;
        if (right < items.length && this.before(items[right]!, items[least]!)) least = right;
        if (least === i) break;
        [items[i], items[least]] = [items[least]!, items[i]!];
        i = least;
      }
    }
    return top;
  }
}
