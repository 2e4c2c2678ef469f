import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry, validateRequest } from '../../src/core/index.js';
import { postJson, send, startFakeUpstream, startProxy } from '../helpers/proxy-server.js';

// Everything here is refused by the proxy itself: the upstream must never be called.
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let proxy: string;
/** A proxy whose store says every task is alice's: only the id pattern stands between a trick and the upstream. */
let trusting: string;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = (
    await startProxy({
      baseUrl: upstream.url,
      allowModels: ['gpt-image-2', 'nano-banana-2', 'kling/v2-1-pro', 'veo3_fast'],
      maxBodyBytes: 4096,
    })
  ).url;
  trusting = (
    await startProxy({ baseUrl: upstream.url, taskStore: { get: () => 'alice', set: () => {} } })
  ).url;
});

afterEach(() => {
  const made = upstream.requests.splice(0);
  expect(made).toEqual([]);
});

const image = { model: 'gpt-image-2', prompt: 'A red fox' };

describe('paths the proxy does not serve', () => {
  it.each([
    '/',
    '/api/ai',
    '/api/ai/',
    '/api/ai/image',
    '/api/ai/image/generate/extra',
    '/api/ai/tasks.json', // the list is /api/ai/tasks, nothing near it
    '/api/ai/balance',
    '/API/AI/tasks/tsk_1',
    '/api/ai/image%2Fgenerate',
    '//evil.example/api/ai/tasks/tsk_1',
    '/api/ai/tasks/tsk_1/../../../../etc/passwd',
  ])('GET %s is a 404 in the API shape', async (path) => {
    const answer = await send(proxy, path, { headers: { 'x-user': 'alice' } });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'Not found' });
    expect(answer.headers['content-type']).toBe('application/json');
  });

  it.each([
    ['an encoded slash', '/api/ai/tasks/..%2Fimage%2Fgenerate'],
    ['an encoded slash in the id', '/api/ai/tasks/tsk_1%2F..%2F..%2Fbalance'],
    ['a double-encoded dot segment', '/api/ai/tasks/%252e%252e%252fbalance'],
    ['a NUL byte', '/api/ai/tasks/tsk_1%00'],
    ['a CRLF header injection', '/api/ai/tasks/tsk_1%0d%0aSet-Cookie:%20a=b'],
    ['a dot', '/api/ai/tasks/tsk_1.json'],
    ['an overlong id', `/api/ai/tasks/tsk_${'A'.repeat(130)}`],
    ['an empty id', '/api/ai/tasks/'],
    ['a nested path', '/api/ai/tasks/tsk_1/extra'],
  ])('a task id with %s is 404 Task not found, asked of nobody', async (_, path) => {
    const answer = await send(trusting, path, { headers: { 'x-user': 'alice' } });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'Task not found' });
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('resolves dot segments before routing, so they can only land on a route the user could name anyway', async () => {
    // `/api/ai/tasks/%2e%2e/image/generate` is `/api/ai/image/generate`: a GET there is refused.
    const answer = await send(proxy, '/api/ai/tasks/%2e%2e/image/generate', {
      headers: { 'x-user': 'alice' },
    });
    expect(answer.status).toBe(405);
  });

  it('ignores a Host header that tries to change the path', async () => {
    const answer = await send(proxy, '/nothing', {
      headers: { host: 'x/api/ai/tasks/tsk_1', 'x-user': 'alice' },
    });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'Not found' });
  });
});

describe('methods', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    '%s on a submit path is a 405 that allows POST',
    async (method) => {
      const answer = await send(proxy, '/api/ai/video/generate', {
        method,
        headers: { 'x-user': 'alice' },
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
    },
  );

  // TRACK and CONNECT never reach a Node `request` listener (its parser answers them); see test/server/create-proxy-handler.test.ts.
  it('TRACE, which a Fetch Request cannot carry, is a 405 in the API shape, not a 500', async () => {
    const method = 'TRACE';
    const answer = await send(proxy, '/api/ai/tasks/tsk_1', {
      method,
      headers: { 'x-user': 'alice' },
    });
    expect(answer).toMatchObject({
      status: 405,
      json: { error: 'Method not allowed' },
      headers: { allow: 'GET, POST' },
    });
  });

  it.each(['POST', 'PUT', 'DELETE'])(
    '%s on a task path is a 405 that allows GET',
    async (method) => {
      const answer = await send(proxy, '/api/ai/tasks/tsk_1', {
        method,
        headers: { 'x-user': 'alice' },
      });
      expect(answer).toMatchObject({
        status: 405,
        headers: { allow: 'GET' },
        json: { error: 'Method not allowed: use GET' },
      });
    },
  );
});

describe('submit bodies', () => {
  it.each([
    ['no content type', undefined],
    ['text/plain (what a cross-site form can send)', 'text/plain'],
    ['a form encoding', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a look-alike type', 'application/jsonp'],
  ])('%s is a 415', async (_, type) => {
    const headers: Record<string, string> = { 'x-user': 'alice' };
    if (type) headers['content-type'] = type;
    const answer = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers,
      body: JSON.stringify(image),
    });
    expect(answer).toMatchObject({
      status: 415,
      json: { error: 'Content-Type must be application/json' },
    });
  });

  it('takes a JSON content type with parameters', async () => {
    const answer = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'x-user': 'alice', 'content-type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify({ model: 'gpt-image-2' }),
    });
    expect(answer.status).toBe(400); // read and validated, not refused for its type
  });

  it.each([
    ['an empty body', ''],
    ['a truncated object', '{"model":"gpt-image-2","prompt":'],
    ['a trailing comma', '{"model":"gpt-image-2",}'],
    ['single quotes', "{'model':'gpt-image-2'}"],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('%s is the API 400 with a form error', async (_, body) => {
    const answer = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'Invalid request',
      details: { formErrors: ['The body is not valid JSON'], fieldErrors: {} },
    });
  });

  it.each([[[]], ['a prompt'], [null], [42]])(
    'JSON that is not an object (%j) is the API 400',
    async (body) => {
      const answer = await postJson(proxy, '/api/ai/image/generate', body);
      expect(answer).toMatchObject({
        status: 400,
        json: {
          error: 'Invalid request',
          details: { formErrors: ['The request must be an object'] },
        },
      });
    },
  );

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const answer = await postJson(proxy, '/api/ai/image/generate', {
      ...image,
      prompt: 'x'.repeat(5000),
    });
    expect(answer).toMatchObject({
      status: 413,
      json: { error: 'Request body too large (at most 4096 bytes)' },
    });
  });

  it('refuses a body streamed without a length once it passes the limit, and closes the connection', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const answer = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-user': 'alice',
        'transfer-encoding': 'chunked',
      },
      body: Array.from({ length: 32 }, () => chunk), // 2 MB, never buffered
    });
    expect(answer).toMatchObject({
      status: 413,
      json: { error: 'Request body too large (at most 4096 bytes)' },
    });
    expect(answer.headers.connection).toBe('close');
  });

  it('reads a body just under the limit', async () => {
    const body = JSON.stringify({ model: 'gpt-image-2', prompt: '' });
    const padded = body.slice(0, -1) + ' '.repeat(4096 - body.length) + '}';
    const answer = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: padded,
    });
    expect(answer).toMatchObject({
      status: 400,
      json: { details: { fieldErrors: { prompt: ['Prompt is required'] } } },
    });
  });
});

describe('invalid requests, by the client’s own validation', () => {
  it('answers a missing prompt with the API’s exact 400', async () => {
    const answer = await postJson(proxy, '/api/ai/image/generate', { model: 'gpt-image-2' });
    expect(answer.status).toBe(400);
    expect(answer.text).toBe(
      '{"error":"Invalid request","details":{"formErrors":[],"fieldErrors":{"prompt":["Prompt is required"]}}}',
    );
  });

  it.each([
    [
      'video',
      {
        model: 'kling/v2-1-pro',
        prompt: 'x',
        duration: 7,
        inputImageUrls: ['https://cdn.test/a.png'],
      },
    ],
    ['video', { model: 'veo3_fast', prompt: 'x', inputMode: 'image_to_video' }],
    ['video', { model: 'gpt-image-2', prompt: 'an image model on the video endpoint' }],
    ['image', { model: 'nano-banana-2', prompt: 'x', aspectRatio: '1:8', resolution: '4K' }],
    ['image', { model: 'gpt-image-2', prompt: 'x', aspect_ratio: '16:9' }],
    ['image', { model: 'gpt-image-2', prompt: 'x', inputImageUrls: ['file:///etc/passwd'] }],
  ] as const)('a %s request %j gets the same errors the client would give', async (kind, body) => {
    const answer = await postJson(proxy, `/api/ai/${kind}/generate`, body);
    expect(answer.status).toBe(400);
    const details = validateRequest(body, kind, defaultRegistry);
    expect(details).not.toBeNull();
    expect(answer.json).toEqual({ error: 'Invalid request', details });
  });

  it('refuses a model outside the allowlist on the model field, with the other errors', async () => {
    const answer = await postJson(proxy, '/api/ai/image/generate', {
      model: 'nano-banana-pro',
      aspectRatio: '7:3',
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'Invalid request',
      details: {
        formErrors: [],
        fieldErrors: {
          model: [
            'model nano-banana-pro is not offered here (choose one of gpt-image-2, nano-banana-2, kling/v2-1-pro, veo3_fast)',
          ],
          prompt: ['Prompt is required'],
          aspectRatio: [
            'aspectRatio must be one of auto, 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9 for nano-banana-pro',
          ],
        },
      },
    });
  });

  it('refuses a valid request for a model outside the allowlist', async () => {
    const answer = await postJson(proxy, '/api/ai/video/generate', {
      model: 'veo3',
      prompt: 'A cup',
      duration: 8,
    });
    expect(answer).toMatchObject({
      status: 400,
      json: {
        details: {
          fieldErrors: { model: [expect.stringContaining('model veo3 is not offered here')] },
        },
      },
    });
  });
});

describe('providerInput limits, checked before anything is sent', () => {
  it('refuses 20,000 levels of nesting in 40 KB with a 400 on providerInput, not a 502 "may have been charged"', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const body = `{"model":"gpt-image-2","prompt":"A fox","providerInput":${deep}}`;
    const big = (await startProxy({ baseUrl: upstream.url })).url;
    const answer = await send(big, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body,
    });
    expect(answer).toMatchObject({
      status: 400,
      json: {
        error: 'Invalid request',
        details: {
          fieldErrors: { providerInput: ['providerInput must be nested at most 32 levels deep'] },
        },
      },
    });
  });

  it('refuses a providerInput over 64 KB of JSON', async () => {
    const big = (await startProxy({ baseUrl: upstream.url })).url;
    const answer = await postJson(big, '/api/ai/image/generate', {
      ...image,
      providerInput: { note: 'あ'.repeat(22_000) },
    });
    expect(answer).toMatchObject({
      status: 400,
      json: {
        details: {
          fieldErrors: {
            providerInput: [expect.stringMatching(/^providerInput must be at most 64 KB as JSON/)],
          },
        },
      },
    });
  });

  it('takes nesting up to 32 levels', async () => {
    const big = (await startProxy({ baseUrl: upstream.url })).url;
    let nested: unknown = 1;
    for (let level = 0; level < 31; level += 1) nested = { a: nested };
    const answer = await postJson(big, '/api/ai/image/generate', {
      ...image,
      providerInput: nested,
    });
    expect(answer.status).toBe(200);
    expect(upstream.requests.splice(0)).toHaveLength(1);
  });
});

describe('users', () => {
  it.each([
    ['no user', {}],
    ['a refused user', { 'x-user': 'banned' }],
    ['an authorize that throws', { 'x-user': 'throw' }],
    ['an empty user id', { 'x-user': '' }],
  ])('%s is a 401 on submit and on poll, body unread', async (_, user) => {
    const submit = await send(proxy, '/api/ai/image/generate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...user },
      body: JSON.stringify(image),
    });
    const poll = await send(proxy, '/api/ai/tasks/tsk_01J9XA5M2R9W4QZC4PYJF3N7ND', {
      headers: user,
    });
    for (const answer of [submit, poll])
      expect(answer).toMatchObject({ status: 401, json: { error: 'Unauthorized' } });
  });

  it('answers a task id nobody submitted here with 404 Task not found', async () => {
    const answer = await send(proxy, '/api/ai/tasks/tsk_01J9XA5M2R9W4QZC4PYJF3N7ND', {
      headers: { 'x-user': 'alice' },
    });
    expect(answer).toMatchObject({ status: 404, json: { error: 'Task not found' } });
  });
});
