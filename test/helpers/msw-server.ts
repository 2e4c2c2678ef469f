import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, onTestFinished } from 'vitest';

/** One MSW server per test file; unhandled requests fail the test (nothing reaches the network). */
export function setupMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Records every request MSW sees, to count calls; emptied before each test. */
export function recordRequests(server: ReturnType<typeof setupServer>) {
  const seen: { method: string; url: string; headers: Headers; body: string }[] = [];
  beforeEach(() => {
    seen.length = 0;
  });
  server.events.on('request:start', async ({ request }) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.clone().text(),
    });
  });
  return seen;
}

export const API = 'https://api.test';

/**
 * A `fetch` for the client of the test that calls this: once that test ends (passed, failed or timed
 * out), what it left running (a poll loop on its clock, say) is refused instead of reaching MSW and
 * being counted as the next test's request.
 */
export function fetchForThisTest(): typeof fetch {
  let open = true;
  onTestFinished(() => {
    open = false;
  });
  return (input, init) =>
    open
      ? globalThis.fetch(input, init)
      : Promise.reject(new TypeError('fetch after its test ended'));
}
