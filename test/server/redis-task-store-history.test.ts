// createRedisTaskStore's history on a real redis-server, through each client library: the proxy's list
// over real HTTP (browser client → proxy → the mock API server), and the store's own rules.
import { Redis } from 'ioredis';
import { createClient as createRedisClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, fixedPollSchedule, type GptImageClient } from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/index.js';
import { startMockServer, type MockServer } from '../../src/mock/node.js';
import {
  createMemoryTaskOwnerStore,
  createProxyHandler,
  createRedisTaskStore,
  toNodeHandler,
  type RedisClientLike,
  type TaskOwnerStore,
} from '../../src/server/index.js';
import { KEY, authorizeByHeader, listen } from '../helpers/proxy-server.js';
import { startRedis, type TestRedis } from './redis-server.js';

const clock = createVirtualClock();
let mock: MockServer;
let redis: TestRedis;

beforeAll(async () => {
  [mock, redis] = await Promise.all([
    startMockServer({ port: 0, clock, seed: 9, keys: { [KEY]: { credits: 100_000 } } }),
    startRedis(),
  ]);
  afterAll(async () => {
    await mock.close();
    await redis.stop();
  });
});

async function connect(kind: 'redis' | 'ioredis'): Promise<RedisClientLike> {
  if (kind === 'ioredis') {
    const client = new Redis(redis.url);
    afterAll(() => void client.disconnect());
    return client;
  }
  const client = createRedisClient({ url: redis.url });
  await client.connect();
  afterAll(() => void (client.isOpen && client.destroy()));
  return client;
}

const image = (prompt: string) => ({ model: 'gpt-image-2', prompt }) as const;

describe.each(['redis', 'ioredis'] as const)('the Redis history with a %s client', (kind) => {
  let store: TaskOwnerStore;
  let alice: GptImageClient;
  let bob: GptImageClient;
  let prefix: string;

  beforeAll(async () => {
    prefix = `h-${kind}-${Date.now()}:`;
    store = createRedisTaskStore(await connect(kind), { keyPrefix: prefix });
    const handler = createProxyHandler({
      apiKey: KEY,
      baseUrl: mock.url,
      authorize: authorizeByHeader,
      onError: () => {},
      taskStore: store,
    });
    const { url } = await listen(toNodeHandler(handler));
    const browser = (user: string) =>
      createClient({
        baseUrl: url,
        headers: { 'x-user': user },
        retry: false,
        pollSchedule: fixedPollSchedule(0),
      });
    alice = browser(`alice-${kind}`);
    bob = browser(`bob-${kind}`);
  });

  it('keeps two users apart and pages newest first across a submit between pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await alice.generateImage(image(`Fox ${i}`))).taskId);
    const theirs = (await bob.generateImage(image('Owl'))).taskId;

    const first = await alice.listTasks({ limit: 2 });
    expect(first.tasks.map((task) => task.id)).toEqual([ids[4], ids[3]]);
    expect(first.tasks[0]!.request).toEqual(image('Fox 4'));
    await alice.generateImage(image('Between pages'));
    const second = await alice.listTasks({ limit: 2, cursor: first.nextCursor });
    expect(second.tasks.map((task) => task.id)).toEqual([ids[2], ids[1]]);
    const third = await alice.listTasks({ limit: 2, cursor: second.nextCursor });
    expect(third).toMatchObject({ tasks: [{ id: ids[0] }], nextCursor: null });
    expect((await bob.listTasks()).tasks.map((task) => task.id)).toEqual([theirs]);
  });

  it('keeps the last snapshot a poll relayed', async () => {
    const { taskId } = await alice.generateImage(image('A lighthouse'));
    await clock.advance(120_000);
    const done = await alice.getTask(taskId);
    expect(done.status).toBe('completed');
    expect((await alice.listTasks({ limit: 1 })).tasks[0]).toMatchObject({
      id: taskId,
      status: 'completed',
      imageUrls: done.imageUrls,
      request: image('A lighthouse'),
    });
  });
});

const entry = (createdAt: number, prompt: string) => ({
  createdAt,
  request: image(prompt),
  snapshot: { taskId: 'x', status: 0 },
});

describe.each([
  ['memory', async () => createMemoryTaskOwnerStore({ now: () => fakeNow })],
  [
    'redis',
    async () => createRedisTaskStore(await connect('redis'), { keyPrefix: `s-${Date.now()}:` }),
  ],
  [
    'ioredis',
    async () => createRedisTaskStore(await connect('ioredis'), { keyPrefix: `i-${Date.now()}:` }),
  ],
] as const)('the %s store', (_, make) => {
  let store: TaskOwnerStore;
  beforeAll(async () => {
    store = await make();
  });

  it('never replaces an ended snapshot with a pending one, and records nothing for unknown tasks', async () => {
    fakeNow = Date.now();
    await store.set('tsk_end', 'u1', 60_000, entry(fakeNow, 'one'));
    await store.saveSnapshot!('tsk_end', { taskId: 'tsk_end', status: 1 }, true);
    await store.saveSnapshot!('tsk_end', { taskId: 'tsk_end', status: 0 }, false);
    await store.saveSnapshot!('tsk_unknown', { taskId: 'tsk_unknown', status: 1 }, true);
    const { records, hasMore } = await store.list!('u1', { limit: 10, after: null });
    expect(records).toEqual([
      { taskId: 'tsk_end', ...entry(fakeNow, 'one'), snapshot: { taskId: 'tsk_end', status: 1 } },
    ]);
    expect(hasMore).toBe(false);
    expect(await store.list!('u-none', { limit: 10, after: null })).toEqual({
      records: [],
      hasMore: false,
    });
  });

  it('orders tasks of the same millisecond by id, and pages through them without loss', async () => {
    const at = Date.now();
    for (const id of ['tsk_a', 'tsk_c', 'tsk_b', 'tsk_d'])
      await store.set(id, 'u2', 60_000, entry(at, id));
    const first = await store.list!('u2', { limit: 2, after: null });
    expect(first.records.map((r) => r.taskId)).toEqual(['tsk_d', 'tsk_c']);
    expect(first.hasMore).toBe(true);
    const second = await store.list!('u2', { limit: 2, after: first.records[1]! });
    expect(second.records.map((r) => r.taskId)).toEqual(['tsk_b', 'tsk_a']);
    expect(second.hasMore).toBe(false);
  });
});

let fakeNow = Date.now();

describe('expiry on Redis', () => {
  it('drops a task from the list with its owner record', async () => {
    const store = createRedisTaskStore(await connect('redis'), { keyPrefix: `e-${Date.now()}:` });
    const at = Date.now();
    await store.set('tsk_old', 'u3', 150, entry(at, 'old'));
    await store.set('tsk_new', 'u3', 60_000, entry(at + 1, 'new'));
    expect((await store.list!('u3', { limit: 1, after: null })).hasMore).toBe(true);
    await expect.poll(() => store.get('tsk_old'), { timeout: 5000 }).toBeNull();
    expect(await store.list!('u3', { limit: 10, after: null })).toMatchObject({
      records: [{ taskId: 'tsk_new' }],
      hasMore: false,
    });
  });
});
