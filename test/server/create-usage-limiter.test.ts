import type { ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { createClient as createRedisClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { RateLimitedError } from '../../src/core/errors.js';
import {
  createMemoryUsageStore,
  createRedisUsageStore,
  createUsageLimiter,
  type UsageStore,
} from '../../src/server/index.js';
import {
  postJson,
  send,
  startFakeUpstream,
  startProxy,
  type SeenRequest,
} from '../helpers/proxy-server.js';
import { startRedis, type TestRedis } from './redis-server.js';

// gpt-image-2 is priced at 3 credits: the estimate counted before each submit.
const image = { model: 'gpt-image-2', prompt: 'A red fox' } as const;
const NOON = Date.UTC(2026, 10, 29, 12, 0, 0);

let redis: TestRedis;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await redis?.stop();
});

let prefix = 0;
/** A fresh store of each kind (its own key prefix on the shared Redis). */
const stores: [string, () => Promise<UsageStore>][] = [
  ['memory', async () => createMemoryUsageStore()],
  [
    'Redis through node-redis',
    async () => {
      const client = createRedisClient({ url: redis.url });
      client.on('error', () => {});
      await client.connect();
      closers.push(async () => void client.destroy());
      return createRedisUsageStore(client, { keyPrefix: `limiter-${(prefix += 1)}:` });
    },
  ],
  [
    'Redis through ioredis',
    async () => {
      const client = new Redis(redis.url);
      client.on('error', () => {});
      closers.push(async () => void client.disconnect());
      return createRedisUsageStore(client, { keyPrefix: `limiter-${(prefix += 1)}:` });
    },
  ],
];

/** An upstream charging `charge` credits a submit; a task id starting `tsk_FAIL` polls as failed and refunded. */
async function upstreamCharging(charge: number, status = 200) {
  let count = 0;
  return startFakeUpstream((seen: SeenRequest, res: ServerResponse) => {
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (seen.method === 'POST') {
      if (status !== 200) return json(status, { error: 'Insufficient credits', required: 3 });
      const fail = JSON.parse(seen.body).prompt === 'fail';
      return json(200, {
        taskId: `tsk_${fail ? 'FAIL' : 'OK'}${String((count += 1)).padStart(10, '0')}`,
        status: 0,
        creditsUsed: charge,
      });
    }
    const taskId = seen.url.split('/').pop()!;
    const failed = taskId.startsWith('tsk_FAIL');
    json(200, {
      taskId,
      status: failed ? 2 : 0,
      creditsUsed: charge,
      creditsRefunded: failed,
      errorMessage: failed ? 'Provider error' : undefined,
    });
  });
}

describe.each(stores)('createUsageLimiter on the %s store', (_, makeStore) => {
  it('forwards exactly 10 of 40 concurrent submits by one user with 10 a minute; the rest are 429 with Retry-After', async () => {
    const upstream = await upstreamCharging(3);
    const store = await makeStore();
    // Two proxies on one store, as two instances would be.
    const limits = { store, submitsPerMinute: 10 };
    const [one, two] = await Promise.all([
      startProxy({ baseUrl: upstream.url, ...createUsageLimiter(limits) }),
      startProxy({ baseUrl: upstream.url, ...createUsageLimiter(limits) }),
    ]);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        postJson(index % 2 ? one.url : two.url, '/api/ai/image/generate', image),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(10);
    expect(upstream.requests).toHaveLength(10);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(30);
    for (const answer of refused) {
      expect(answer.json).toMatchObject({
        error: 'Too many generations: at most 10 a minute',
        limit: 'submits',
      });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // Another user has their own count.
    expect(
      (await postJson(one.url, '/api/ai/image/generate', image, { 'x-user': 'bob' })).status,
    ).toBe(200);
    // The browser client reads it as a rate limit with the time to wait.
    const error = await createClient({ baseUrl: one.url, headers: { 'x-user': 'alice' } })
      .generateImage(image)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(1000);
  }, 30_000);

  it('counts credits at the estimate, corrects them to the charge, and gives back a refused submit and a refunded task', async () => {
    const store = await makeStore();
    const limiter = createUsageLimiter({ store, creditsPerDay: 10, now: () => NOON });
    const cheap = await upstreamCharging(1);
    const proxy = await startProxy({ baseUrl: cheap.url, ...limiter });
    // Each is counted at its estimate of 3 before it is sent, then corrected to the 1 charged: seven
    // submits spend 7 (uncorrected, the fourth would already have been refused).
    for (let i = 0; i < 7; i += 1)
      expect((await postJson(proxy.url, '/api/ai/image/generate', image)).status).toBe(200);
    const full = await postJson(proxy.url, '/api/ai/image/generate', { ...image, prompt: 'fail' }); // 8 spent; this task fails
    expect(full.status).toBe(200);
    const refused = await postJson(proxy.url, '/api/ai/image/generate', image); // 8 + 3 > 10
    expect(refused).toMatchObject({
      status: 429,
      json: { error: 'Daily credit limit reached: at most 10 credits a day', limit: 'credits' },
    });
    expect(refused.headers['retry-after']).toBe(String(12 * 60 * 60)); // until UTC midnight

    // The failed task is refunded by the API: polling it gives its credit back, once.
    const failedId = (full.json as { taskId: string }).taskId;
    for (let i = 0; i < 2; i += 1)
      expect(
        await send(proxy.url, `/api/ai/tasks/${failedId}`, { headers: { 'x-user': 'alice' } }),
      ).toMatchObject({ status: 200, json: { status: 2 } });
    expect((await postJson(proxy.url, '/api/ai/image/generate', image)).status).toBe(200); // 7 + 3 fits: 8 spent
    expect((await postJson(proxy.url, '/api/ai/image/generate', image)).status).toBe(429); // 8 + 3 > 10

    // A submit the API refuses (402) gives back what was counted for it.
    const broke = await upstreamCharging(1, 402);
    const refusing = await startProxy({
      baseUrl: broke.url,
      ...createUsageLimiter({ store, creditsPerDay: 10, now: () => NOON }),
    });
    expect(
      (await postJson(refusing.url, '/api/ai/image/generate', image, { 'x-user': 'carol' })).status,
    ).toBe(402);
    expect(
      (await postJson(refusing.url, '/api/ai/image/generate', image, { 'x-user': 'carol' })).status,
    ).toBe(402);
    expect(
      (await postJson(refusing.url, '/api/ai/image/generate', image, { 'x-user': 'carol' })).status,
    ).toBe(402);
    expect(
      (await postJson(refusing.url, '/api/ai/image/generate', image, { 'x-user': 'carol' })).status,
    ).toBe(402); // 12 > 10 if kept
    expect(
      (await postJson(proxy.url, '/api/ai/image/generate', image, { 'x-user': 'carol' })).status,
    ).toBe(200);
  }, 30_000);
});

describe('createUsageLimiter options', () => {
  it.each([{ submitsPerMinute: -1 }, { creditsPerDay: Number.NaN }])('refuses %j', (options) => {
    expect(() => createUsageLimiter(options)).toThrow(/must be a number of 0 or more/);
  });
});
