import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import * as React from 'react';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { createClient, type ClientOptions, type GptImageClient } from '../core/client.js';
import { createMockApi, type MockApi, type MockApiOptions } from '../mock/create-mock-api.js';
import { createVirtualClock, type VirtualClock } from '../mock/virtual-clock.js';
import { GptImageProvider } from '../react/provider.js';
import { driveQueryTimers, releaseQueryTimers } from './clock-timers.js';
import { createTestQueryClient } from './create-test-query-client.js';
import { mockFetch } from './mock-fetch.js';

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
   * retries) and letting React render after each, inside `act` when the environment is a React test
   * environment. Resolves when done; no real time passes.
   */
  advance(ms: number): Promise<void>;
  /** Clears the `QueryClient` and hands TanStack Query's timers back to the platform. Call it after each test. */
  dispose(): void;
}

const SETTLE_TURNS = 3;

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
 * (through `timeoutManager`); make it before rendering.
 */
export function createTestWrapper(options: TestWrapperOptions = {}): TestWrapper {
  // The mock answers in memory: a few turns settle what a fired timer starts (MSW would need more).
  const clock = createVirtualClock(options.now ?? Date.now(), { settleTurns: SETTLE_TURNS });
  const api = createMockApi({ seed: 1, timing: 'realistic', ...options.mock, clock });
  const client = createClient({ ...options.client, fetch: mockFetch(api), clock });
  const queryClient = options.queryClient ?? createTestQueryClient();
  const strict = options.strict ?? false;
  driveQueryTimers(clock);

  function wrapper({ children }: { children?: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>{children}</GptImageProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }

  async function advance(ms: number) {
    if (!(ms >= 0)) throw new RangeError(`advance(ms): ms must be a number ≥ 0, got ${ms}`);
    const target = clock.now() + ms;
    await step(() => clock.settle());
    // One timer per step, so what it starts (a render, a new poll's timer) is in place before the next.
    for (let due = clock.nextAt; due !== null && due <= target; due = clock.nextAt)
      await step(() => clock.next());
    await step(() => clock.advance(target - clock.now()));
  }

  return {
    wrapper,
    api,
    clock,
    client,
    queryClient,
    advance,
    dispose() {
      releaseQueryTimers(clock);
      queryClient.clear();
    },
  };
}
