import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { ServerError } from '../../src/core/errors.js';
import {
  createMemoryTaskOwnerStore,
  errorResponse,
  type SubmitContext,
} from '../../src/server/index.js';
import {
  KEY,
  listen,
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

describe('what reaches the upstream', () => {
  it('sends the key and the checked body, and none of the browser’s credentials or headers', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({ baseUrl: upstream.url });
    const body = {
      model: 'veo3_fast',
      prompt: 'A cup',
      duration: 8,
      inputMode: 'text_to_video',
      providerInput: { seed: 1 },
    };
    const answer = await send(url, '/api/ai/video/generate', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-user': 'alice',
        authorization: 'Bearer sk_live_attacker',
        cookie: 'session=alice-session',
        'x-forwarded-for': '10.0.0.1',
        'x-api-key': 'sk_live_other',
      },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/api/ai/video/generate' });
    expect(seen!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen!.headers['content-type']).toBe('application/json');
    for (const name of ['cookie', 'x-user', 'x-forwarded-for', 'x-api-key'])
      expect(seen!.headers[name]).toBeUndefined();
    expect(JSON.parse(seen!.body)).toEqual(body);
  });

  it.each([
    [
      'video',
      { model: 'sora-2-text-to-video', prompt: 'Waves', duration: 5, resolution: '1080p' },
      {
        model: 'sora-2-text-to-video',
        prompt: 'Waves',
        duration: 5,
        inputMode: 'text_to_video',
        providerInput: { resolution: '1080p' },
      },
    ],
    [
      'image',
      { model: 'nano-banana-2', prompt: 'A fox', inputMode: 'text_to_image', resolution: '2K' },
      { model: 'nano-banana-2', prompt: 'A fox', resolution: '2K' },
    ],
  ])(
    'sends a hand-written %s body as the browser client would have sent it',
    async (kind, body, sent) => {
      const upstream = await startFakeUpstream();
      const { url } = await startProxy({ baseUrl: upstream.url });
      expect((await postJson(url, `/api/ai/${kind}/generate`, body)).status).toBe(200);
      expect(JSON.parse(upstream.requests[0]!.body)).toEqual(sent);
    },
  );

  it('sends the last of duplicate JSON keys, the one it validated', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({ baseUrl: upstream.url, allowModels: ['gpt-image-2'] });
    const raw = '{"model":"nano-banana-pro","prompt":"x","model":"gpt-image-2"}';
    const answer = await send(url, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...alice },
      body: raw,
    });
    expect(answer.status).toBe(200);
    expect(upstream.requests[0]!.body).toBe('{"model":"gpt-image-2","prompt":"x"}');
  });
});

describe('what comes back from the upstream', () => {
  it.each([
    [200, '{"taskId":"tsk_1","status":0,"creditsUsed":3}'],
    [429, '{"error":"Too many requests"}'],
  ])(
    'passes on only Retry-After of the headers of a %i: no cookies, no server details, never cached',
    async (status, body) => {
      const upstream = await startFakeUpstream(
        answering(status, body, {
          'Set-Cookie': ['track=1', 'upstream_session=x'],
          'X-Powered-By': 'Next.js',
          'Access-Control-Allow-Origin': '*',
          'Retry-After': '7',
          'Cache-Control': 'public, max-age=60',
          'Content-Type': 'text/plain',
        }),
      );
      const { url } = await startProxy({ baseUrl: upstream.url });
      const answer = await postJson(url, '/api/ai/image/generate', image);
      expect(answer).toMatchObject({ status, json: JSON.parse(body) });
      expect(answer.headers).toMatchObject({
        'retry-after': '7',
        'cache-control': 'no-store',
        'content-type': 'application/json',
      });
      for (const name of ['set-cookie', 'x-powered-by', 'access-control-allow-origin'])
        expect(answer.headers[name]).toBeUndefined();
    },
  );

  it.each([
    [
      402,
      '{"error":"Insufficient credits","required":12}',
      402,
      { error: 'Insufficient credits', required: 12 },
    ],
    [
      400,
      '{"error":"Invalid request","details":{"formErrors":[],"fieldErrors":{"prompt":["Prompt is required"]}}}',
      400,
      {
        error: 'Invalid request',
        details: { formErrors: [], fieldErrors: { prompt: ['Prompt is required'] } },
      },
    ],
    [500, '{"error":"Internal server error"}', 500, { error: 'Internal server error' }],
    [
      503,
      '<html><body>Service Unavailable</body></html>',
      503,
      { error: 'The GPT Image 2 API answered HTTP 503' },
    ],
    [502, '{"message":"bad gateway"}', 502, { error: 'The GPT Image 2 API answered HTTP 502' }],
    [
      401,
      '{"error":"Unauthorized"}',
      502,
      { error: "The server's GPT Image 2 API key was refused" },
    ],
    [
      200,
      '<html>a captive portal</html>',
      502,
      { error: 'The GPT Image 2 API answered with a body that is not JSON' },
    ],
    [302, '', 502, { error: 'The GPT Image 2 API answered HTTP 302' }],
  ])('an upstream %i (%s) reaches the browser as %i %j', async (status, body, expected, json) => {
    const upstream = await startFakeUpstream(
      answering(status, body, status === 302 ? { Location: 'http://127.0.0.1:1/elsewhere' } : {}),
    );
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', image);
    expect(answer.status).toBe(expected);
    expect(answer.json).toEqual(json);
    expect(upstream.requests).toHaveLength(1); // a redirect is not followed
  });

  it('never lets the key out, even when the upstream quotes it', async () => {
    const upstream = await startFakeUpstream(
      answering(500, JSON.stringify({ error: `Key ${KEY} is suspended` })),
    );
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', image); // `send` fails on any trace of the key
    expect(answer).toMatchObject({ status: 500, json: { error: 'Key [redacted] is suspended' } });
  });
});

describe('an upstream that fails', () => {
  it('that hangs before answering is a 504 after upstreamTimeoutMs', async () => {
    const upstream = await startFakeUpstream(() => {});
    const onError = vi.fn();
    const { url } = await startProxy({ baseUrl: upstream.url, upstreamTimeoutMs: 150, onError });
    const started = Date.now();
    const answer = await postJson(url, '/api/ai/image/generate', image);
    expect(answer).toMatchObject({
      status: 504,
      json: { error: 'The GPT Image 2 API did not answer within 0.15 s' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(onError).toHaveBeenCalledWith(
      expect.any(Error),
      expect.objectContaining({ stage: 'upstream' }),
    );
  });

  it('that sends headers and then stalls in the body is a 504 too', async () => {
    const upstream = await startFakeUpstream((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"taskId":"tsk_');
    });
    const { url } = await startProxy({ baseUrl: upstream.url, upstreamTimeoutMs: 150 });
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({ status: 504 });
  });

  it('that drops the connection is a 502', async () => {
    const upstream = await startFakeUpstream((_, res) => res.socket?.destroy());
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', image);
    expect(answer).toMatchObject({
      status: 502,
      json: { error: 'The GPT Image 2 API could not be reached' },
    });
  });

  it('that cannot be reached is a 502, logged by default without the key', async () => {
    const gone = await listen(() => {});
    await gone.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { url } = await startProxy({ baseUrl: gone.url, onError: undefined });
      const answer = await postJson(url, '/api/ai/image/generate', image);
      expect(answer).toMatchObject({
        status: 502,
        json: { error: 'The GPT Image 2 API could not be reached' },
      });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0])).toMatch(/^gptimage2-react\/server: upstream failed: /);
      expect(JSON.stringify(log.mock.calls)).not.toContain(KEY);
    } finally {
      log.mockRestore();
    }
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
