// Runs the same tests through both adapters: MSW (fetch intercepted in-process) and the standalone
// server (real HTTP on 127.0.0.1), each over a mock API on a virtual clock.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createMockApi,
  createMockHandlers,
  createVirtualClock,
  type MockApi,
  type MockApiOptions,
  type VirtualClock,
} from '../../src/mock/index.js';
import { startMockServer, type MockServer } from '../../src/mock/node.js';

/** The two ways in. */
export const transports = ['msw', 'http'] as const;
export type Transport = (typeof transports)[number];

/** A mock API, the origin to call it at, and its clock. */
export interface Harness {
  url: string;
  api: MockApi;
  clock: VirtualClock;
}

/** The origin MSW answers at in these tests (the production one: nothing leaves the machine). */
export const MSW_ORIGIN = 'https://gptimage2api.org';

/**
 * Registers the hooks a transport needs in the current `describe`, and returns a maker of mock APIs
 * (seed 1 and a fresh virtual clock unless the options say otherwise).
 */
export function mockHarness(transport: Transport): (options?: MockApiOptions) => Promise<Harness> {
  const msw = transport === 'msw' ? setupServer() : undefined;
  const servers: MockServer[] = [];
  if (msw) {
    beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => msw.resetHandlers());
    afterAll(() => msw.close());
  } else {
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });
  }
  return async (options = {}) => {
    const clock = (options.clock as VirtualClock | undefined) ?? createVirtualClock();
    const api = createMockApi({ seed: 1, ...options, clock });
    if (msw) {
      msw.use(...createMockHandlers(api));
      return { url: MSW_ORIGIN, api, clock };
    }
    const server = await startMockServer({ port: 0, api });
    servers.push(server);
    return { url: server.url, api, clock };
  };
}

/** Waits (in real time, briefly) until `check` holds: for a request to reach a sleep on the virtual clock. */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
