import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One MSW server per test file; unhandled requests fail the test (nothing reaches the network). */
export function setupMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Records every request MSW sees, to count calls. */
export function recordRequests(server: ReturnType<typeof setupServer>) {
  const seen: { method: string; url: string; headers: Headers; body: string }[] = [];
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
