// The batch observer on its own: no React, TanStack's query-core, the client's real `fetch` answered by
// the mock API through MSW, on one fake clock (the client, the mock and query-core read `Date`; every
// timer goes through query-core's timeoutManager onto the faked `setTimeout`).
import {
  environmentManager,
  QueryClient,
  QueryObserver,
  timeoutManager,
} from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  TaskFailedError,
  ValidationError,
  type Submission,
} from '../../src/core/index.js';
import { createMockApi, createMockHandlers, type MockApi } from '../../src/mock/index.js';
import {
  GenerationsObserver,
  type GenerationsObserverOptions,
} from '../../src/query/generations-observer.js';
import type { Generations } from '../../src/query/generations-types.js';
import type { StorageLike } from '../../src/query/persistence.js';
import { taskQueryOptions } from '../../src/query/task-query-options.js';
import { setupMswServer } from '../helpers/msw-server.js';

environmentManager.setIsServer(() => false);
timeoutManager.setTimeoutProvider({
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
});

const ORIGIN = 'http://localhost:3000';
const START = Date.UTC(2026, 10, 24, 12);
type Veo = { model: string; prompt: string; duration?: number; inputImageUrls?: string[] };
const veo: Veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 };
const kling: Veo = {
  model: 'kling/v2-1-pro',
  prompt: 'x',
  inputImageUrls: ['https://a.test/1.png'],
  duration: 7,
};

const server = setupMswServer();
let api: MockApi;
let queryClients: QueryClient[];
let unsubscribes: Array<() => void>;

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(START);
  api = createMockApi({ seed: 7, timing: 'realistic' });
  server.use(...createMockHandlers(api));
  queryClients = [];
  unsubscribes = [];
});
afterEach(() => {
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  queryClients.forEach((queryClient) => queryClient.unmount());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A batch as an app has one: a QueryClient (a "reload" makes another), a client on real fetch, listened to. */
function observe(
  options: Omit<GenerationsObserverOptions<Veo>, 'kind'> = {},
  queryClient = new QueryClient(),
) {
  queryClient.mount();
  queryClients.push(queryClient);
  const client = createClient({ baseUrl: ORIGIN, retry: { jitter: false } });
  const observer = new GenerationsObserver<Veo>(client, queryClient, { kind: 'video', ...options });
  // The most slots submitting or pending at once, as every listener saw them.
  let mostRunning = 0;
  unsubscribes.push(
    observer.subscribe(() => {
      const { counts } = observer.getCurrentResult();
      mostRunning = Math.max(mostRunning, counts.submitting + counts.pending);
    }),
  );
  return {
    observer,
    queryClient,
    result: (): Generations<Veo> => observer.getCurrentResult(),
    mostRunning: () => mostRunning,
    unsubscribe: () => unsubscribes.pop()!(),
  };
}

// setImmediate is not faked: it lets MSW's interception (real promises and I/O) answer between steps.
const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Virtual time in 100 ms steps, every fetch settling between steps; stops early once `until` holds. */
async function advance(ms: number, until?: () => boolean) {
  for (let left = ms; ; left -= 100) {
    await vi.advanceTimersByTimeAsync(Math.max(0, Math.min(100, left)));
    for (let turn = 0; turn < 3; turn++) await realTurn();
    if (left <= 100 || until?.()) break;
  }
}

const posts = () => api.requests.filter((r) => r.method === 'POST').length;
const getsOf = (taskId: string | null) =>
  api.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/${taskId}`));
const statuses = (result: Generations<Veo>) => result.slots.map((slot) => slot.status);
const settled = (result: () => Generations<Veo>) => () => !result().isBusy;

describe('GenerationsObserver', { timeout: 120_000 }, () => {
  it('runs 4 variants two at a time, one POST each, each to its own result', async () => {
    const onSubmitted = vi.fn();
    const onCompleted = vi.fn();
    const { observer, result, mostRunning } = observe({ onSubmitted, onCompleted });
    const ids = observer.submitVariants(veo, 4);
    expect(ids).toHaveLength(4);
    expect(statuses(result())).toEqual(['submitting', 'submitting', 'queued', 'queued']);
    expect(result()).toMatchObject({ isBusy: true, error: null });
    await advance(0);
    expect(statuses(result())).toEqual(['pending', 'pending', 'queued', 'queued']);
    expect(posts()).toBe(2);
    await advance(400_000, settled(result));
    expect(statuses(result())).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(result().counts).toMatchObject({ completed: 4, queued: 0, pending: 0 });
    expect(posts()).toBe(4);
    expect(mostRunning()).toBe(2);
    const taskIds = result().slots.map((slot) => slot.taskId);
    expect(new Set(taskIds).size).toBe(4);
    expect(result().slots.every((slot) => slot.task?.videoUrl?.endsWith('video.mp4'))).toBe(true);
    expect(result().slots.map((slot) => slot.id)).toEqual(ids);
    // Each callback once per slot, with the slot it is about.
    expect(onSubmitted).toHaveBeenCalledTimes(4);
    expect(onCompleted).toHaveBeenCalledTimes(4);
    expect(onCompleted.mock.calls.map(([, slot]) => slot.id)).toEqual(expect.arrayContaining(ids));
    // A completed task is never fetched again.
    const polled = api.requests.length;
    await advance(120_000);
    expect(api.requests.length).toBe(polled);
  });

  it('refuses a batch with an invalid request whole, naming the field and the rule, with nothing sent', async () => {
    const { observer, result } = observe();
    expect(observer.add([veo, kling, veo])).toEqual([]);
    expect(result().error).toBeInstanceOf(ValidationError);
    expect((result().error as ValidationError).fieldErrors).toEqual({
      duration: ['request 2: duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(observer.submitVariants(kling, 3)).toEqual([]);
    expect((result().error as ValidationError).fieldErrors).toMatchObject({
      duration: ['duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(observer.submitVariants(veo, 0)).toEqual([]);
    expect(result().error?.message).toBe('count must be a whole number from 1 to 20');
    expect(observer.submitVariants(veo, 21)).toEqual([]);
    await advance(1000);
    expect(result().slots).toEqual([]);
    expect(api.requests).toHaveLength(0);
    // A valid batch clears the error.
    observer.submitVariants(veo, 1);
    expect(result().error).toBeNull();
  });

  it('a double click submits one batch; add() queues more behind the cap meanwhile', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { observer, result, mostRunning } = observe({ concurrency: 1 });
    observer.submitVariants(veo, 2);
    expect(observer.submitVariants(veo, 2)).toEqual([]);
    expect(result().error?.message).toMatch(/still running/);
    expect(warn).toHaveBeenCalledTimes(1);
    observer.add({ ...veo, prompt: 'Dunes at dusk' });
    expect(statuses(result())).toEqual(['submitting', 'queued', 'queued']);
    await advance(600_000, settled(result));
    expect(statuses(result())).toEqual(['completed', 'completed', 'completed']);
    expect(posts()).toBe(3);
    expect(mostRunning()).toBe(1);
    expect(
      api.requests.filter((r) => r.method === 'POST').map((r) => (r.body as Veo).prompt),
    ).toEqual(['Waves at dawn', 'Waves at dawn', 'Dunes at dusk']);
  });

  it('one failing slot leaves the others running; retry() runs that slot alone again', async () => {
    const onFailed = vi.fn<(error: unknown, slot: { id: string }) => void>();
    const { observer, result } = observe({ onFailed, concurrency: 3 });
    // The second submit's task will fail upstream (refunded).
    api.inject({ type: 'failTask', code: 'STORAGE_ERROR' }, { method: 'POST' });
    const [failing, ...others] = observer.submitVariants(veo, 3);
    await advance(400_000, settled(result));
    expect(statuses(result())).toEqual(['failed', 'completed', 'completed']);
    expect(result().slots[0]!.error).toBeInstanceOf(TaskFailedError);
    expect(result().slots[0]!.task?.creditsRefunded).toBe(true);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]![1].id).toBe(failing);
    const before = result().slots.map((slot) => slot.taskId);

    observer.retry(others[0]!); // a completed slot: nothing to retry
    observer.retry(failing!);
    expect(statuses(result())).toEqual(['submitting', 'completed', 'completed']);
    await advance(300_000, settled(result));
    expect(statuses(result())).toEqual(['completed', 'completed', 'completed']);
    expect(posts()).toBe(4);
    expect(result().slots[0]!.taskId).not.toBe(before[0]);
    expect(
      result()
        .slots.slice(1)
        .map((slot) => slot.taskId),
    ).toEqual(before.slice(1));
  });

  it('cancel() never sends a queued slot and stops following a submitted one; remove() and reset()', async () => {
    const storage = memoryStorage();
    const { observer, result } = observe({ persist: { key: 'batch', storage } });
    const [first, second, third] = observer.submitVariants(veo, 3);
    await advance(0);
    observer.cancel(third!);
    observer.cancel(first!);
    const cancelled = result().slots[0]!;
    // Stopped following, but the charged task keeps its id.
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      taskId: expect.stringMatching(/^tsk_/),
    });
    expect(result().slots[2]!).toMatchObject({ status: 'cancelled', taskId: null });
    await advance(300_000, settled(result));
    expect(statuses(result())).toEqual(['cancelled', 'completed', 'cancelled']);
    expect(posts()).toBe(2);
    expect(getsOf(cancelled.taskId)).toHaveLength(0);
    observer.remove(second!);
    expect(result().slots.map((slot) => slot.id)).toEqual([first, third]);
    observer.retry(third!);
    expect(statuses(result())).toEqual(['cancelled', 'submitting']);
    observer.reset();
    expect(result()).toMatchObject({ slots: [], isBusy: false });
    expect(storage.map.size).toBe(0);
  });

  it('after a reload, submitted slots are followed by task id and queued ones stay queued: no POST twice', async () => {
    const storage = memoryStorage();
    const persist = { key: 'variants', storage };
    const onCompleted = vi.fn();
    const first = observe({ persist, concurrency: 2, onCompleted });
    first.observer.submitVariants(veo, 5);
    await advance(0);
    // The first two run; one of them completes before the reload.
    await advance(300_000, () => first.result().counts.completed >= 1);
    const before = first.result();
    expect(before.counts).toMatchObject({ completed: 1, queued: 2 });
    const taskIds = before.slots.map((slot) => slot.taskId);
    expect(onCompleted).toHaveBeenCalledTimes(1);
    first.unsubscribe();

    const reloaded = observe({ persist, concurrency: 2, onCompleted });
    const after = reloaded.result();
    expect(after.slots.map((slot) => slot.id)).toEqual(before.slots.map((slot) => slot.id));
    // The free place goes to the next queued slot at once; the rest keep their task ids.
    expect(after.slots.map((slot) => slot.taskId).slice(0, 3)).toEqual(taskIds.slice(0, 3));
    expect(statuses(after).slice(3)).toEqual(['queued', 'queued']);
    await advance(600_000, settled(reloaded.result));
    expect(statuses(reloaded.result())).toEqual(Array(5).fill('completed'));
    expect(posts()).toBe(5);
    // The slot that completed before the reload is not announced again.
    expect(onCompleted).toHaveBeenCalledTimes(5);
    // Another reload shows every result, with no POST.
    reloaded.unsubscribe();
    const again = observe({ persist });
    await advance(1000, settled(again.result));
    expect(statuses(again.result())).toEqual(Array(5).fill('completed'));
    expect(posts()).toBe(5);
  });

  it('resumes a slot whose submit was in flight at the reload by its answer, and a refused one as failed', async () => {
    const storage = memoryStorage();
    const persist = { key: 'variants', storage };
    api.setBalance(9); // one Veo 3.1 Fast task
    const first = observe({ persist, concurrency: 1 });
    first.observer.submitVariants(veo, 2);
    // A remount while the first submit is in flight: its answer reaches the new instance.
    first.unsubscribe();
    const second = observe({ persist, concurrency: 1 });
    expect(statuses(second.result())).toEqual(['submitting', 'queued']);
    await advance(400_000, settled(second.result));
    expect(statuses(second.result())).toEqual(['completed', 'failed']);
    expect(second.result().slots[1]!.error?.code).toBe('insufficient_credits');
    expect(posts()).toBe(2);
    second.unsubscribe();
    const third = observe({ persist });
    await advance(1000);
    expect(statuses(third.result())).toEqual(['completed', 'failed']);
    expect(third.result().slots[1]!.error?.code).toBe('insufficient_credits');
    expect(posts()).toBe(2);
  });

  it('keeps batches apart per scope', async () => {
    const storage = memoryStorage();
    const persist = { key: 'variants', storage };
    const alice = observe({ persist, persistScope: 'alice' });
    alice.observer.submitVariants(veo, 1);
    await advance(0);
    expect([...storage.map.keys()].sort()).toEqual([
      'gptimage2:alice:variants',
      expect.stringMatching(/^gptimage2:alice:variants:/),
    ]);
    const bob = observe({ persist, persistScope: 'bob' });
    expect(bob.result().slots).toEqual([]);
  });

  it('one GET per poll however many watch the task: a second batch on the key and a task query', async () => {
    const storage = memoryStorage();
    const persist = { key: 'variants', storage };
    const queryClient = new QueryClient();
    const one = observe({ persist }, queryClient);
    const submissions: Submission[] = [];
    one.observer.options.onSubmitted = (submission) => void submissions.push(submission);
    const warn = vi.spyOn(console, 'warn');
    one.observer.submitVariants(veo, 3);
    await advance(0);
    const two = observe({ persist }, queryClient);
    expect(two.result().slots.map((slot) => slot.taskId)).toEqual(
      one.result().slots.map((slot) => slot.taskId),
    );
    const client = createClient({ baseUrl: ORIGIN });
    const watcher = new QueryObserver(
      queryClient,
      taskQueryOptions(client, submissions[0]!.taskId),
    );
    unsubscribes.push(watcher.subscribe(() => {}));
    await advance(300_000, () => !one.result().isBusy && !two.result().isBusy);
    // Both instances start the queued slot when a place frees: one POST, no refused double submit.
    expect(statuses(two.result())).toEqual(['completed', 'completed', 'completed']);
    expect(statuses(one.result())).toEqual(['completed', 'completed', 'completed']);
    expect(posts()).toBe(3);
    expect(warn).not.toHaveBeenCalled();
    for (const { taskId } of submissions) {
      const times = getsOf(taskId).map((r) => r.time);
      expect(times.length).toBeGreaterThan(0);
      // Never two GETs of one task at one instant.
      expect(new Set(times).size).toBe(times.length);
    }
  });
});
