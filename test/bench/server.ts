// `npm run bench:server`: the proxy under load on loopback, in real time. 200 concurrent pollers for
// 10 s through the proxy (memory store, then Redis store) and straight to the upstream (the mock
// server) as the baseline; then the proxy's memory after 150,000 recorded tasks in each store. The
// upstream and each proxy run in their own processes. Figures go to stdout and to
// test/bench/server-results.json. Compare ratios, not milliseconds: 2 shared cores.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../server/redis-server.js';
import { median, percentile, round } from './stats.js';
import { printTable } from './table.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = 'sk_bench_proxy';
const POLLERS = Number(process.env.POLLERS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const TASKS = Number(process.env.TASKS ?? 150_000);

/** Starts a Node process and resolves with its first stdout line that is a URL. */
function startProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** Sends a message to a proxy process and waits for its memory figures. */
function ask(
  child: ChildProcess,
  message: object,
): Promise<{ heapUsed: number; rss: number; errors: Record<string, number> }> {
  return new Promise((resolve) => {
    child.once(
      'message',
      (reply: { memory: { heapUsed: number; rss: number }; errors: Record<string, number> }) =>
        resolve({ ...reply.memory, errors: reply.errors }),
    );
    child.send(message);
  });
}

const stop = (child: ChildProcess) =>
  new Promise((resolve) =>
    child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')),
  );

interface LoadFigures {
  polls: number;
  failed: number;
  /** Failures by status (or `network`). */
  failures: Record<string, number>;
  medianMs: number;
  p95Ms: number;
}

/** `POLLERS` loops, each polling its own task for `SECONDS`, one request at a time. */
async function load(
  base: string,
  taskIds: string[],
  headers: Record<string, string>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    failed += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    taskIds.map(async (taskId) => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          const res = await fetch(`${base}/api/ai/tasks/${taskId}`, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) fail(String(res.status));
        } catch (error) {
          fail(
            `network: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
          );
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  return {
    polls: latencies.length,
    failed,
    failures,
    medianMs: round(median(latencies)),
    p95Ms: round(percentile(latencies, 0.95)),
  };
}

/** Submits one task per poller through the proxy, as user `bench`. */
async function submitTasks(proxy: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < POLLERS; i += 1) {
    const res = await fetch(`${proxy}/api/ai/video/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'bench' },
      body: JSON.stringify({ model: 'veo3_fast', prompt: `Waves ${i}` }),
    });
    const body = (await res.json()) as { taskId?: string };
    if (!body.taskId)
      throw new Error(`submit ${i} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
    ids.push(body.taskId);
  }
  return ids;
}

const mb = (bytes: number) => `${round(bytes / 1024 / 1024, 1)} MB`;

const redis = await startRedis();
// Realistic timing: veo3_fast takes minutes, so every poll in the window sees a pending task.
const upstream = await startProcess([
  '--import',
  'tsx',
  'scripts/mock-serve.ts',
  '--port',
  '0',
  '--key',
  `${KEY}:100000000`,
]);
const results: Record<string, unknown> = {
  pollers: POLLERS,
  seconds: SECONDS,
  loadAverageAtStart: loadavg()[0],
};
try {
  const rows: (string | number)[][] = [];
  let direct: LoadFigures | undefined;
  for (const store of ['memory', 'redis'] as const) {
    const proxy = await startProcess(
      ['--expose-gc', '--import', 'tsx', 'test/bench/server-proxy.ts'],
      { STORE: store, UPSTREAM: upstream.url, API_KEY: KEY, REDIS_URL: redis.url },
    );
    const ids = await submitTasks(proxy.url);
    direct ??= await load(upstream.url, ids, { authorization: `Bearer ${KEY}` });
    const before = await ask(proxy.child, { type: 'memory' });
    const through = await load(proxy.url, ids, { 'x-user': 'bench' });
    const after = await ask(proxy.child, { type: 'memory' });
    const filled = await ask(proxy.child, { type: 'fill', count: TASKS });
    if (Object.keys(after.errors).length)
      console.error(`The proxy (${store} store) reported: ${JSON.stringify(after.errors)}`);
    rows.push([
      `through the proxy, ${store} store`,
      through.polls,
      through.failed,
      through.medianMs,
      through.p95Ms,
      `${round(through.medianMs / direct.medianMs)}×`,
      mb(after.heapUsed - before.heapUsed),
      mb(after.rss - before.rss),
    ]);
    results[store] = {
      ...through,
      heapGrowth: after.heapUsed - before.heapUsed,
      rssGrowth: after.rss - before.rss,
      afterTasks: {
        count: TASKS,
        heapGrowth: filled.heapUsed - after.heapUsed,
        rssGrowth: filled.rss - after.rss,
        heapUsed: filled.heapUsed,
        rss: filled.rss,
      },
    };
    await stop(proxy.child);
  }
  results.direct = direct;
  console.log(
    `Proxy under load: ${POLLERS} concurrent pollers for ${SECONDS} s each, loopback, one request at a time per poller (load average ${round(loadavg()[0]!, 1)} at the end, ${round(results.loadAverageAtStart as number, 1)} at the start).`,
  );
  printTable(
    [
      'target',
      'polls',
      'failed',
      'median ms',
      'p95 ms',
      'median vs direct',
      'heap growth',
      'RSS growth',
    ],
    [
      [
        'straight to the upstream (mock server)',
        direct!.polls,
        direct!.failed,
        direct!.medianMs,
        direct!.p95Ms,
        '1×',
        '',
        '',
      ],
      ...rows,
    ],
  );
  for (const [name, figures] of [
    ['direct', direct!],
    ...(['memory', 'redis'] as const).map(
      (store) => [store, results[store] as LoadFigures] as const,
    ),
  ] as const) {
    if (figures.failed) console.log(`Failures (${name}): ${JSON.stringify(figures.failures)}`);
  }
  console.log(`\nProxy memory after ${TASKS.toLocaleString('en')} recorded tasks (after gc):`);
  const filled = (store: 'memory' | 'redis') =>
    (results[store] as { afterTasks: { heapGrowth: number; rssGrowth: number; heapUsed: number } })
      .afterTasks;
  printTable(
    ['store', 'heap growth', 'RSS growth', 'heap in use'],
    (['memory', 'redis'] as const).map((store) => [
      store,
      mb(filled(store).heapGrowth),
      mb(filled(store).rssGrowth),
      mb(filled(store).heapUsed),
    ]),
  );
  writeFileSync(
    new URL('./server-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
} finally {
  await stop(upstream.child);
  await redis.stop();
}
process.exit(0);
