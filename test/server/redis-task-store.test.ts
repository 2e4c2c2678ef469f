import type { ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { createClient as createRedisClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { SubmitOutcomeUnknownError } from '../../src/core/errors.js';
import { createRedisTaskStore, type RedisClientLike } from '../../src/server/index.js';
import {
  KEY,
  postJson,
  send,
  startFakeUpstream,
  type SeenRequest,
} from '../helpers/proxy-server.js';
import { startProxyInstance, type ProxyInstance } from './instances.js';
import { startRedis, type TestRedis } from './redis-server.js';

// Two proxy instances in separate processes share one real redis-server, through each client library.
const image = { model: 'gpt-image-2', prompt: 'A red fox' } as const;
const as = (user: string) => ({ headers: { 'x-user': user } });

/** An app's own client, connected; closed after the file. */
async function connectClient(
  kind: 'redis' | 'ioredis',
  url: string,
): Promise<{ client: RedisClientLike; close: () => Promise<void> }> {
  if (kind === 'ioredis') {
    const client = new Redis(url, { retryStrategy: () => 100 });
    client.on('error', () => {});
    return { client, close: async () => void client.disconnect() };
  }
  const client = createRedisClient({ url, socket: { reconnectStrategy: () => 100 } });
  client.on('error', () => {});
  await client.connect();
  return { client, close: async () => void (client.isOpen && client.destroy()) };
}

describe.each(['redis', 'ioredis'] as const)('createRedisTaskStore with a %s client', (kind) => {
  let redis: TestRedis;
  let one: ProxyInstance;
  let two: ProxyInstance;
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  /** Runs when the upstream receives a submit, before it answers. */
  let onSubmit: () => Promise<void> = async () => {};
  let count = 0;

  beforeAll(async () => {
    redis = await startRedis();
    upstream = await startFakeUpstream((seen: SeenRequest, res: ServerResponse) => {
      const json = (body: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (seen.method === 'GET')
        return json({
          taskId: seen.url.split('/').pop(),
          type: 'image',
          status: 0,
          model: 'gpt-image-2',
          imageUrls: [],
          creditsUsed: 3,
        });
      void onSubmit().then(() =>
        json({
          taskId: `tsk_${kind.toUpperCase()}${String(++count).padStart(20, '0')}`,
          status: 0,
          creditsUsed: 3,
        }),
      );
    });
    const env = {
      CLIENT: kind,
      REDIS_URL: redis.url,
      UPSTREAM: upstream.url,
      API_KEY: KEY,
      COMMAND_TIMEOUT_MS: '500',
    };
    [one, two] = await Promise.all([startProxyInstance(env), startProxyInstance(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await redis?.stop();
  });

  it('follows a task submitted through one instance by polls through the other; another user still gets 404', async () => {
    const submitted = await postJson(one.url, '/api/ai/image/generate', image);
    expect(submitted.status).toBe(200);
    const taskId = (submitted.json as { taskId: string }).taskId;
    expect(await send(two.url, `/api/ai/tasks/${taskId}`, as('alice'))).toMatchObject({
      status: 200,
      json: { taskId, status: 0 },
    });
    expect(await send(one.url, `/api/ai/tasks/${taskId}`, as('alice'))).toMatchObject({
      status: 200,
    });
    expect(await send(two.url, `/api/ai/tasks/${taskId}`, as('bob'))).toMatchObject({
      status: 404,
      json: { error: 'Task not found' },
    });
    expect(upstream.requests.filter((seen) => seen.method === 'GET')).toHaveLength(2);
  }, 20_000);

  it('lets Redis expire a record after its TTL, and never hands a recorded task to another user', async () => {
    const { client, close } = await connectClient(kind, redis.url);
    try {
      const store = createRedisTaskStore(client, { keyPrefix: 'expiry-test:' });
      await store.set('tsk_short', 'alice', 300);
      expect(await store.get('tsk_short')).toBe('alice');
      await expect(store.set('tsk_short', 'mallory', 60_000)).rejects.toThrow(
        'Task tsk_short is already recorded for another user',
      );
      await store.set('tsk_short', 'alice', 300); // the same user again is fine
      await expect.poll(() => store.get('tsk_short'), { timeout: 5000 }).toBeNull();
    } finally {
      await close();
    }
  }, 20_000);

  it('answers 503 while Redis is away, reports a submit charged as it went as an unknown outcome, and serves again once it is back', async () => {
    const submitted = await postJson(one.url, '/api/ai/image/generate', image);
    const taskId = (submitted.json as { taskId: string }).taskId;
    await redis.stop();
    try {
      const poll = await send(two.url, `/api/ai/tasks/${taskId}`, as('alice'));
      expect(poll).toMatchObject({
        status: 503,
        json: { error: 'The task store is unavailable; try again shortly' },
        headers: { 'retry-after': '5' },
      });
      const before = upstream.requests.length;
      expect(await postJson(one.url, '/api/ai/image/generate', image)).toMatchObject({
        status: 503,
        json: {
          error: 'The task store is unavailable; nothing was sent or charged',
          charged: false,
        },
      });
      // The browser client says so too: a plain ServerError, not "may have been charged".
      const browser = createClient({ baseUrl: one.url, headers: { 'x-user': 'alice' } });
      expect(await browser.generateImage(image).catch((caught: unknown) => caught)).toMatchObject({
        name: 'ServerError',
        notCharged: true,
      });
      expect(upstream.requests).toHaveLength(before);
    } finally {
      await redis.start();
    }
    // Back: both clients reconnect by themselves.
    await expect
      .poll(async () => (await postJson(one.url, '/api/ai/image/generate', image)).status, {
        // Restarting redis-server and both clients reconnecting takes seconds on a loaded machine.
        timeout: 30_000,
      })
      .toBe(200);
    // The other instance's client reconnects on its own schedule: wait for it to serve too.
    let again: Awaited<ReturnType<typeof postJson>> | undefined;
    await expect
      .poll(async () => (again = await postJson(two.url, '/api/ai/image/generate', image)).status, {
        timeout: 30_000,
      })
      .toBe(200);
    const newId = (again!.json as { taskId: string }).taskId;
    expect(await send(one.url, `/api/ai/tasks/${newId}`, as('alice'))).toMatchObject({
      status: 200,
      json: { taskId: newId },
    });

    // Redis goes away while the API is charging the submit: the browser client says the outcome is unknown.
    onSubmit = () => redis.stop();
    try {
      const client = createClient({ baseUrl: two.url, headers: { 'x-user': 'alice' } });
      const error = await client.generateImage(image).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
    } finally {
      onSubmit = async () => {};
      await redis.start();
    }
    // Both clients serve again (node-redis before 5.10 could stay offline here for good).
    await expect
      .poll(async () => (await postJson(two.url, '/api/ai/image/generate', image)).status, {
        // Restarting redis-server and both clients reconnecting takes seconds on a loaded machine.
        timeout: 30_000,
      })
      .toBe(200);
  }, 90_000);
});
