import {
  defaultScheduler,
  notifyManager,
  QueryClientProvider,
  type QueryClient,
} from '@tanstack/react-query';
import * as React from 'react';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { createClient, type ClientOptions, type GptImageClient } from '../core/client.js';
import { createMockApi, type MockApi, type MockApiOptions } from '../mock/create-mock-api.js';
import { createVirtualClock, type VirtualClock } from '../mock/virtual-clock.js';
import { GptImageProvider } from '../react/provider.js';
import { driveQueryTimers, releaseQueryTimers } from './clock-timers.js';
import { createTestQueryClient } from './create-test-query-client.js';
import { mockFetch } from './mock-fetch.js';
import { followClockWithDate } from './virtual-date.js';

/** Options of {@link createTestWrapper}. */
export interface TestWrapperOptions {
  /** The mock API's options (its clock is the wrapper's). Defaults: `seed: 1`, `timing: 'realistic'`, 1000 credits, no keys. */
  mock?: Omit<MockApiOptions, 'clock'>;
  /** The client's options (its `fetch` and `clock` are the wrapper's). Defaults to a same-origin client, as in a browser app. */
  client?: Omit<ClientOptions, 'fetch' | 'clock'>;
  /** The `QueryClient` to provide. Defaults to {@link createTestQueryClient}`()`. */
  queryClient?: QueryClient;
  /** Where virtual time starts (ms since the epoch). Defaults to the real time when the wrapper is made. */
  now?: number;
  /** Render the tree in `<StrictMode>`, as a development app does. Defaults to `false`. */
  strict?: boolean;
}

/** What {@link createTestWrapper} returns: the providers as a component, and handles on what is behind them. */
export interface TestWrapper {
  /** The providers: pass it as Testing Library's `wrapper` (`render(ui, { wrapper })`), or wrap your tree in it. */
  wrapper: (props: { children?: ReactNode }) => ReactElement;
  /** The in-memory API the client talks to: inspect `requests`, `tasks()`, `balance()`; `setScenario`, `inject`. */
  api: MockApi;
  /** The one clock the mock, the client and TanStack Query's timers (the hooks' polling) run on. */
  clock: VirtualClock;
  /** The client the hooks and components below the wrapper use. */
  client: GptImageClient;
  /** The `QueryClient` below the wrapper. */
  queryClient: QueryClient;
  /**
   * Moves virtual time forward by `ms`, firing every timer in order (polls, the mock's task progress,
   * retries, the elapsed-time ticks) with the work each starts settled before the next. React renders
   * (inside `act` when the environment is a React test environment) after each timer that changed a
   * query or a mutation (a poll, a submit, a result) and at the end, so a run of display ticks costs one
   * render, not one a second. Resolves when done; no real time passes.
   */
  advance(ms: number): Promise<void>;
  /**
   * Stops an `advance` still running (a test that timed out in it) and waits for its `act` to close,
   * clears the `QueryClient`, hands TanStack Query's timers and scheduler back to the platform, and
   * gives `Date` back. Call it after each test, and await it: `afterEach(() => wrapper.dispose())`.
   */
  dispose(): Promise<void>;
}

const SETTLE_TURNS = 3;

// Captured at load, so TanStack Query's batched renders still run when a test fakes the timers.
const realSetTimeout = globalThis.setTimeout;
const realTimersScheduler = (callback: () => void) => void realSetTimeout(callback, 0);
// The newest wrapper: the one whose `dispose` gives TanStack Query its scheduler back.
let newest: object | null = null;

// React's `act` (React 18.3 and 19); absent from older 18s, and refused by production builds.
const reactAct = (React as { act?: (callback: () => Promise<void>) => Promise<void> }).act;

/** Runs one step of time inside `act` when React expects it (Testing Library sets the flag), so updates land before the next. */
function step(work: () => Promise<unknown>): Promise<void> {
  const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean })
    .IS_REACT_ACT_ENVIRONMENT;
  return actEnvironment && reactAct
    ? reactAct(async () => void (await work()))
    : work().then(() => undefined);
}

/**
 * Everything a test of your own component needs: a `QueryClient` made for tests, the providers, and
 * the mock API behind the client, all on one virtual clock, so a 60-second video completes as soon as
 * the test says `await wrapper.advance(60_000)`. No MSW, no fake timers, no network.
 *
 * While the wrapper is the newest one (until `dispose`), TanStack Query's timers run on its clock
 * (through `timeoutManager`), its batched renders on the real timers (so fake timers do not hold them
 * back), and `Date.now()` and `new Date()` read its clock; make it before rendering.
 */
export function createTestWrapper(options: TestWrapperOptions = {}): TestWrapper {
  // The mock answers in memory: a few turns settle what a fired timer starts (MSW would need more).
  const clock = createVirtualClock(options.now ?? Date.now(), { settleTurns: SETTLE_TURNS });
  const api = createMockApi({ seed: 1, timing: 'realistic', ...options.mock, clock });
  const client = createClient({ ...options.client, fetch: mockFetch(api), clock });
  const queryClient = options.queryClient ?? createTestQueryClient();
  const strict = options.strict ?? false;
  driveQueryTimers(clock);
  notifyManager.setScheduler(realTimersScheduler);
  const self = {};
  newest = self;
  const restoreDate = followClockWithDate(clock);
  let disposed = false;
  let running: Promise<void> = Promise.resolve();

  // Calls `onChange` on any change to a query or a mutation (a poll starting or answering, a submit).
  function watchQueries(onChange: () => void) {
    const stops = [
      queryClient.getQueryCache().subscribe(onChange),
      queryClient.getMutationCache().subscribe(onChange),
    ];
    return () => stops.forEach((stop) => stop());
  }

  function wrapper({ children }: { children?: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>{children}</GptImageProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }

  const dueBy = (target: number) => !disposed && clock.nextAt !== null && clock.nextAt <= target;

  async function run(target: number) {
    await step(() => clock.settle());
    // Timers fire one at a time, in order. A step ends (React renders, effects set their timers) after
    // a timer that changed a query or a mutation: what it starts (a new follower, a poll) is in place
    // before the next. Timers that change neither (display ticks, the mock's progress) share a step.
    while (dueBy(target)) {
      await step(async () => {
        let changed = false;
        const stop = watchQueries(() => (changed = true));
        try {
          do await clock.next();
          while (!changed && dueBy(target));
        } finally {
          stop();
        }
      });
    }
    if (!disposed) await step(() => clock.advance(target - clock.now()));
  }

  async function advance(ms: number) {
    if (!(ms >= 0)) throw new RangeError(`advance(ms): ms must be a number ≥ 0, got ${ms}`);
    if (disposed)
      throw new Error('advance(ms): this wrapper was disposed; make a new one per test');
    const done = running.then(() => run(clock.now() + ms));
    running = done.catch(() => {});
    return done;
  }

  return {
    wrapper,
    api,
    clock,
    client,
    queryClient,
    advance,
    async dispose() {
      if (!disposed) {
        disposed = true;
        releaseQueryTimers(clock);
        if (newest === self) {
          notifyManager.setScheduler(defaultScheduler);
          newest = null;
        }
        restoreDate();
        queryClient.clear();
      }
      // An advance cut short by a test's timeout stops at its next timer: its `act` closes before the
      // next test renders.
      await running;
    },
  };
}
