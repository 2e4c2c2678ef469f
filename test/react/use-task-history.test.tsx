import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, type Task, type TaskPage } from '../../src/core/index.js';
import {
  useGenerateImage,
  useTask,
  useTaskHistory,
  type TaskHistoryStore,
} from '../../src/react/index.js';
import { advance, ORIGIN, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({ timing: 'realistic' });

/** Submits straight to the mock (as another tab would) and returns the id. */
async function submit(prompt: string) {
  const client = createClient({ baseUrl: ORIGIN });
  return (await client.generateImage({ model: 'gpt-image-2', prompt })).taskId;
}

/** Moves virtual time in steps until `check` passes (waitFor's own timers are faked here). */
async function until(check: () => void, ms = 30_000) {
  for (let waited = 0; ; waited += 100) {
    try {
      return check();
    } catch (error) {
      if (waited >= ms) throw error;
      await advance(100);
    }
  }
}

const lists = () => mock.count('GET', '/api/ai/tasks');
const getsOf = (id: string) => mock.count('GET', `/api/ai/tasks/${id}`);

/** A browser history store in memory, standing in for IndexedDB (tested on its own in Chromium). */
function memoryStore(): TaskHistoryStore & { rows: Map<string, Task> } {
  const rows = new Map<string, Task>();
  return {
    rows,
    async put(scope, task) {
      const kept = rows.get(`${scope}/${task.id}`);
      if (kept && kept.status !== 'pending' && task.status === 'pending') return;
      rows.set(`${scope}/${task.id}`, { ...task, request: task.request ?? kept?.request ?? null });
    },
    async get(scope, id) {
      return rows.get(`${scope}/${id}`) ?? null;
    },
    async list(scope): Promise<TaskPage> {
      const tasks = [...rows.entries()]
        .filter(([key]) => key.startsWith(`${scope}/`))
        .map(([, task]) => task)
        .reverse();
      return { tasks, nextCursor: null };
    },
  };
}

describe('useTaskHistory', { timeout: SLOW }, () => {
  it('lists the tasks newest first and keeps pending ones live without reading the list again', async () => {
    const ids = [await submit('one'), await submit('two'), await submit('three')];
    const { result } = renderHook(() => useTaskHistory(), providers());
    await until(() => expect(result.current.tasks).toHaveLength(3));
    expect(result.current.source).toBe('server');
    expect(result.current.tasks.map((task) => task.id)).toEqual([...ids].reverse());
    expect(result.current.tasks[0]).toMatchObject({
      status: 'pending',
      request: { model: 'gpt-image-2', prompt: 'three' },
    });
    await advance(120_000);
    expect(result.current.tasks.map((task) => task.status)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    // The request stays known once the polls (which do not carry it) bring the outputs.
    expect(result.current.tasks[0]!.request).toEqual({ model: 'gpt-image-2', prompt: 'three' });
    expect(result.current.tasks[0]!.imageUrls).toHaveLength(1);
    expect(lists()).toBe(1);
    // Ended tasks are polled no more.
    const polls = mock.gets();
    await advance(60_000);
    expect(mock.gets()).toBe(polls);
  });

  it('shares the poll of a task another component follows: never two requests at once for it', async () => {
    const id = await submit('shared');
    const { result } = renderHook(
      () => ({ history: useTaskHistory(), task: useTask(id) }),
      providers(),
    );
    await until(() => expect(result.current.history.tasks).toHaveLength(1));
    await advance(90_000);
    expect(result.current.task.data?.status).toBe('completed');
    expect(result.current.history.tasks[0]!.status).toBe('completed');
    const times = new Map<number, number>();
    for (const r of mock.api.requests.filter((r) => r.path === `/api/ai/tasks/${id}`))
      times.set(r.time, (times.get(r.time) ?? 0) + 1);
    expect(Math.max(...times.values())).toBe(1);
    expect(getsOf(id)).toBeGreaterThan(1);
  });

  it('pages with fetchNextPage until there is no next page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await submit(`task ${i}`));
      await advance(10); // one after the other, as a user submits them
    }
    const { result } = renderHook(() => useTaskHistory({ limit: 2 }), providers());
    await until(() => expect(result.current.tasks).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(true);
    await act(async () => result.current.fetchNextPage());
    await until(() => expect(result.current.tasks).toHaveLength(4));
    await act(async () => result.current.fetchNextPage());
    await until(() => expect(result.current.tasks).toHaveLength(5));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.tasks.map((task) => task.id)).toEqual([...ids].reverse());
  });

  it('shows a task the app submits without a manual refresh', async () => {
    const { result } = renderHook(
      () => ({ history: useTaskHistory(), image: useGenerateImage() }),
      providers(),
    );
    await until(() => expect(result.current.history.source).toBe('server'));
    expect(result.current.history.tasks).toEqual([]);
    await act(async () =>
      result.current.image.generate({ model: 'gpt-image-2', prompt: 'A new one' }),
    );
    await until(() =>
      expect(result.current.history.tasks[0]).toMatchObject({
        id: result.current.image.taskId,
        request: { model: 'gpt-image-2', prompt: 'A new one' },
      }),
    );
  });

  it('says why when the list cannot be read and there is no browser store', async () => {
    mock.api.setScenario({ unauthorized: true });
    const { result } = renderHook(() => useTaskHistory({ historyStore: false }), providers());
    await until(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('unauthorized');
    expect(result.current.tasks).toEqual([]);
  });
});

describe('useTaskHistory when the list fails', { timeout: SLOW }, () => {
  it("says so after the client's own retries, without retrying each of them again", async () => {
    mock.api.inject(
      { type: 'serverError', status: 503, body: 'json' },
      { method: 'GET', path: '/api/ai/tasks', times: Infinity },
    );
    const { result } = renderHook(() => useTaskHistory({ historyStore: false }), providers());
    await until(() => expect(result.current.isError).toBe(true), 20_000);
    expect(result.current.error?.code).toBe('server_error');
    // One request and the transport's 3 retries (with backoff), not TanStack Query's 3 on top of those.
    expect(lists()).toBe(4);
  });
});

describe('useTaskHistory without a list on the server', { timeout: SLOW }, () => {
  it('keeps history in the browser store: records the hooks submits, per scope, and follows them', async () => {
    // The API itself: no list (404).
    let listed = 0;
    mock.server.use(
      http.get(`${ORIGIN}/api/ai/tasks`, () => {
        listed++;
        return HttpResponse.json({ error: 'Not found' }, { status: 404 });
      }),
    );
    const store = memoryStore();
    const { result } = renderHook(
      () => ({ history: useTaskHistory({ historyStore: store }), image: useGenerateImage() }),
      providers({ persistScope: 'user-1' }),
    );
    await until(() => expect(result.current.history.source).toBe('browser'));
    expect(result.current.history.tasks).toEqual([]);
    await act(async () =>
      result.current.image.generate({ model: 'gpt-image-2', prompt: 'Kept in the browser' }),
    );
    await until(() => expect(result.current.history.tasks).toHaveLength(1));
    const [task] = result.current.history.tasks;
    expect(task).toMatchObject({
      id: result.current.image.taskId,
      status: 'pending',
      request: { model: 'gpt-image-2', prompt: 'Kept in the browser' },
    });
    expect([...store.rows.keys()]).toEqual([`user-1/${task!.id}`]);
    await advance(90_000);
    expect(result.current.history.tasks[0]!.status).toBe('completed');
    // The store keeps the ended snapshot, with its request, for the next visit.
    await until(() =>
      expect(store.rows.get(`user-1/${task!.id}`)).toMatchObject({
        status: 'completed',
        request: { prompt: 'Kept in the browser' },
      }),
    );
    // The list path was asked once (404), then never again.
    expect(listed).toBe(1);
  });
});
