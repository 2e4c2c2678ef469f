// The one polling rule. `waitForTask` and the hooks (`taskQueryOptions`) both follow `nextPoll`; the
// hooks' side is seen in test/react/use-task.test.tsx ("waits after a transient error").
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  fixedPollSchedule,
  NetworkError,
  RateLimitedError,
  ServerError,
} from '../../src/core/index.js';
import { nextPoll } from '../../src/core/polling/next-poll.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { API, recordRequests, setupMswServer } from '../helpers/msw-server.js';

const every = (ms: number) => fixedPollSchedule(ms);

describe('nextPoll', () => {
  it("waits the schedule's delay, and may poll at once before the first poll (a resumed task)", () => {
    expect(nextPoll(every(3500), { attempt: 4, elapsedMs: 40_000 })).toBe(3500);
    expect(nextPoll(every(0), { attempt: 0, elapsedMs: 60_000 })).toBe(0);
  });

  it('never polls again sooner than 100 ms, whatever the schedule says', () => {
    expect(nextPoll(every(0), { attempt: 1, elapsedMs: 0 })).toBe(100);
    expect(nextPoll(every(-5), { attempt: 7, elapsedMs: 0 })).toBe(100);
    expect(nextPoll(every(150), { attempt: 1, elapsedMs: 0 })).toBe(150);
  });

  it('waits at least 5 s after a transient error, since the client has already retried the GET', () => {
    expect(
      nextPoll(every(2000), { attempt: 3, elapsedMs: 10_000, error: new ServerError(503, 'busy') }),
    ).toBe(5000);
    expect(
      nextPoll(every(2000), { attempt: 3, elapsedMs: 10_000, error: new NetworkError('offline') }),
    ).toBe(5000);
    // A schedule that already waits longer is kept.
    expect(
      nextPoll(every(15_000), {
        attempt: 3,
        elapsedMs: 10_000,
        error: new ServerError(502, 'gateway'),
      }),
    ).toBe(15_000);
  });

  it("waits out the server's Retry-After when it asks for longer", () => {
    expect(
      nextPoll(every(2000), { attempt: 1, elapsedMs: 2000, error: new RateLimitedError(90_000) }),
    ).toBe(90_000);
    expect(
      nextPoll(every(2000), { attempt: 1, elapsedMs: 2000, error: new RateLimitedError(null) }),
    ).toBe(5000);
  });
});

describe('waitForTask follows it', () => {
  const server = setupMswServer();
  const seen = recordRequests(server);

  it('after a poll that failed through its retries, waits 5 s before the next', async () => {
    const clock = createVirtualClock();
    const client = createClient({
      baseUrl: API,
      clock,
      pollSchedule: every(1000),
      retry: { jitter: false },
    });
    let calls = 0;
    server.use(
      http.get(`${API}/api/ai/tasks/:id`, () =>
        ++calls <= 4
          ? HttpResponse.json({ error: 'down' }, { status: 503 })
          : HttpResponse.json({ taskId: 'tsk_e', status: 1, videoUrl: 'https://cdn.test/v.mp4' }),
      ),
    );
    const done = client.waitForTask('tsk_e');
    // First poll at 1 s, retried at 2, 4 and 8 s (1 + 2 + 4 s of backoff), all 503.
    await clock.advance(8000);
    expect(seen).toHaveLength(4);
    // The schedule says 1 s; the rule says 5 s after the error: nothing at 12.9 s, the poll at 13 s.
    await clock.advance(4900);
    expect(seen).toHaveLength(4);
    await clock.advance(100);
    expect(seen).toHaveLength(5);
    await expect(done).resolves.toMatchObject({ id: 'tsk_e', status: 'completed' });
  });
});
