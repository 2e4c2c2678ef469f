import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { ServerError } from '../../src/core/errors.js';
import {
  createMemoryTaskOwnerStore,
  createProxyHandler,
  errorResponse,
  type ProxyOptions,
  type SubmitContext,
} from '../../src/server/index.js';
import {
  KEY,
  postJson,
  send,
  startFakeUpstream,
  startProxy,
  type SeenRequest,
} from '../helpers/proxy-server.js';

const image = { model: 'gpt-image-2', prompt: 'A red fox' } as const;
const alice = { 'x-user': 'alice' };

/** An upstream that answers every request with this status, headers and body. */
const answering =
  (status: number, body: string, headers: Record<string, string | string[]> = {}) =>
  (_: SeenRequest, res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };

// The handler as Next.js, Hono, Bun or an edge runtime calls it: a Fetch API Request in, a Response out.
const submitted = () =>
  Response.json({ taskId: 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND', status: 0, creditsUsed: 3 });

function makeHandler(options: Partial<ProxyOptions> = {}) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => submitted());
  const handler = createProxyHandler({ apiKey: KEY, authorize: () => 'alice', fetch, ...options });
  return { handler, fetch };
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe('createProxyHandler', () => {
  it('forwards to https://gptimage2api.org by default, through the injected fetch', async () => {
    const { handler, fetch } = makeHandler();
    const response = await handler(
      post('https://app.example/api/ai/image/generate', '{"model":"gpt-image-2","prompt":"x"}'),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      taskId: 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND',
      status: 0,
      creditsUsed: 3,
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://gptimage2api.org/api/ai/image/generate',
      expect.objectContaining({ method: 'POST', redirect: 'manual' }),
    );
  });

  it('answers only under its prefix when given one, the same path the browser client gets as baseUrl', async () => {
    const { handler, fetch } = makeHandler({ prefix: '/gen/', baseUrl: 'http://upstream.test/' });
    expect((await handler(post('https://app.example/api/ai/image/generate', '{}'))).status).toBe(
      404,
    );
    const response = await handler(
      post('https://app.example/gen/api/ai/image/generate', '{"model":"gpt-image-2","prompt":"x"}'),
    );
    expect(response.status).toBe(200);
    expect(fetch.mock.calls[0]![0]).toBe('http://upstream.test/api/ai/image/generate');
  });

  it('refuses a streamed body without a length once it passes maxBodyBytes, and stops reading it', async () => {
    const { handler, fetch } = makeHandler({ maxBodyBytes: 1024 });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(32));
      },
    });
    const response = await handler(post('https://app.example/api/ai/video/generate', endless));
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(5);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a body whose Content-Length is over maxBodyBytes without reading any of it', async () => {
    const { handler } = makeHandler({ maxBodyBytes: 1024 });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      { pull: (controller) => void (pulled++, controller.enqueue(new Uint8Array(16))) },
      { highWaterMark: 0 },
    );
    const response = await handler(
      post('https://app.example/api/ai/image/generate', body, { 'Content-Length': '1025' }),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBe(0);
  });

  it('answers an upload that breaks off with a 400, not a crash', async () => {
    const { handler, fetch } = makeHandler();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"model":'));
        controller.error(new Error('socket hang up'));
      },
    });
    const response = await handler(post('https://app.example/api/ai/image/generate', broken));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The request body could not be read' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('takes a body exactly maxBodyBytes long', async () => {
    const body = '{"model":"gpt-image-2","prompt":"x"}';
    const { handler } = makeHandler({ maxBodyBytes: body.length });
    expect((await handler(post('https://app.example/api/ai/image/generate', body))).status).toBe(
      200,
    );
  });

  it('awaits an asynchronous authorize', async () => {
    const { handler } = makeHandler({
      authorize: async (request) =>
        request.headers.get('cookie') === 'session=ok' ? 'alice' : null,
    });
    expect((await handler(new Request('https://app.example/api/ai/tasks/tsk_1'))).status).toBe(401);
    expect(
      (
        await handler(
          new Request('https://app.example/api/ai/tasks/tsk_1', {
            headers: { cookie: 'session=ok' },
          }),
        )
      ).status,
    ).toBe(404);
  });

  it.each([
    [{ authorize: undefined }, /needs authorize/],
    [
      { allowModels: ['gpt-image-2', 'gpt-image-3'] },
      /allowModels names models the registry does not have: gpt-image-3/,
    ],
    [{ prefix: 'gen' }, /prefix must start with "\/"/],
  ])('refuses to start with %j', (options, message) => {
    expect(() =>
      createProxyHandler({ apiKey: KEY, authorize: () => 'alice', ...options } as ProxyOptions),
    ).toThrow(message);
  });
});

describe('a handler made without a key (a build without secrets)', () => {
  it('is made without a throw, and answers the first request that needs the key with a 503, logging the variable once', async () => {
    const upstream = await startFakeUpstream();
    const onError = vi.fn();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      apiKey: undefined,
      onError,
      taskStore: { get: () => 'alice', set: () => {} },
    });
    const refusal = {
      status: 503,
      json: {
        error: 'The server has no GPT Image 2 API key configured; nothing was sent or charged',
        charged: false,
      },
    };
    expect(
      await postJson(url, '/api/ai/image/generate', { model: 'gpt-image-2', prompt: 'A fox' }),
    ).toMatchObject(refusal);
    expect(
      await send(url, '/api/ai/tasks/tsk_1', { headers: { 'x-user': 'alice' } }),
    ).toMatchObject(refusal);
    expect(upstream.requests).toHaveLength(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].message).toMatch(
      /set GPTIMAGE2_API_KEY in the server environment/,
    );
    expect(onError.mock.calls[0]![1]).toMatchObject({ stage: 'config' });
    // Who is not signed in, or sends an invalid request, learns nothing of the configuration.
    expect((await send(url, '/api/ai/tasks/tsk_1')).status).toBe(401);
    expect((await postJson(url, '/api/ai/image/generate', { model: 'gpt-image-2' })).status).toBe(
      400,
    );
  });
});

describe('per-user task scoping', () => {
  it('lets only the submitting user poll a task; others get 404 with no upstream call', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({ baseUrl: upstream.url });
    const { taskId } = (await postJson(url, '/api/ai/image/generate', image)).json as {
      taskId: string;
    };

    const bob = await send(url, `/api/ai/tasks/${taskId}`, { headers: { 'x-user': 'bob' } });
    expect(bob).toMatchObject({ status: 404, json: { error: 'Task not found' } });
    expect(upstream.requests).toHaveLength(1);

    const own = await send(url, `/api/ai/tasks/${taskId}`, { headers: alice });
    expect(own).toMatchObject({ status: 200, json: { taskId, status: 0 } });
    expect(upstream.requests[1]).toMatchObject({ method: 'GET', url: `/api/ai/tasks/${taskId}` });
    expect(upstream.requests[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('records the owner from the quickstart spelling `id` too', async () => {
    const upstream = await startFakeUpstream((seen, res) =>
      answering(
        200,
        seen.method === 'POST'
          ? '{"id":"tsk_QUICK","status":0,"creditsUsed":3}'
          : '{"id":"tsk_QUICK","status":1}',
      )(seen, res),
    );
    const { url } = await startProxy({ baseUrl: upstream.url });
    await postJson(url, '/api/ai/image/generate', image);
    expect(await send(url, '/api/ai/tasks/tsk_QUICK', { headers: alice })).toMatchObject({
      status: 200,
    });
    expect(
      await send(url, '/api/ai/tasks/tsk_QUICK', { headers: { 'x-user': 'mallory' } }),
    ).toMatchObject({ status: 404 });
  });

  it('forgets an owner after taskTtlMs: the task then answers 404', async () => {
    let now = 1_000;
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      taskStore: createMemoryTaskOwnerStore({ now: () => now }),
      taskTtlMs: 60_000,
    });
    const { taskId } = (await postJson(url, '/api/ai/image/generate', image)).json as {
      taskId: string;
    };
    now += 59_999;
    expect((await send(url, `/api/ai/tasks/${taskId}`, { headers: alice })).status).toBe(200);
    now += 1;
    expect((await send(url, `/api/ai/tasks/${taskId}`, { headers: alice })).status).toBe(404);
  });

  it('uses a custom asynchronous store, with the TTL it was given', async () => {
    const records = new Map<string, string>();
    const set = vi.fn(
      async (taskId: string, userId: string, _ttlMs: number) => void records.set(taskId, userId),
    );
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      taskStore: { get: async (id) => records.get(id), set },
    });
    const { taskId } = (await postJson(url, '/api/ai/image/generate', image)).json as {
      taskId: string;
    };
    expect(set).toHaveBeenCalledWith(taskId, 'alice', 24 * 60 * 60 * 1000);
    expect((await send(url, `/api/ai/tasks/${taskId}`, { headers: alice })).status).toBe(200);
  });

  it('answers 503 when the store fails: a submit reports a possible charge with its task id, a poll asks nobody', async () => {
    const onError = vi.fn();
    const upstream = await startFakeUpstream();
    const broken = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
    };
    const { url } = await startProxy({ baseUrl: upstream.url, taskStore: broken, onError });
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({
      status: 503,
      json: {
        error: 'The task was submitted but could not be recorded; it may have been charged',
        taskId: 'tsk_FAKE0000000000000000000001',
      },
    });
    expect(await send(url, '/api/ai/tasks/tsk_1', { headers: alice })).toMatchObject({
      status: 503,
      json: { error: 'The task store is unavailable; try again shortly' },
    });
    expect(upstream.requests).toHaveLength(1);
    expect(onError.mock.calls.map(([, context]) => context.stage)).toEqual([
      'taskStore',
      'taskStore',
    ]);
    expect(onError.mock.calls[0]![0].message).toMatch(
      /Task tsk_FAKE0000000000000000000001 of user alice was submitted but not recorded: redis down/,
    );
  });

  it('refuses a submit with 503 before sending it when the store says it is away', async () => {
    const upstream = await startFakeUpstream();
    const afterSubmitRefused = vi.fn();
    const away = {
      ...createMemoryTaskOwnerStore(),
      ping: () => Promise.reject(new Error('redis down')),
    };
    const { url } = await startProxy({
      baseUrl: upstream.url,
      taskStore: away,
      afterSubmitRefused,
    });
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({
      status: 503,
      json: { error: 'The task store is unavailable; nothing was sent or charged', charged: false },
      headers: { 'retry-after': '5' },
    });
    // The browser client knows nothing was charged: a plain ServerError, safe to submit again.
    const client = createClient({ baseUrl: url, headers: { 'x-user': 'alice' } });
    const error = await client.generateImage(image).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, notCharged: true });
    expect(upstream.requests).toHaveLength(0);
    expect(afterSubmitRefused).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'alice', status: 503 }),
    );
  });
});

describe('submit hooks', () => {
  it('beforeSubmit sees the checked submit and can refuse it in the API shape; nothing is sent', async () => {
    const upstream = await startFakeUpstream();
    const seen: SubmitContext[] = [];
    const { url } = await startProxy({
      baseUrl: upstream.url,
      beforeSubmit: (context) => {
        seen.push(context);
        return errorResponse(429, 'Daily quota reached', { quota: 100 }, { 'Retry-After': '3600' });
      },
    });
    const answer = await postJson(url, '/api/ai/image/generate', {
      model: 'nano-banana-2',
      prompt: 'A fox',
      resolution: '2K',
    });
    expect(answer).toMatchObject({
      status: 429,
      json: { error: 'Daily quota reached', quota: 100 },
      headers: { 'retry-after': '3600' },
    });
    expect(seen[0]).toMatchObject({
      userId: 'alice',
      kind: 'image',
      body: { model: 'nano-banana-2', resolution: '2K' },
      model: { id: 'nano-banana-2' },
      estimatedCredits: 6,
    });
    expect(upstream.requests).toEqual([]);
  });

  it('a beforeSubmit that throws refuses with a 500 and sends nothing', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      beforeSubmit: () => {
        throw new Error('quota service down');
      },
    });
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({
      status: 500,
      json: { error: 'The submit could not be checked; nothing was charged', charged: false },
    });
    const client = createClient({ baseUrl: url, headers: { 'x-user': 'alice' } });
    expect(await client.generateImage(image).catch((caught: unknown) => caught)).toMatchObject({
      name: 'ServerError',
      status: 500,
      notCharged: true,
    });
    expect(upstream.requests).toEqual([]);
  });

  it('afterSubmit learns the task id and the credits charged; its failure does not change the answer', async () => {
    const upstream = await startFakeUpstream();
    const afterSubmit = vi.fn(() => Promise.reject(new Error('audit log down')));
    const onError = vi.fn();
    const { url } = await startProxy({ baseUrl: upstream.url, afterSubmit, onError });
    const answer = await postJson(url, '/api/ai/image/generate', image);
    expect(answer.status).toBe(200);
    const { taskId } = answer.json as { taskId: string };
    expect(afterSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'alice', taskId, creditsUsed: 3 }),
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'audit log down' }),
      expect.objectContaining({ stage: 'afterSubmit' }),
    );
  });
});
