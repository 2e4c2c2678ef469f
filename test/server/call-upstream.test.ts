import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryTaskOwnerStore } from '../../src/server/index.js';
import {
  KEY,
  listen,
  postJson,
  send,
  startFakeUpstream,
  startProxy,
  type SeenRequest,
} from '../helpers/proxy-server.js';

// How the proxy calls the upstream: what it sends, how it reads the answer (capped, redacted), how it
// takes a failing upstream, and that it abandons a poll with the browser.
const image = { model: 'gpt-image-2', prompt: 'A red fox' };
const alice = { 'x-user': 'alice' };
const TASK = 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND';
const aliceOwnsEverything = { get: () => 'alice', set: () => {} };

/** An upstream that answers every request with this status, headers and body. */
const answering =
  (status: number, body: string, headers: Record<string, string | string[]> = {}) =>
  (_: SeenRequest, res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };

/** An upstream that streams `total` bytes of a JSON string in 64 KB chunks, recording whether it got to the end. */
function streaming(total: number, headers: Record<string, string> = {}) {
  const outcome = { finished: false, closedEarly: false };
  const respond = (_: SeenRequest, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    res.on('close', () => {
      if (!res.writableFinished) outcome.closedEarly = true;
    });
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
      outcome.finished = true;
    };
    res.write('{"taskId":"');
    pump();
  };
  return { respond, outcome };
}

describe('the answer cap', () => {
  it('refuses a 32 MB poll answer with a 502 in the API shape, and stops reading it', async () => {
    const { respond, outcome } = streaming(32 * 1024 * 1024);
    const upstream = await startFakeUpstream(respond);
    const onError = vi.fn();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      taskStore: aliceOwnsEverything,
      onError,
    });
    const answer = await send(url, `/api/ai/tasks/${TASK}`, { headers: alice });
    expect(answer).toMatchObject({
      status: 502,
      json: { error: 'The GPT Image 2 API answered with more than 1048576 bytes' },
    });
    // The upstream never got to write its whole answer: the proxy closed the connection.
    await expect.poll(() => outcome.closedEarly).toBe(true);
    expect(outcome.finished).toBe(false);
    expect(onError.mock.calls[0]![0].message).toMatch(
      /over maxAnswerBytes \(1048576 bytes\); it was not read/,
    );
  }, 20_000);

  it('refuses an answer whose Content-Length is over maxAnswerBytes without reading it', async () => {
    const upstream = await startFakeUpstream((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      res.write('{"taskId":"tsk_1",');
    });
    const { url } = await startProxy({
      baseUrl: upstream.url,
      maxAnswerBytes: 4096,
      taskStore: aliceOwnsEverything,
    });
    expect(await send(url, `/api/ai/tasks/${TASK}`, { headers: alice })).toMatchObject({
      status: 502,
      json: { error: 'The GPT Image 2 API answered with more than 4096 bytes' },
    });
  });

  it('passes on an answer of exactly maxAnswerBytes', async () => {
    const body = JSON.stringify({ taskId: TASK, status: 0, creditsUsed: 3, note: '' });
    const padded = body.slice(0, -2) + 'y'.repeat(1000 - body.length) + '"}';
    const upstream = await startFakeUpstream((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(padded);
    });
    const { url } = await startProxy({ baseUrl: upstream.url, maxAnswerBytes: 1000 });
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({
      status: 200,
      json: { taskId: TASK },
    });
  });
});

describe('key redaction', () => {
  it('takes out a key the upstream hid with \\u escapes, which JSON parsing would reveal', async () => {
    const escaped = [...KEY]
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
    const upstream = await startFakeUpstream((_, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(`{"error":"Bad key ${escaped} in request","${escaped}":1}`);
    });
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', image); // `send` also fails on the raw key
    expect(answer.json).toEqual({ error: 'Bad key [redacted] in request', '[redacted]': 1 });
  });

  it.each([
    [`${KEY}`, undefined],
    [`120, ${KEY}`, undefined],
    ['<script>', undefined],
    ['120', '120'],
    ['Wed, 21 Oct 2026 07:28:00 GMT', 'Wed, 21 Oct 2026 07:28:00 GMT'],
  ])('passes on Retry-After %j as %j', async (value, passed) => {
    const upstream = await startFakeUpstream((_, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': value });
      res.end('{"error":"Too many requests"}');
    });
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', image);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe(passed);
  });
});

describe('a connection that fails before any answer', () => {
  it('is tried once more for a poll, which then succeeds', async () => {
    let drops = 1;
    const upstream = await startFakeUpstream((seen, res) => {
      if (drops-- > 0) return void res.socket?.destroy(); // as a kept-alive socket closed under it would
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ taskId: TASK, status: 0, creditsUsed: 3 }));
    });
    const { url } = await startProxy({ baseUrl: upstream.url, taskStore: aliceOwnsEverything });
    expect(await send(url, `/api/ai/tasks/${TASK}`, { headers: alice })).toMatchObject({
      status: 200,
      json: { taskId: TASK },
    });
    expect(upstream.requests).toHaveLength(2);
  });

  it('is a 502 after the second try, and a submit is never tried twice', async () => {
    const upstream = await startFakeUpstream((_, res) => res.socket?.destroy());
    const { url } = await startProxy({ baseUrl: upstream.url, taskStore: aliceOwnsEverything });
    expect(await send(url, `/api/ai/tasks/${TASK}`, { headers: alice })).toMatchObject({
      status: 502,
    });
    expect(upstream.requests).toHaveLength(2);
    expect(await postJson(url, '/api/ai/image/generate', image)).toMatchObject({ status: 502 });
    expect(upstream.requests).toHaveLength(3);
  });
});

describe('a browser that goes away', () => {
  it('takes its poll upstream down with it, rather than holding the socket until the timeout', async () => {
    let upstreamClosed = false;
    const upstream = await startFakeUpstream((_, res) =>
      res.on('close', () => (upstreamClosed = true)),
    );
    const { url } = await startProxy({
      baseUrl: upstream.url,
      taskStore: aliceOwnsEverything,
      upstreamTimeoutMs: 60_000,
    });
    const controller = new AbortController();
    const poll = fetch(`${url}/api/ai/tasks/${TASK}`, {
      headers: alice,
      signal: controller.signal,
    });
    await expect.poll(() => upstream.requests.length).toBe(1);
    controller.abort();
    await expect(poll).rejects.toThrow();
    await expect.poll(() => upstreamClosed).toBe(true);
  });

  it('does not abandon a submit: the task the API accepts is still recorded for its user', async () => {
    let answer: (() => void) | undefined;
    const upstream = await startFakeUpstream((_, res) => {
      answer = () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ taskId: TASK, status: 0, creditsUsed: 3 }));
      };
    });
    const taskStore = createMemoryTaskOwnerStore();
    const { url } = await startProxy({ baseUrl: upstream.url, taskStore });
    const controller = new AbortController();
    const submit = fetch(`${url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { ...alice, 'content-type': 'application/json' },
      body: JSON.stringify(image),
      signal: controller.signal,
    });
    await expect.poll(() => answer).toBeDefined();
    controller.abort();
    await expect(submit).rejects.toThrow();
    answer!();
    await expect.poll(() => taskStore.get(TASK)).toBe('alice');
  });
});

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
    let hungUp = false;
    const upstream = await startFakeUpstream((_, res) => res.on('close', () => (hungUp = true)));
    const onError = vi.fn();
    const { url } = await startProxy({ baseUrl: upstream.url, upstreamTimeoutMs: 150, onError });
    const answer = await postJson(url, '/api/ai/image/generate', image);
    // The 504 names the configured 0.15 s (not the 30 s default), and the proxy has hung up on the
    // upstream by then; no wall-clock bound, which a loaded machine would break.
    expect(answer).toMatchObject({
      status: 504,
      json: { error: 'The GPT Image 2 API did not answer within 0.15 s' },
    });
    await expect.poll(() => hungUp).toBe(true);
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
