import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  HistoryUnavailableError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TaskNotFoundError,
  UnauthorizedError,
} from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { API, recordRequests, setupMswServer } from '../helpers/msw-server.js';

const server = setupMswServer();
const seen = recordRequests(server);
const TASK = `${API}/api/ai/tasks/:id`;

const canonical = {
  taskId: 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND',
  type: 'image',
  status: 1,
  model: 'gpt-image-2',
  prompt: 'A fox',
  imageUrls: ['https://static.example/a.png'],
  videoUrl: null,
  errorCode: null,
  errorMessage: null,
  creditsUsed: 3,
  creditsRefunded: false,
  createdAt: '2026-04-22T09:00:00.000Z',
  updatedAt: '2026-04-22T09:00:32.000Z',
};

function setup() {
  const clock = createVirtualClock();
  const client = createClient({
    baseUrl: API,
    apiKey: 'sk_live_test',
    clock,
    retry: { jitter: false },
  });
  seen.length = 0;
  return { clock, client };
}

describe('getTask', () => {
  it('normalizes the canonical snapshot', async () => {
    server.use(http.get(TASK, () => HttpResponse.json(canonical)));
    await expect(setup().client.getTask(canonical.taskId)).resolves.toEqual({
      id: canonical.taskId,
      status: 'completed',
      type: 'image',
      model: 'gpt-image-2',
      prompt: 'A fox',
      imageUrls: ['https://static.example/a.png'],
      videoUrl: null,
      errorCode: null,
      errorMessage: null,
      creditsUsed: 3,
      creditsRefunded: false,
      createdAt: canonical.createdAt,
      updatedAt: canonical.updatedAt,
      request: null,
    });
  });

  it("normalizes the quickstart's spellings to the same task, tolerating extra fields", async () => {
    const { taskId, imageUrls, updatedAt, creditsRefunded, ...rest } = canonical;
    server.use(
      http.get(TASK, () =>
        HttpResponse.json({
          ...rest,
          id: taskId,
          outputImageUrls: imageUrls,
          completedAt: updatedAt,
          creditRefunded: creditsRefunded,
          extra: { x: 1 },
        }),
      ),
    );
    const task = await setup().client.getTask(taskId);
    expect(task).toMatchObject({
      id: taskId,
      imageUrls,
      updatedAt,
      creditsRefunded: false,
      status: 'completed',
    });
  });

  it('reads a failed snapshot with its code and refund (either spelling)', async () => {
    server.use(
      http.get(TASK, () =>
        HttpResponse.json({
          id: 'tsk_f',
          status: 2,
          errorCode: 'EMPTY_RESULT',
          errorMessage: 'no output',
          creditRefunded: true,
        }),
      ),
    );
    await expect(setup().client.getTask('tsk_f')).resolves.toMatchObject({
      status: 'failed',
      errorCode: 'EMPTY_RESULT',
      errorMessage: 'no output',
      creditsRefunded: true,
      imageUrls: [],
      videoUrl: null,
      type: null,
    });
  });

  it('escapes the task id in the path', async () => {
    server.use(
      http.get(`${API}/api/ai/tasks/*`, () => HttpResponse.json({ taskId: 'a', status: 0 })),
    );
    await setup().client.getTask('../x?y');
    expect(seen[0]!.url).toBe(`${API}/api/ai/tasks/..%2Fx%3Fy`);
  });

  it.each([
    ['no id', { status: 1 }],
    ['a status outside 0/1/2', { taskId: 't', status: 7 }],
    ['an array', [1, 2]],
  ])('rejects a snapshot with %s as an invalid response after retrying', async (_, body) => {
    server.use(http.get(TASK, () => HttpResponse.json(body)));
    const { client, clock } = setup();
    const result = client.getTask('t').catch((e: unknown) => e);
    await clock.advance(60_000);
    expect(await result).toBeInstanceOf(InvalidResponseError);
    expect(seen).toHaveLength(4);
  });

  it('answers 404 with the task id, at once', async () => {
    server.use(
      http.get(TASK, () => HttpResponse.json({ error: 'Task not found' }, { status: 404 })),
    );
    const error = await setup()
      .client.getTask('tsk_gone')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error).toMatchObject({ taskId: 'tsk_gone', code: 'task_not_found', retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('does not retry a 401', async () => {
    server.use(http.get(TASK, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })));
    await expect(setup().client.getTask('t')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(seen).toHaveLength(1);
  });
});

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

describe('listTasks', () => {
  const LIST = `${API}/api/ai/tasks`;

  it('reads a page of tasks with their requests, passing limit and cursor', async () => {
    server.use(
      http.get(LIST, () =>
        HttpResponse.json({
          tasks: [{ ...canonical, request: { model: 'gpt-image-2', prompt: 'A fox' } }],
          nextCursor: 'c2',
        }),
      ),
    );
    const page = await setup().client.listTasks({ limit: 1, cursor: 'c1' });
    expect(page).toEqual({
      tasks: [
        expect.objectContaining({
          id: canonical.taskId,
          status: 'completed',
          request: { model: 'gpt-image-2', prompt: 'A fox' },
        }),
      ],
      nextCursor: 'c2',
    });
    expect(new URL(seen[0]!.url).search).toBe('?limit=1&cursor=c1');
  });

  it.each([
    [404, 'the API itself (no list endpoint)'],
    [501, 'a proxy whose store keeps no history'],
  ])('says history is unavailable, typed and unretried, on a %i from %s', async (status) => {
    server.use(http.get(LIST, () => HttpResponse.json({ error: 'Not found' }, { status })));
    const error = await setup()
      .client.listTasks()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryUnavailableError);
    expect(error).toMatchObject({ code: 'history_unavailable', status });
    expect((error as Error).message).toMatch(/proxy \(createProxyHandler\)/);
    expect(seen).toHaveLength(1);
  });

  it('refuses a body without a tasks list as an invalid response', async () => {
    server.use(http.get(LIST, () => HttpResponse.json({ items: [] })));
    await expect(createClient({ baseUrl: API, retry: false }).listTasks()).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});
