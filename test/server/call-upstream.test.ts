import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryTaskOwnerStore } from '../../src/server/index.js';
import {
  KEY,
  postJson,
  send,
  startFakeUpstream,
  startProxy,
  type SeenRequest,
} from '../helpers/proxy-server.js';

// How the proxy reads what the upstream sends: capped, redacted, and abandoned with the browser.
const image = { model: 'gpt-image-2', prompt: 'A red fox' };
const alice = { 'x-user': 'alice' };
const TASK = 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND';
const aliceOwnsEverything = { get: () => 'alice', set: () => {} };

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
