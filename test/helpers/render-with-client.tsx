import type { QueryClient } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';
import {
  createMockApi,
  createMockHandlers,
  type MockApi,
  type MockApiOptions,
} from '../../src/mock/index.js';
import { appWrapper, newQueryClient } from './app-providers.js';

export const ORIGIN = 'http://localhost:3000';

/**
 * A timeout for tests that walk minutes of virtual time in thousands of steps: seconds on an idle
 * machine, minutes on a 2-core one shared with other work.
 */
export const SLOW = 180_000;

// Which test is running: an `advance` left running by a test that timed out stops at its next step
// instead of moving the clock and acting under the next test.
let epoch = 0;
// The step in flight: a test that timed out leaves one, and the next test must not start inside its `act`.
let stepping: Promise<unknown> | undefined;

/**
 * The mock API behind real `fetch` (MSW), on fake timers: TanStack Query, the client and the mock all
 * read the global clock, so `advance` moves all three together. Each test gets its own mock API (a
 * fresh session: tasks, balances, faults), fake clock and handlers; whatever a test changed in the page
 * (visibility, connectivity, spies, storage) is put back after it, even when it timed out.
 */
export function setupMockApi(options: MockApiOptions = {}) {
  let api!: MockApi;
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    epoch++;
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    vi.setSystemTime(Date.UTC(2026, 10, 24, 12));
    api = createMockApi({ seed: 7, ...options });
    server.use(...createMockHandlers(api));
  });
  afterEach(async () => {
    epoch++;
    // act() returns a thenable without `catch` (React 19): adopt it into a promise first.
    await Promise.resolve(stepping).catch(() => {});
    vi.useRealTimers();
    vi.restoreAllMocks();
    server.resetHandlers();
    // Back to the page's own (prototype) visibility and connectivity.
    delete (document as { visibilityState?: unknown }).visibilityState;
    delete (navigator as { onLine?: unknown }).onLine;
    localStorage.clear();
  });
  afterAll(() => server.close());
  const count = (method: string, path: string | RegExp = /./) =>
    api.requests.filter(
      (r) =>
        r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    ).length;
  return {
    /** This test's mock API. */
    get api() {
      return api;
    },
    server,
    /** Requests of this method (and path) the mock has received. */
    count,
    posts: () => count('POST'),
    gets: () => count('GET', /^\/api\/ai\/tasks\//),
  };
}

const STEP_MS = 100;
// setImmediate is not faked: it lets MSW's real I/O (an intercepted fetch answering) run between steps.
const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Moves time forward in 100 ms steps, letting every fetch, timer and render settle between steps (one
 * big jump would skip past timers that a response arriving mid-jump schedules). Throws once its test
 * has ended (timed out), so it never acts under the next one.
 */
export async function advance(ms: number) {
  const mine = epoch;
  for (let left = ms; ; left -= STEP_MS) {
    if (mine !== epoch) throw new Error('advance() outlived its test');
    // One act per step: React 18 holds every update made inside an act until it ends.
    await (stepping = act(async () => {
      await vi.advanceTimersByTimeAsync(Math.max(0, Math.min(STEP_MS, left)));
      for (let turn = 0; turn < 3 && mine === epoch; turn++) await realTurn();
    }));
    if (left <= STEP_MS) break;
  }
}

/** Providers as an app has them; a fresh QueryClient unless one is given (a "reload" makes a new one). */
export function providers({
  strict = false,
  queryClient = newQueryClient(),
  apiKey,
  persistScope,
}: { strict?: boolean; queryClient?: QueryClient; apiKey?: string; persistScope?: string } = {}) {
  const client = createClient({ baseUrl: ORIGIN, apiKey, retry: { jitter: false } });
  return {
    wrapper: appWrapper({ queryClient, client, strict, persistScope }),
    queryClient,
    client,
  };
}
