import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { createClient } from '../../src/core/client.js';
import { fixedPollSchedule } from '../../src/core/polling/poll-schedule.js';
import { GptImageProvider, taskQueryOptions, useTask } from '../../src/react/index.js';
import { mockService, modelsRoundRobin, requestFor } from './mock-service.js';
import { median, round } from './stats.js';
import type { VirtualTime } from './virtual-time.js';

const ORIGIN = 'http://canned.test';
const CYCLE_MS = 2000;
const everyCycle = fixedPollSchedule(CYCLE_MS);

/** Main-thread time for one polling cycle of `tasks` tasks, per way of following them. */
export interface CycleFigures {
  variant: string;
  tasks: number;
  /** Median wall time of one cycle (every task polled once), in ms. */
  msPerCycle: number;
  /** msPerCycle over the bare fetches'. */
  ratioToBareFetch: number;
}

/** Heap after following tasks to completion and releasing them, against the heap before. */
export interface MemoryFigures {
  tasksPerRound: number;
  rounds: number;
  heapBeforeKb: number;
  /** With every task of the last round followed (observers mounted). */
  heapPeakKb: number;
  /** After each round: observers unmounted, queries garbage-collected (gcTime passed), `global.gc()`. */
  heapAfterKb: number[];
  /** heapAfter (last round) − heapBefore. */
  retainedKb: number;
  /** Queries in the cache and virtual timers pending after the last round. */
  queriesLeft: number;
  timersLeft: number;
}

/** A server that costs nothing: each task's pending snapshot, pre-serialized. */
function cannedServer(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `tsk_${String(i).padStart(26, '0')}`);
  const bodies = new Map(
    ids.map((id) => [
      `/api/ai/tasks/${id}`,
      JSON.stringify({
        taskId: id,
        type: 'video',
        status: 0,
        model: 'veo3',
        prompt: 'A lighthouse at dusk',
        imageUrls: [],
        videoUrl: null,
        errorCode: null,
        errorMessage: null,
        creditsUsed: 63,
        creditsRefunded: false,
        createdAt: new Date(Date.now()).toISOString(),
        updatedAt: new Date(Date.now()).toISOString(),
      }),
    ]),
  );
  const fetch = async (input: RequestInfo | URL) =>
    new Response(bodies.get(new URL(String(input)).pathname) ?? '{"error":"Task not found"}', {
      headers: { 'Content-Type': 'application/json' },
    });
  return { ids, fetch };
}

function Follower({ taskId }: { taskId: string }) {
  const task = useTask(taskId, { model: 'veo3', schedule: everyCycle });
  return <li>{task.data?.status}</li>;
}

/**
 * `count` tasks followed at once, every one polled each 2 s cycle, against a canned server (so the
 * figures are the client side's own cost): bare `fetch` + `res.json()`, the client's `getTask`,
 * QueryObservers over `taskQueryOptions` in one QueryClient, and `useTask` components in one React
 * root. Blocks of cycles run in turn, `repeats` times, and each variant's median cycle is kept.
 */
export async function measureCycles(
  time: VirtualTime,
  count = 500,
  cycles = 10,
  repeats = 3,
): Promise<CycleFigures[]> {
  const server = cannedServer(count);
  const client = createClient({
    baseUrl: ORIGIN,
    clock: time.clock,
    fetch: server.fetch,
    retry: { jitter: false },
  });

  const timed = async () => {
    const samples: number[] = [];
    await time.advance(3 * CYCLE_MS); // warm up
    for (let i = 0; i < cycles; i++) {
      const start = performance.now();
      await time.advance(CYCLE_MS);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  const onInterval = async (poll: () => Promise<unknown>) => {
    const timer = setInterval(() => void poll(), CYCLE_MS);
    const samples = await timed();
    clearInterval(timer);
    return samples;
  };

  const variants: Record<string, () => Promise<number[]>> = {
    'bare fetch + res.json()': () =>
      onInterval(() =>
        Promise.all(
          server.ids.map((id) =>
            server.fetch(`${ORIGIN}/api/ai/tasks/${id}`).then((res) => res.json()),
          ),
        ),
      ),
    'client.getTask (no TanStack Query)': () =>
      onInterval(() => Promise.all(server.ids.map((id) => client.getTask(id)))),
    'QueryObserver + taskQueryOptions, one QueryClient': async () => {
      const queryClient = new QueryClient();
      const stops = server.ids.map((id) =>
        new QueryObserver(
          queryClient,
          taskQueryOptions(client, id, { model: 'veo3', schedule: everyCycle }),
        ).subscribe(() => {}),
      );
      const samples = await timed();
      for (const stop of stops) stop();
      queryClient.clear();
      return samples;
    },
    // The same, with the queryFn's cache lookup (`getQueryCache().find`, a scan of every query per
    // poll) taken out: what that lookup costs at this scale.
    'the same, queryFn without its cache scan': async () => {
      const queryClient = new QueryClient();
      const stops = server.ids.map((id) =>
        new QueryObserver(queryClient, {
          ...taskQueryOptions(client, id, { model: 'veo3', schedule: everyCycle }),
          queryFn: ({ signal }) => client.getTask(id, { signal }),
        }).subscribe(() => {}),
      );
      const samples = await timed();
      for (const stop of stops) stop();
      queryClient.clear();
      return samples;
    },
    'useTask components, one React root': async () => {
      const queryClient = new QueryClient();
      const root = createRoot(document.createElement('ul'));
      root.render(
        <QueryClientProvider client={queryClient}>
          <GptImageProvider client={client}>
            {server.ids.map((id) => (
              <Follower key={id} taskId={id} />
            ))}
          </GptImageProvider>
        </QueryClientProvider>,
      );
      const samples = await timed();
      root.unmount();
      queryClient.clear();
      return samples;
    },
  };

  const samples = new Map<string, number[]>();
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const [name, run] of Object.entries(variants))
      samples.set(name, [...(samples.get(name) ?? []), ...(await run())]);
  }
  const bare = median(samples.get('bare fetch + res.json()')!);
  return [...samples].map(([variant, values]) => ({
    variant,
    tasks: count,
    msPerCycle: round(median(values)),
    ratioToBareFetch: round(median(values) / bare),
  }));
}

const heapKb = () => {
  for (let i = 0; i < 4; i++) globalThis.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1024);
};

/**
 * Rounds of `count` tasks (round-robin over the models, on the mock at a tenth of their typical time)
 * followed by `useTask` components in one React root until every one is terminal, then unmounted;
 * TanStack Query's `gcTime` (5 min) passes, the mock forgets its records, and the heap is measured
 * after `global.gc()`. Needs `node --expose-gc`.
 */
export async function measureMemory(
  time: VirtualTime,
  count = 1000,
  rounds = 5,
): Promise<MemoryFigures> {
  if (!globalThis.gc) throw new Error('Run with node --expose-gc');
  const { api, client } = mockService(time.clock, { timing: 'fast' });
  const queryClient = new QueryClient();
  const container = document.createElement('ul');
  let peak = 0;

  const round = async (size: number) => {
    const ids: string[] = [];
    for (const model of modelsRoundRobin(size))
      ids.push((await client.submit(model.kind, requestFor(model))).taskId);
    const root = createRoot(container);
    root.render(
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>
          {ids.map((id) => (
            <Follower key={id} taskId={id} />
          ))}
        </GptImageProvider>
      </QueryClientProvider>,
    );
    const terminal = () =>
      ids.every(
        (id) =>
          queryClient.getQueryData<{ status: string }>(['gptimage2', 'task', id])?.status !==
            'pending' && queryClient.getQueryData(['gptimage2', 'task', id]) !== undefined,
      );
    await time.runUntil(terminal, 30 * 60_000);
    peak = heapKb();
    root.unmount();
    await time.advance(5 * 60_000 + 1000);
    api.reset();
    return heapKb();
  };

  await round(count); // warm up: code compiled, caches and tables grown to size
  const before = heapKb();
  const after: number[] = [];
  for (let i = 0; i < rounds; i++) after.push(await round(count));
  return {
    tasksPerRound: count,
    rounds,
    heapBeforeKb: before,
    heapPeakKb: peak,
    heapAfterKb: after,
    retainedKb: after.at(-1)! - before,
    queriesLeft: queryClient.getQueryCache().getAll().length,
    timersLeft: time.pending,
  };
}
