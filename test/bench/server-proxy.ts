// One proxy process for the server benchmark (server.ts), on the memory or the Redis store. Prints its
// URL on stdout; answers `memory` and `fill` messages over IPC. Run with --expose-gc.
//   STORE=memory|redis  UPSTREAM  API_KEY  REDIS_URL
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import {
  createMemoryTaskOwnerStore,
  createProxyHandler,
  createRedisTaskStore,
  toNodeHandler,
  type TaskOwnerStore,
} from '../../src/server/index.js';

const env = process.env;

async function makeStore(): Promise<TaskOwnerStore> {
  if (env.STORE !== 'redis') return createMemoryTaskOwnerStore({ maxEntries: 1_000_000 });
  const client = createClient({ url: env.REDIS_URL });
  client.on('error', () => {});
  await client.connect();
  return createRedisTaskStore(client);
}

const taskStore = await makeStore();
// What the proxy reported, by message (with its cause), for the benchmark to show.
const errors: Record<string, number> = {};
const onError = (error: Error) => {
  const cause = (error as Error & { cause?: Error }).cause;
  const text = `${error.message}${cause ? `: ${cause.message}` : ''}`;
  errors[text] = (errors[text] ?? 0) + 1;
};
const handler = createProxyHandler({
  apiKey: env.API_KEY,
  baseUrl: env.UPSTREAM,
  authorize: (request) => request.headers.get('x-user'),
  taskStore,
  onError,
});
const server = createServer(toNodeHandler(handler));
server.keepAliveTimeout = 60_000;

/** The heap and RSS after a full collection, in bytes. */
function settledMemory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

process.on('message', async (message: { type: 'memory' } | { type: 'fill'; count: number }) => {
  if (message.type === 'fill') {
    // Records as the proxy writes them after each accepted submit, 500 at a time in flight.
    for (let start = 0; start < message.count; start += 500) {
      const batch = [];
      for (let i = start; i < Math.min(message.count, start + 500); i += 1) {
        batch.push(
          taskStore.set(`tsk_BENCH${String(i).padStart(21, '0')}`, `user_${i % 5000}`, 86_400_000),
        );
      }
      await Promise.all(batch);
    }
  }
  process.send!({ type: 'done', memory: settledMemory(), errors });
});

server.listen(0, '127.0.0.1', () =>
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
