import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryTaskOwnerStore,
  createProxyHandler,
  toNodeHandler,
  type ProxyOptions,
} from '../../src/server/index.js';
import {
  KEY,
  listen,
  postJson,
  send,
  startFakeUpstream,
  startProxy,
} from '../helpers/proxy-server.js';

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

describe('createMemoryTaskOwnerStore', () => {
  it('warns once in production that it serves one process only, and never elsewhere', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      vi.resetModules();
      const fresh = await import('../../src/server/task-owner-store.js');
      fresh.createMemoryTaskOwnerStore();
      expect(warn).not.toHaveBeenCalled(); // NODE_ENV=test
      vi.stubEnv('NODE_ENV', 'production');
      fresh.createMemoryTaskOwnerStore();
      fresh.createMemoryTaskOwnerStore();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0])).toMatch(
        /kept in this process only.*Use createRedisTaskStore/,
      );
    } finally {
      vi.unstubAllEnvs();
      warn.mockRestore();
    }
  });

  it('drops the oldest records past maxEntries', () => {
    const store = createMemoryTaskOwnerStore({ maxEntries: 2 });
    store.set('a', 'u1', 60_000);
    store.set('b', 'u2', 60_000);
    store.set('c', 'u3', 60_000);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([null, 'u2', 'u3']);
  });

  it('expires records after their TTL and clears expired ones as it records new ones', () => {
    let now = 0;
    const store = createMemoryTaskOwnerStore({ maxEntries: 2, now: () => now });
    store.set('a', 'u1', 100);
    store.set('b', 'u2', 1_000);
    now = 100;
    expect(store.get('a')).toBeNull();
    store.set('c', 'u3', 1_000);
    // `a` expired, so `b` survives the bound of 2.
    expect([store.get('b'), store.get('c')]).toEqual(['u2', 'u3']);
  });
});

describe('toNodeHandler', () => {
  it('routes by Express’s originalUrl when a router has stripped its mount path from url', async () => {
    const handler = vi.fn(async (request: Request) => new Response(new URL(request.url).pathname));
    const listener = toNodeHandler(handler);
    const { url } = await listen((req, res) => {
      Object.assign(req, { originalUrl: req.url, url: '/' });
      void listener(req, res);
    });
    expect((await send(url, '/api/ai/tasks/tsk_1')).text).toBe('/api/ai/tasks/tsk_1');
  });

  it.each(['TRACK', 'CONNECT'])(
    'answers %s set by a method-override middleware with a 405, not a 500',
    async (method) => {
      const handler = vi.fn(async () => new Response('ok'));
      const listener = toNodeHandler(handler);
      const { url } = await listen((req, res) => {
        req.method = String(req.headers['x-http-method-override'] ?? req.method);
        void listener(req, res);
      });
      const answer = await send(url, '/api/ai/tasks/tsk_1', {
        method: 'POST',
        headers: { 'x-http-method-override': method },
      });
      expect(answer).toMatchObject({ status: 405, json: { error: 'Method not allowed' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('passes on every Set-Cookie of an app’s own handler, and answers 500 in the API shape when the handler throws', async () => {
    const { url } = await listen(
      toNodeHandler(async (request) => {
        if (request.method === 'POST') throw new Error('boom');
        const headers = new Headers();
        headers.append('Set-Cookie', 'a=1');
        headers.append('Set-Cookie', 'b=2');
        return new Response('ok', { headers });
      }),
    );
    expect((await send(url, '/')).headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(await send(url, '/', { method: 'POST', body: 'x' })).toMatchObject({
      status: 500,
      json: { error: 'Internal error' },
    });
  });
});
