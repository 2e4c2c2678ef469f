import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { StrictMode, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';
import { createMockApi, createMockHandlers, type MockApiOptions } from '../../src/mock/index.js';
import { GptImageProvider } from '../../src/react/index.js';

export const ORIGIN = 'http://localhost:3000';

/**
 * The mock API behind real `fetch` (MSW), on fake timers: TanStack Query, the client and the mock all
 * read the global clock, so `advance` moves all three together.
 */
export function setupMockApi(options: MockApiOptions = {}) {
  const api = createMockApi({ seed: 7, ...options });
  const server = setupServer(...createMockHandlers(api));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 24, 12));
  });
  afterEach(() => {
    vi.useRealTimers();
    server.resetHandlers();
    api.reset();
  });
  afterAll(() => server.close());
  const count = (method: string, path: string | RegExp = /./) =>
    api.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).length;
  return {
    api,
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
 * big jump would skip past timers that a response arriving mid-jump schedules).
 */
export async function advance(ms: number) {
  for (let left = ms; ; left -= STEP_MS) {
    // One act per step: React 18 holds every update made inside an act until it ends.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.max(0, Math.min(STEP_MS, left)));
      for (let turn = 0; turn < 3; turn++) await realTurn();
    });
    if (left <= STEP_MS) break;
  }
}

/** Providers as an app has them; a fresh QueryClient unless one is given (a "reload" makes a new one). */
export function providers({ strict = false, queryClient = new QueryClient(), apiKey }: { strict?: boolean; queryClient?: QueryClient; apiKey?: string } = {}) {
  const client = createClient({ baseUrl: ORIGIN, apiKey, retry: { jitter: false } });
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>{children}</GptImageProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  return { wrapper: Wrapper, queryClient, client };
}
