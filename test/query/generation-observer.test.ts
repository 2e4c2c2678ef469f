// The generation observer on its own: no React, TanStack's query-core, the mock API behind the
// client's fetch, all on one fake clock (the client, the mock and query-core read `Date`, and every
// timer goes through query-core's timeoutManager onto the faked `setTimeout`).
import { environmentManager, QueryClient, timeoutManager } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  SubmitOutcomeUnknownError,
  TimeoutError,
  ValidationError,
  type Task,
} from '../../src/core/index.js';
import { createMockApi, type MockApi } from '../../src/mock/index.js';
import {
  GenerationObserver,
  type GenerationObserverOptions,
} from '../../src/query/generation-observer.js';
import type { StorageLike } from '../../src/query/persistence.js';
import { fetchFrom } from '../helpers/fetch-from-mock.js';

// A client, as in a browser or a service worker: query-core schedules no refetch timers on a server.
environmentManager.setIsServer(() => false);

// Every timer query-core and the observer set, by delay: they all go through this provider.
const delays: number[] = [];
timeoutManager.setTimeoutProvider({
  setTimeout: (callback, ms) => (delays.push(ms), setTimeout(callback, ms)),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
});

const START = Date.UTC(2026, 10, 24, 12);
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;
type Veo = typeof veo | { model: string; prompt: string; duration: number };

/** Web Storage over a map: Node has no localStorage. */
function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

let api: MockApi;
let queryClients: QueryClient[];
let unsubscribes: Array<() => void>;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(START);
  api = createMockApi({ seed: 7, timing: 'realistic' });
  queryClients = [];
  unsubscribes = [];
  delays.length = 0;
});
afterEach(() => {
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  queryClients.forEach((queryClient) => queryClient.unmount());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A generation as an app has one: a fresh QueryClient (a "reload" makes another), listened to. */
function observe(options: GenerationObserverOptions<Veo> = {}, { listen = true } = {}) {
  const queryClient = new QueryClient();
  queryClient.mount();
  queryClients.push(queryClient);
  const client = createClient({
    baseUrl: 'http://localhost:3000',
    fetch: fetchFrom(api),
    retry: { jitter: false },
  });
  const observer = new GenerationObserver<Veo>(client, queryClient, 'video', options);
  const seen: string[] = [];
  const listener = () => void seen.push(observer.getCurrentResult().status);
  if (listen) unsubscribes.push(observer.subscribe(listener));
  return { observer, seen, result: () => observer.getCurrentResult() };
}

/** Virtual time in 100 ms steps, settling promises at each. */
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 100) await vi.advanceTimersByTimeAsync(Math.min(100, left));
  await vi.advanceTimersByTimeAsync(0);
}

const posts = () => api.requests.filter((r) => r.method === 'POST').length;
const gets = () => api.requests.filter((r) => r.method === 'GET').length;

describe('GenerationObserver', { timeout: 60_000 }, () => {
  it('goes idle → submitting → pending → completed with one POST, announcing each outcome once', async () => {
    const onSubmitted = vi.fn();
    const onCompleted = vi.fn();
    const onSettled = vi.fn();
    const { observer, result, seen } = observe({ onSubmitted, onCompleted, onSettled });
    expect(result()).toMatchObject({ status: 'idle', isBusy: false, progress: null });
    observer.generate(veo);
    expect(result()).toMatchObject({ status: 'submitting', isBusy: true });
    await advance(0);
    expect(result()).toMatchObject({ status: 'pending', creditsUsed: 9, request: veo });
    expect(result().taskId).toMatch(/^tsk_/);
    expect(onSubmitted).toHaveBeenCalledTimes(1);
    await advance(150_000);
    expect(result().status).toBe('completed');
    expect(result().task?.videoUrl).toMatch(/video\.mp4$/);
    expect(result().progress).toMatchObject({ estimate: 1, isEstimate: false });
    expect(onCompleted).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledWith(result().task, null);
    expect(seen).toEqual(expect.arrayContaining(['submitting', 'pending', 'completed']));
    expect(posts()).toBe(1);
    // Free for the next intent, and a completed task is never fetched again.
    const polled = gets();
    await advance(300_000);
    expect(gets()).toBe(polled);
    expect(result().isBusy).toBe(false);
  });

  it('refuses a second submit while one is in flight, at once and with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { observer } = observe();
    const first = observer.generateAsync(veo);
    await expect(observer.generateAsync(veo)).rejects.toThrow(/already in flight/);
    await advance(0);
    await expect(first).resolves.toMatchObject({ taskId: expect.stringMatching(/^tsk_/) });
    await expect(observer.generateAsync(veo)).rejects.toThrow(/already in flight/);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(posts()).toBe(1);
  });

  it('refuses an invalid request with its field errors and sends nothing', async () => {
    const onFailed = vi.fn();
    const { observer, result } = observe({ onFailed });
    await expect(
      observer.generateAsync({ model: 'kling/v2-1-pro', prompt: 'x', duration: 7 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(result()).toMatchObject({ status: 'failed', isBusy: false });
    expect(result().fieldErrors).toMatchObject({
      duration: ['duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(api.requests).toHaveLength(0);
  });

  it('polls only while listened to', async () => {
    const { observer } = observe();
    await observer.generateAsync(veo);
    unsubscribes.pop()!();
    await advance(120_000);
    expect(gets()).toBe(0);
    unsubscribes.push(observer.subscribe(() => {}));
    await advance(120_000);
    expect(gets()).toBeGreaterThan(0);
    expect(observer.getCurrentResult().status).toBe('completed');
  });

  it('cancel() stops following and frees it; reset() also forgets the request', async () => {
    const { observer, result } = observe();
    await observer.generateAsync(veo);
    observer.cancel();
    expect(result()).toMatchObject({ status: 'idle', isBusy: false, request: veo });
    await advance(120_000);
    expect(gets()).toBe(0);
    observer.reset();
    expect(result().request).toBeNull();
  });

  it('times out with the task kept; resume() follows the same task to the end', async () => {
    const { observer, result } = observe({ timeoutMs: 25_000 });
    await observer.generateAsync({ ...veo, model: 'veo3' });
    const { taskId } = result();
    await advance(40_000);
    expect(result().status).toBe('failed');
    expect(result().error).toBeInstanceOf(TimeoutError);
    // Stopped: no polls until resumed, by which time the task (50–120 s) has finished.
    const polled = gets();
    await advance(80_000);
    expect(gets()).toBe(polled);
    observer.resume();
    await advance(20_000);
    expect(result()).toMatchObject({ status: 'completed', taskId });
    expect(posts()).toBe(1);
  });

  it('remembers a pending task, and a new observer (a reload) follows it with no new submit', async () => {
    const storage = memoryStorage();
    const persist = { key: 'video-form', storage };
    const first = observe({ persist });
    await first.observer.generateAsync(veo);
    const stored = JSON.parse(storage.map.get('gptimage2:video-form')!) as { taskId: string };
    expect(stored).toMatchObject({
      status: 'pending',
      taskId: first.result().taskId,
      model: 'veo3_fast',
    });
    unsubscribes.pop()!();

    const reloaded = observe({ persist });
    expect(reloaded.result()).toMatchObject({ status: 'pending', taskId: stored.taskId });
    await advance(150_000);
    expect(reloaded.result().status).toBe('completed');
    expect(posts()).toBe(1);
    expect(storage.map.size).toBe(0);
  });

  it('keeps remembered generations apart per scope', async () => {
    const storage = memoryStorage();
    const persist = { key: 'video-form', storage };
    const alice = observe({ persist, persistScope: 'alice' });
    await alice.observer.generateAsync(veo);
    expect([...storage.map.keys()]).toEqual(['gptimage2:alice:video-form']);
    const bob = observe({ persist, persistScope: 'bob' });
    expect(bob.result().status).toBe('idle');
    // Bob signs out and Alice signs in: the same observer takes up her task.
    bob.observer.setOptions({ persist, persistScope: 'alice' });
    expect(bob.result()).toMatchObject({ status: 'pending', taskId: alice.result().taskId });
  });

  it('waits for a submit another page has in flight, then calls its outcome unknown; timers go through timeoutManager', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'gptimage2:video-form',
      JSON.stringify({ status: 'submitting', model: 'veo3_fast', submittedAt: START - 10_000 }),
    );
    const onFailed = vi.fn();
    const { observer, result } = observe({ persist: { key: 'video-form', storage }, onFailed });
    expect(result()).toMatchObject({ status: 'submitting', isBusy: true });
    // The grace (60 s from the submit) is a timer of timeoutManager's.
    expect(delays).toContain(50_000);
    expect(observer.generateAsync(veo)).rejects.toThrow(/already in flight/);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await advance(50_000);
    expect(result().status).toBe('failed');
    expect(result().error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.getItem('gptimage2:video-form')!)).toMatchObject({
      status: 'unknown',
    });
    observer.reset();
    expect(storage.map.size).toBe(0);
    expect(posts()).toBe(0);
  });

  it('ignores and removes a tampered remembered task, with a development warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage();
    storage.setItem(
      'gptimage2:video-form',
      JSON.stringify({
        status: 'pending',
        taskId: '%E0%A4%A',
        model: 'veo3_fast',
        submittedAt: START,
        creditsUsed: 9,
      }),
    );
    const { result } = observe({ persist: { key: 'video-form', storage } });
    await advance(10_000);
    expect(result()).toMatchObject({ status: 'idle', error: null });
    expect(storage.map.size).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored and removed/));
    expect(api.requests).toHaveLength(0);
  });

  it('gives progress at any time from progressAt(now)', async () => {
    const { observer } = observe();
    await observer.generateAsync({ ...veo, model: 'veo3' });
    const submittedAt = observer.getCurrentResult().submittedAt!;
    const at = (seconds: number) => observer.progressAt(submittedAt + seconds * 1000)!;
    expect(at(10)).toMatchObject({ elapsedMs: 10_000, isEstimate: true });
    expect(at(10).estimate!).toBeLessThan(at(20).estimate!);
    expect(at(300).estimate!).toBeLessThan(0.95);
    expect((observer.getCurrentResult().task as Task).status).toBe('pending');
  });
});
