import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, NetworkError, RateLimitedError, ServerError } from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { API, fetchForThisTest, recordRequests, setupMswServer } from '../helpers/msw-server.js';

// The transport's GET retries (src/core/http/transport.ts, retry.ts), seen through `getTask`: backoff,
// Retry-After, dropped connections, request timeouts, aborts. Submits are never retried (client.test.ts).
const server = setupMswServer();
const seen = recordRequests(server);
const TASK = `${API}/api/ai/tasks/:id`;

function setup() {
  const clock = createVirtualClock();
  const client = createClient({
    baseUrl: API,
    apiKey: 'sk_live_test',
    clock,
    retry: { jitter: false },
    // What a test that timed out leaves polling never reaches the next test's records.
    fetch: fetchForThisTest(),
  });
  seen.length = 0;
  return { clock, client };
}

describe('GET retries', () => {
  it('retries 5xx with exponential backoff (1 s, 2 s, 4 s) and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(TASK, () =>
        ++calls < 4
          ? HttpResponse.json({ error: 'boom' }, { status: 503 })
          : HttpResponse.json({ taskId: 't', status: 0 }),
      ),
    );
    const { client, clock } = setup();
    const result = client.getTask('t');
    await clock.settle();
    expect(calls).toBe(1);
    await clock.advance(999);
    expect(calls).toBe(1);
    await clock.advance(1);
    expect(calls).toBe(2);
    await clock.advance(2000);
    expect(calls).toBe(3);
    await clock.advance(4000);
    await expect(result).resolves.toMatchObject({ id: 't', status: 'pending' });
  });

  it('honours Retry-After on a 429', async () => {
    let calls = 0;
    server.use(
      http.get(TASK, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: 'slow down' },
              { status: 429, headers: { 'Retry-After': '9' } },
            )
          : HttpResponse.json({ taskId: 't', status: 0 }),
      ),
    );
    const { client, clock } = setup();
    const result = client.getTask('t');
    await clock.advance(8_999);
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toMatchObject({ id: 't' });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    let calls = 0;
    const { client, clock } = setup();
    const at = new Date(clock.now() + 5000).toUTCString();
    server.use(
      http.get(TASK, () =>
        ++calls === 1
          ? HttpResponse.json({}, { status: 429, headers: { 'Retry-After': at } })
          : HttpResponse.json({ taskId: 't', status: 0 }),
      ),
    );
    const result = client.getTask('t');
    await clock.advance(4_999);
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toMatchObject({ id: 't' });
  });

  it('hands a Retry-After longer than a minute to the caller instead of waiting it out', async () => {
    server.use(
      http.get(TASK, () =>
        HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '3600' } }),
      ),
    );
    const error = await setup()
      .client.getTask('t')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(seen).toHaveLength(1);
  });

  it('retries dropped connections and gives up with a NetworkError after 3 retries', async () => {
    server.use(http.get(TASK, () => HttpResponse.error()));
    const { client, clock } = setup();
    const result = client.getTask('t').catch((e: unknown) => e);
    await clock.advance(10_000);
    expect(await result).toBeInstanceOf(NetworkError);
    expect(seen).toHaveLength(4);
  });

  it('gives up with a ServerError when 5xx persists, and makes no call with retry: false', async () => {
    server.use(http.get(TASK, () => new HttpResponse('<h1>502</h1>', { status: 502 })));
    const { client } = setup();
    const error = await client.getTask('t', { retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(seen).toHaveLength(1);
  });

  it('times out a request that gets no answer, then retries it', async () => {
    let calls = 0;
    server.use(
      http.get(TASK, async ({ request }) => {
        if (++calls === 1) {
          // Hang until the client gives up and aborts.
          await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        }
        return HttpResponse.json({ taskId: 't', status: 0 });
      }),
    );
    const clock = createVirtualClock();
    const client = createClient({
      baseUrl: API,
      clock,
      requestTimeoutMs: 5000,
      retry: { jitter: false },
    });
    const result = client.getTask('t');
    await clock.advance(5000);
    expect(calls).toBe(1);
    await clock.advance(1000);
    await expect(result).resolves.toMatchObject({ id: 't' });
    expect(calls).toBe(2);
  });

  it('stops at once when aborted during a backoff, with an AbortError', async () => {
    server.use(http.get(TASK, () => HttpResponse.json({}, { status: 500 })));
    const { client, clock } = setup();
    const controller = new AbortController();
    const result = client.getTask('t', { signal: controller.signal }).catch((e: unknown) => e);
    await clock.settle();
    controller.abort();
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect(clock.pending).toBe(0);
    expect(seen).toHaveLength(1);
  });
});
